package io.mingjing.platform.warning;

import io.mingjing.platform.feature.DataBoundary;
import io.mingjing.platform.feature.Feature;
import io.mingjing.platform.feature.FeatureManifest;
import io.mingjing.platform.feature.StaffPage;
import io.mingjing.sdk.Changelog;
import io.mingjing.sdk.ModuleManifest;
import io.mingjing.sdk.Names;
import io.mingjing.sdk.Roles;
import jakarta.enterprise.context.ApplicationScoped;

/** 预警 as a built-in module: its changelog, texts, and the fact views rule packs may read. */
@ApplicationScoped
public class WarningFeature implements Feature {

    public static final String ID = "warnings";

    @Override
    public FeatureManifest manifest() {
        return FeatureManifest.of(ModuleManifest.of(ID, "1.0.0", new Names("预警", "Warnings"),
                "Rules over the county's own data with county thresholds; warnings in red, yellow and green, handled within a time limit.",
                new Changelog("db/warning.xml")),
                FeatureManifest.OPTIONAL, null, "warning.", DataBoundary.views("v_fact_approval", "v_fact_labour",
                        "v_fact_payment", "v_fact_seal_use", "v_fact_purchase", "v_fact_appeal",
                        "v_fact_complaints_naming", "v_fact_disclosure_coverage"),
                new StaffPage(new Names("预警（红黄绿）", "Warnings"), "/staff/warnings", Roles.INSPECTOR),
                new StaffPage(new Names("预警（红黄绿）", "Warnings"), "/staff/warnings", Roles.TOWN_OFFICIAL),
                new StaffPage(new Names("待我处置的预警", "Warnings for me"), "/staff/warnings/queue", Roles.INSPECTOR),
                new StaffPage(new Names("待我处置的预警", "Warnings for me"), "/staff/warnings/queue", Roles.TOWN_OFFICIAL),
                new StaffPage(new Names("待我处置的预警", "Warnings for me"), "/staff/warnings/queue", Roles.CADRE),
                new StaffPage(new Names("待我处置的预警", "Warnings for me"), "/staff/warnings/queue", Roles.SUPERVISOR),
                new StaffPage(new Names("待我处置的预警", "Warnings for me"), "/staff/warnings/queue", Roles.DEPARTMENT_STAFF),
                new StaffPage(new Names("预警规则与阈值", "Warning rules"), "/staff/warnings/rules", Roles.TENANT_ADMIN));
    }
}
