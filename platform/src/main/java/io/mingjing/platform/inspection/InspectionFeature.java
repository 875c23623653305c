package io.mingjing.platform.inspection;

import io.mingjing.platform.feature.DataBoundary;
import io.mingjing.platform.feature.Feature;
import io.mingjing.platform.feature.FeatureManifest;
import io.mingjing.platform.feature.StaffPage;
import io.mingjing.sdk.Changelog;
import io.mingjing.sdk.ModuleManifest;
import io.mingjing.sdk.Names;
import io.mingjing.sdk.Roles;
import jakarta.enterprise.context.ApplicationScoped;

/** 电子抽检 as a built-in module: its changelog, demo rounds, texts, closed tables and staff pages. */
@ApplicationScoped
public class InspectionFeature implements Feature {

    public static final String ID = "inspections";
    private static final Names NAME = new Names("电子抽检", "Remote inspection");

    @Override
    public FeatureManifest manifest() {
        return FeatureManifest.of(ModuleManifest.of(ID, "1.0.0", NAME,
                "Inspectors, or a town within the town, draw villages and their records (logs, disclosures, ledgers)"
                        + " at random and record a result per village, instead of visiting.",
                new Changelog("db/inspection.xml")), FeatureManifest.OPTIONAL, "tenants/<id>/inspections.yaml",
                "inspection.", DataBoundary.CLOSED,
                new StaffPage(NAME, "/staff/inspections", Roles.INSPECTOR),
                new StaffPage(NAME, "/staff/inspections", Roles.TOWN_OFFICIAL),
                new StaffPage(NAME, "/staff/inspections", Roles.CADRE),
                new StaffPage(NAME, "/staff/inspections", Roles.SUPERVISOR));
    }
}
