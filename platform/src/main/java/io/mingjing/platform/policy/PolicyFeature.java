package io.mingjing.platform.policy;

import io.mingjing.platform.feature.DataBoundary;
import io.mingjing.platform.feature.Feature;
import io.mingjing.platform.feature.FeatureManifest;
import io.mingjing.platform.feature.PortalColumn;
import io.mingjing.platform.feature.PortalColumn.Item;
import io.mingjing.platform.feature.PortalColumn.Query;
import io.mingjing.platform.feature.StaffPage;
import io.mingjing.sdk.Changelog;
import io.mingjing.sdk.MenuEntry;
import io.mingjing.sdk.ModuleManifest;
import io.mingjing.sdk.Names;
import io.mingjing.sdk.Roles;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.List;

/** 惠民政策: the county's policy library with questions and answers, searchable by anyone. */
@ApplicationScoped
public class PolicyFeature implements Feature {

    public static final String ID = "policies";

    @Inject
    PolicyService policies;

    @Override
    public FeatureManifest manifest() {
        return FeatureManifest.of(ModuleManifest.of(ID, "1.0.0", new Names("惠民政策", "Policies"),
                "The county's benefit policies, with questions and answers.", new Changelog("db/policy.xml"),
                new MenuEntry(new Names("查政策", "Search policies"), "/policies", Roles.ANYONE)),
                FeatureManifest.OPTIONAL, "tenants/<id>/transparency.yaml (policies)", "col.policies",
                DataBoundary.views("v_policy"), new PortalColumn("policies", "col.policies", this::column).at(60),
                new StaffPage(new Names("发布政策", "Publish a policy"), "/staff/policies", Roles.DEPARTMENT_STAFF),
                new StaffPage(new Names("发布政策", "Publish a policy"), "/staff/policies", Roles.TENANT_ADMIN));
    }

    private List<Item> column(Query q) {
        return q.window(policies.search(null, null)).stream()
                .map(p -> new Item(p.title, "/policies/" + p.id, null, p.category, null)).toList();
    }
}
