package io.mingjing.platform.cockpit;

import io.mingjing.platform.feature.DataBoundary;
import io.mingjing.platform.feature.Feature;
import io.mingjing.platform.feature.FeatureManifest;
import io.mingjing.platform.feature.StaffPage;
import io.mingjing.sdk.Changelog;
import io.mingjing.sdk.ModuleManifest;
import io.mingjing.sdk.Names;
import io.mingjing.sdk.Roles;
import io.mingjing.sdk.Setting;
import jakarta.enterprise.context.ApplicationScoped;

/** 数字驾驶舱 as a built-in module: figures of the county, a town or a village, kept from the rollups of figure/. */
@ApplicationScoped
public class CockpitFeature implements Feature {

    public static final String ID = "cockpit";
    /** What residents see on the county's figures page: counts of appeals, of approvals, of disclosures. */
    static final String PUBLIC_APPEALS = "public-appeals";
    static final String PUBLIC_APPROVALS = "public-approvals";
    static final String PUBLIC_DISCLOSURES = "public-disclosures";
    private static final Names NAME = new Names("数字驾驶舱", "Cockpit");

    @Override
    public FeatureManifest manifest() {
        return FeatureManifest.of(ModuleManifest.of(ID, "1.0.0", NAME,
                "Figures of appeals, approvals, disclosures and benefit money for the county, a town or a village, drilled down to the records.",
                new Changelog("db/figures.xml"), Setting.flag(PUBLIC_APPEALS, true), Setting.flag(PUBLIC_APPROVALS, true),
                Setting.flag(PUBLIC_DISCLOSURES, true)),
                FeatureManifest.OPTIONAL, null, "cockpit.", DataBoundary.CLOSED,
                new StaffPage(NAME, "/staff/cockpit", Roles.INSPECTOR),
                new StaffPage(NAME, "/staff/cockpit", Roles.TENANT_ADMIN),
                new StaffPage(NAME, "/staff/cockpit", Roles.DEPARTMENT_STAFF),
                new StaffPage(NAME, "/staff/cockpit", Roles.TOWN_OFFICIAL),
                new StaffPage(NAME, "/staff/cockpit", Roles.CADRE),
                new StaffPage(NAME, "/staff/cockpit", Roles.SUPERVISOR),
                new StaffPage(NAME, "/staff/cockpit", Roles.BOOKKEEPER));
    }
}
