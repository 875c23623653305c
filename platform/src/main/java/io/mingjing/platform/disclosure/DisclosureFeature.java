package io.mingjing.platform.disclosure;

import io.mingjing.platform.disclosure.DisclosureService.FeedItem;
import io.mingjing.platform.feature.DataBoundary;
import io.mingjing.platform.feature.Feature;
import io.mingjing.platform.feature.FeatureManifest;
import io.mingjing.platform.feature.PortalColumn;
import io.mingjing.platform.feature.PortalColumn.Item;
import io.mingjing.platform.feature.PortalColumn.Query;
import io.mingjing.platform.feature.StaffPage;
import io.mingjing.sdk.Changelog;
import io.mingjing.sdk.ModuleManifest;
import io.mingjing.sdk.Names;
import io.mingjing.sdk.Roles;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.ArrayList;
import java.util.List;

/**
 * 村务公开: always on, as the law requires every village to disclose. Its changelog also creates the
 * tables of the other round-2 transparency features, which were added in one change set.
 */
@ApplicationScoped
public class DisclosureFeature implements Feature {

    public static final String ID = "disclosures";

    @Inject
    DisclosureService disclosures;
    @Inject
    DisclosureAccess access;

    @Override
    public FeatureManifest manifest() {
        List<FeatureManifest.Part> parts = new ArrayList<>();
        for (Disclosure.Category c : Disclosure.Category.values()) {
            parts.add(new PortalColumn(c.name().toLowerCase(), "cat." + c, q -> feed(q, c)).at(10 + c.ordinal()));
        }
        parts.add(new PortalColumn("residents", "col.residents", this::residentsOnly, true).at(90));
        Names review = new Names("审核与起草", "Review and drafts");
        for (String role : List.of(Roles.CADRE, Roles.BOOKKEEPER, Roles.TOWN_OFFICIAL, Roles.TENANT_ADMIN)) {
            parts.add(new StaffPage(review, "/staff/disclosures", role));
        }
        return FeatureManifest.of(ModuleManifest.of(ID, "1.0.0", new Names("村务公开", "Village disclosures"),
                "Party, village and finance disclosures, reviewed by the town and kept with their receipts.",
                new Changelog("db/disclosure.xml")), FeatureManifest.ALWAYS_ON,
                "tenants/<id>/transparency.yaml (disclosures)", "cat.", DataBoundary.views("v_published_disclosure"),
                parts.toArray(FeatureManifest.Part[]::new));
    }

    /** On its own page resident-only versions too, for whoever may read them, each with its badge. */
    private List<Item> feed(Query q, Disclosure.Category category) {
        boolean residents = !q.home() && access.mayReadResidents(q.village());
        return disclosures.feed(q.village(), residents, category, q.page()).stream()
                .limit(q.limit()).map(f -> item(q, f)).toList();
    }

    private static Item item(Query q, FeedItem f) {
        String badge = f.visibility().equals("RESIDENTS") ? q.text().apply("badge.residents")
                : f.version() > 1 ? q.text().apply("badge.corrected") : null;
        return new Item(f.title() + (f.period() == null ? "" : "（" + f.period() + "）"), "/d/" + f.id(),
                f.publishedAt(), badge, null);
    }

    private List<Item> residentsOnly(Query q) {
        return q.window(disclosures.residentsOnly(q.village(), q.offset() + q.limit())).stream()
                .map(d -> new Item(d.title, "/d/" + d.id, d.publishedAt, q.text().apply("cat." + d.category), null))
                .toList();
    }
}
