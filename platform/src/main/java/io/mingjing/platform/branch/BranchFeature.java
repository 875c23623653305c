package io.mingjing.platform.branch;

import io.mingjing.platform.feature.DataBoundary;
import io.mingjing.platform.feature.Feature;
import io.mingjing.platform.feature.FeatureManifest;
import io.mingjing.platform.feature.StaffPage;
import io.mingjing.sdk.Changelog;
import io.mingjing.sdk.ModuleManifest;
import io.mingjing.sdk.Names;
import io.mingjing.sdk.Roles;
import jakarta.enterprise.context.ApplicationScoped;

/** 网上支部 as a built-in module: its changelog, texts, closed tables and the branch page (members only, whatever their role). */
@ApplicationScoped
public class BranchFeature implements Feature {

    public static final String ID = "branch-meetings";

    @Override
    public FeatureManifest manifest() {
        return FeatureManifest.of(ModuleManifest.of(ID, "1.0.0", new Names("网上支部", "Party branch"),
                "A village party branch online: meetings with minutes, photos and files for its members, likes and comments.",
                new Changelog("db/branch.xml")), FeatureManifest.OPTIONAL, "tenants/<id>/branch.yaml", "branch.",
                DataBoundary.CLOSED,
                new StaffPage(new Names("网上支部", "Party branch"), "/branch", Roles.CADRE));
    }
}
