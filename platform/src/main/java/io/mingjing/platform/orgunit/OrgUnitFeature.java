package io.mingjing.platform.orgunit;

import io.mingjing.platform.feature.DataBoundary;
import io.mingjing.platform.feature.Feature;
import io.mingjing.platform.feature.FeatureManifest;
import io.mingjing.sdk.Changelog;
import io.mingjing.sdk.ModuleManifest;
import io.mingjing.sdk.Names;
import jakarta.enterprise.context.ApplicationScoped;

/** 行政区划: the county's towns, villages and grids, which every place check stands on; always on. */
@ApplicationScoped
public class OrgUnitFeature implements Feature {

    @Override
    public FeatureManifest manifest() {
        return FeatureManifest.of(ModuleManifest.of("org-units", "1.0.0", new Names("行政区划", "Towns and villages"),
                "The county's towns, villages and grids, by their statistical codes.",
                new Changelog("db/org-unit.xml")), FeatureManifest.ALWAYS_ON, "tenants/<id>/org-units.csv", "target.",
                DataBoundary.views("v_org_unit"));
    }
}
