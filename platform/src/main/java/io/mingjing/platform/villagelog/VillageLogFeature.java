package io.mingjing.platform.villagelog;

import io.mingjing.platform.feature.DataBoundary;
import io.mingjing.platform.feature.Feature;
import io.mingjing.platform.feature.FeatureManifest;
import io.mingjing.platform.feature.StaffPage;
import io.mingjing.sdk.Changelog;
import io.mingjing.sdk.ModuleManifest;
import io.mingjing.sdk.Names;
import io.mingjing.sdk.Roles;
import jakarta.enterprise.context.ApplicationScoped;

/** 村情记录 as a built-in module: its changelog, texts and closed tables. */
@ApplicationScoped
public class VillageLogFeature implements Feature {

    public static final String ID = "village-log";

    @Override
    public FeatureManifest manifest() {
        return FeatureManifest.of(ModuleManifest.of(ID, "1.0.0", new Names("村情记录", "Village log"),
                "Cadres' record of their work in the village, searched by keyword within the reader's places.",
                new Changelog("db/villagelog.xml")), FeatureManifest.OPTIONAL, "tenants/<id>/village-log.yaml",
                "villagelog.", DataBoundary.CLOSED,
                new StaffPage(new Names("村情记录", "Village log"), "/village-log", Roles.CADRE),
                new StaffPage(new Names("村情记录", "Village log"), "/village-log", Roles.TOWN_OFFICIAL),
                new StaffPage(new Names("村情记录", "Village log"), "/village-log", Roles.DEPARTMENT_STAFF));
    }
}
