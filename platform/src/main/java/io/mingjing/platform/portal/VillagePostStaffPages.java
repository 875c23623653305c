package io.mingjing.platform.portal;

import io.mingjing.platform.orgunit.OrgUnitLevel;
import io.mingjing.platform.villagepost.VillagePost;
import io.mingjing.platform.villagepost.VillagePosts;
import io.mingjing.platform.feature.OfFeature;
import io.mingjing.platform.villagepost.VillagePostFeature;
import io.mingjing.platform.portal.StaffContent.Field;
import io.mingjing.platform.portal.StaffContent.Listed;
import io.mingjing.platform.portal.StaffContent.Option;
import io.quarkus.security.Authenticated;
import jakarta.inject.Inject;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** 制度公约与荣誉榜: a village's rule or honour, written by its staff and confirmed before it is published. */
@OfFeature(VillagePostFeature.ID)
@Path("/t/{tenant}/staff/posts")
@Produces(MediaType.TEXT_HTML)
@Authenticated
public class VillagePostStaffPages extends StaffContentPages {

    @Inject
    StaffPlaces places;
    @Inject
    VillagePosts posts;

    @Override
    public String key() {
        return "posts";
    }

    @Override
    public void requireWriter() {
        posts.requireWriter();
    }

    @Override
    public List<Field> fields(Page p) {
        List<Option> villages = new ArrayList<>();
        places.mine(OrgUnitLevel.VILLAGE).forEach(u -> villages.add(new Option(u.code, u.name)));
        return List.of(Field.select("village", p.t("appeal.form.village"), villages),
                Field.select("kind", p.t("staff.field.kind"), List.of(new Option("RULE", p.t("col.rules")),
                        new Option("HONOUR", p.t("col.honours")))),
                Field.text("title", p.t("staff.field.title"), 200, true),
                Field.area("body", p.t("staff.field.body"), 20_000, true, null));
    }

    private static VillagePosts.NewPost post(Map<String, String> v) {
        return new VillagePosts.NewPost(v.get("kind"), v.get("title"), v.get("body"));
    }

    @Override
    public void check(Map<String, String> values) {
        posts.requireAuthor(values.get("village"));
        posts.check(values.get("village"), post(values));
    }

    @Override
    public String publish(Map<String, String> values, String actor) {
        VillagePost x = posts.create(values.get("village"), post(values), actor);
        return "/v/" + x.villageCode + "/c/" + (x.kind == VillagePost.Kind.RULE ? "rules" : "honours") + "#post-" + x.id;
    }

    @Override
    public List<Listed> recent(Page p) {
        List<String> mine = places.mine(OrgUnitLevel.VILLAGE).stream().map(u -> u.code).toList();
        return mine.isEmpty() ? List.of() : VillagePost.<VillagePost>find("villageCode in ?1 order by publishedAt desc",
                mine).page(0, 20).list().stream().map(x -> new Listed(x.title, p.base() + "/v/" + x.villageCode + "/c/"
                        + (x.kind == VillagePost.Kind.RULE ? "rules" : "honours") + "#post-" + x.id,
                        p.day(x.publishedAt))).toList();
    }
}
