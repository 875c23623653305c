package io.mingjing.platform.villagepost;

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

/** 制度公约 and 荣誉榜: a village's rules and its honours, shown in full on their column pages. */
@ApplicationScoped
public class VillagePostFeature implements Feature {

    public static final String ID = "village-posts";

    @Inject
    VillagePosts posts;

    @Override
    public FeatureManifest manifest() {
        return FeatureManifest.of(ModuleManifest.of(ID, "1.0.0", new Names("制度公约与荣誉榜", "Rules and honours"),
                "A village's rules and agreements, and its roll of honour.", new Changelog("db/villagepost.xml")),
                FeatureManifest.OPTIONAL, "tenants/<id>/transparency.yaml (rules, honours)", null,
                DataBoundary.CLOSED, column("rules", VillagePost.Kind.RULE).at(40),
                column("honours", VillagePost.Kind.HONOUR).at(41), page(Roles.CADRE), page(Roles.TOWN_OFFICIAL),
                page(Roles.TENANT_ADMIN));
    }

    private static StaffPage page(String role) {
        return new StaffPage(new Names("发布制度公约与荣誉", "Publish rules and honours"), "/staff/posts", role);
    }

    private PortalColumn column(String slug, VillagePost.Kind kind) {
        return new PortalColumn(slug, "col." + slug, q -> items(q, slug, kind));
    }

    /** Each post links to itself on the column page, which shows the bodies. */
    private List<Item> items(Query q, String slug, VillagePost.Kind kind) {
        return q.window(posts.list(q.village(), kind)).stream().map(x -> new Item(x.title,
                "/v/" + q.village() + "/c/" + slug + "#post-" + x.id, x.publishedAt, null, x.body)).toList();
    }
}
