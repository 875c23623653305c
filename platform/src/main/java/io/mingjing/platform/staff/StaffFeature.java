package io.mingjing.platform.staff;

import io.mingjing.platform.feature.DataBoundary;
import io.mingjing.platform.feature.Feature;
import io.mingjing.platform.feature.FeatureManifest;
import io.mingjing.sdk.Changelog;
import io.mingjing.sdk.ModuleManifest;
import io.mingjing.sdk.Names;
import jakarta.enterprise.context.ApplicationScoped;

/** 工作人员: the county's staff accounts and their posts; always on, as every other feature asks who acts. */
@ApplicationScoped
public class StaffFeature implements Feature {

    @Override
    public FeatureManifest manifest() {
        return FeatureManifest.of(ModuleManifest.of("staff", "1.0.0", new Names("工作人员", "Staff"),
                "Staff accounts of the county, its towns, villages and departments, with their roles.",
                new Changelog("db/people.xml")), FeatureManifest.ALWAYS_ON, "tenants/<id>/staff.csv", null,
                DataBoundary.CLOSED);
    }
}
