package io.mingjing.platform.approval;

import io.mingjing.platform.feature.DataBoundary;
import io.mingjing.platform.feature.Feature;
import io.mingjing.platform.feature.FeatureManifest;
import io.mingjing.platform.feature.PortalColumn;
import io.mingjing.platform.feature.StaffPage;
import io.mingjing.sdk.Changelog;
import io.mingjing.sdk.ModuleManifest;
import io.mingjing.sdk.Names;
import io.mingjing.sdk.Roles;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

/** 三资审批 as a built-in module: its changelog, demo seed, texts, closed tables, portal column and staff pages. */
@ApplicationScoped
public class ApprovalFeature implements Feature {

    public static final String ID = "approvals";

    @Inject
    ApprovalLists lists;

    @Override
    public FeatureManifest manifest() {
        return FeatureManifest.of(ModuleManifest.of(ID, "1.0.0", new Names("三资审批", "Approvals"),
                "Paperless approvals of village payments, labour, procurement, projects and seal use, one form to the end.",
                new Changelog("db/approval.xml")),
                FeatureManifest.OPTIONAL, "tenants/<id>/approvals.yaml", "approval.", DataBoundary.CLOSED,
                new PortalColumn("approvals", "col.approvals", lists::published).at(15),
                new StaffPage(new Names("三资审批", "Approvals"), "/staff/approvals", Roles.BOOKKEEPER),
                new StaffPage(new Names("三资审批", "Approvals"), "/staff/approvals", Roles.CADRE),
                new StaffPage(new Names("待我审批", "Waiting for me"), "/staff/approvals/queue", Roles.SUPERVISOR),
                new StaffPage(new Names("待我审批", "Waiting for me"), "/staff/approvals/queue", Roles.TOWN_OFFICIAL),
                new StaffPage(new Names("用印登记", "Seal register"), "/staff/approvals/seals", Roles.SUPERVISOR),
                new StaffPage(new Names("用印登记", "Seal register"), "/staff/approvals/seals", Roles.INSPECTOR));
    }
}
