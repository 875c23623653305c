package io.mingjing.platform.notice;

import io.mingjing.platform.feature.DataBoundary;
import io.mingjing.platform.feature.Feature;
import io.mingjing.platform.feature.FeatureManifest;
import io.mingjing.platform.feature.PortalColumn;
import io.mingjing.platform.feature.PortalColumn.Item;
import io.mingjing.platform.feature.PortalColumn.Query;
import io.mingjing.platform.feature.StaffPage;
import io.mingjing.sdk.Roles;
import io.mingjing.sdk.Changelog;
import io.mingjing.sdk.ModuleManifest;
import io.mingjing.sdk.Names;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.List;

/** 村社通知: notices of the county, the town and the village, public. */
@ApplicationScoped
public class NoticeFeature implements Feature {

    public static final String ID = "notices";

    @Inject
    NoticeService notices;

    @Override
    public FeatureManifest manifest() {
        return FeatureManifest.of(ModuleManifest.of(ID, "1.0.0", new Names("村社通知", "Notices"),
                "Notices of the county, the town and the village.", new Changelog("db/notice.xml")),
                FeatureManifest.OPTIONAL, "tenants/<id>/transparency.yaml (notices)", "col.notices",
                DataBoundary.CLOSED, new PortalColumn("notices", "col.notices", this::column).at(20),
                page(Roles.CADRE), page(Roles.TOWN_OFFICIAL), page(Roles.DEPARTMENT_STAFF), page(Roles.TENANT_ADMIN));
    }

    private static StaffPage page(String role) {
        return new StaffPage(new Names("发布通知", "Publish a notice"), "/staff/notices", role);
    }

    private List<Item> column(Query q) {
        return q.window(notices.forVillages(List.of(q.village()), q.offset() + q.limit())).stream()
                .map(n -> new Item(n.title, "/notices/" + n.id, n.publishedAt, null, null)).toList();
    }
}
