package io.mingjing.platform.powerlist;

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

/** 小微权力清单: what village cadres may decide, on what basis and in which steps. */
@ApplicationScoped
public class PowerListFeature implements Feature {

    public static final String ID = "power-list";

    @Inject
    PowerListService power;

    @Override
    public FeatureManifest manifest() {
        return FeatureManifest.of(ModuleManifest.of(ID, "1.0.0", new Names("小微权力清单", "Power list"),
                "The small powers of village cadres, each with its legal basis and steps.",
                new Changelog("db/powerlist.xml")), FeatureManifest.OPTIONAL,
                "tenants/<id>/transparency.yaml (powerList)", "power.", DataBoundary.CLOSED,
                new PortalColumn("power", "col.power", this::column).at(50), page(Roles.CADRE),
                page(Roles.TOWN_OFFICIAL), page(Roles.DEPARTMENT_STAFF), page(Roles.TENANT_ADMIN));
    }

    private static StaffPage page(String role) {
        return new StaffPage(new Names("编写权力清单", "Write a power-list item"), "/staff/power-items", role);
    }

    private List<Item> column(Query q) {
        return q.window(power.forVillage(q.village())).stream()
                .map(i -> new Item(i.title, "/power/" + i.id + "?v=" + q.village(), null, i.category, null)).toList();
    }
}
