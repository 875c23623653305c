package io.mingjing.platform.push;

import io.mingjing.platform.feature.DataBoundary;
import io.mingjing.platform.feature.Feature;
import io.mingjing.platform.feature.FeatureManifest;
import io.mingjing.platform.feature.StaffPage;
import io.mingjing.sdk.Changelog;
import io.mingjing.sdk.ModuleManifest;
import io.mingjing.sdk.Names;
import io.mingjing.sdk.Roles;
import jakarta.enterprise.context.ApplicationScoped;

/** 个性定制 as a built-in module: its changelog, closed tables, and the staff page of whoever may push. */
@ApplicationScoped
public class PushFeature implements Feature {

    public static final String ID = "push";

    @Override
    public FeatureManifest manifest() {
        return FeatureManifest.of(ModuleManifest.of(ID, "1.0.0", new Names("个性定制推送", "Targeted push"),
                "A notice or policy pushed to the residents chosen by village, age, programme or party membership, "
                        + "with delivery counts.", new Changelog("db/push.xml")),
                FeatureManifest.OPTIONAL, null, "push.", DataBoundary.CLOSED,
                page(Roles.CADRE), page(Roles.TOWN_OFFICIAL), page(Roles.DEPARTMENT_STAFF), page(Roles.TENANT_ADMIN));
    }

    private static StaffPage page(String role) {
        return new StaffPage(new Names("个性定制推送", "Targeted push"), "/staff/push", role);
    }
}
