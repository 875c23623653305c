package io.mingjing.platform.portal;

import io.mingjing.platform.policy.Policy;
import io.mingjing.platform.policy.PolicyService;
import io.mingjing.platform.feature.OfFeature;
import io.mingjing.platform.policy.PolicyFeature;
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

/**
 * 发布政策: a policy of the library with its questions and answers, one pair a line ("question | answer"),
 * confirmed before it is published.
 */
@OfFeature(PolicyFeature.ID)
@Path("/t/{tenant}/staff/policies")
@Produces(MediaType.TEXT_HTML)
@Authenticated
public class PolicyStaffPages extends StaffContentPages {

    @Inject
    StaffPlaces places;
    @Inject
    PolicyService policies;

    @Override
    public String key() {
        return "policies";
    }

    @Override
    public void requireWriter() {
        policies.requireAuthor();
    }

    @Override
    public List<Field> fields(Page p) {
        return List.of(Field.text("title", p.t("staff.field.title"), 200, true),
                Field.text("category", p.t("category"), 40, true),
                Field.text("department", p.t("staff.field.department"), 100, false),
                Field.area("summary", p.t("staff.field.summary"), 1000, false, null),
                Field.area("body", p.t("staff.field.body"), 50_000, true, null),
                Field.area("qa", p.t("qa"), 60_000, false, p.t("staff.hint.qa")));
    }

    private static PolicyService.NewPolicy policy(Map<String, String> v) {
        return new PolicyService.NewPolicy(v.get("title"), v.get("category"), v.get("department"), v.get("summary"),
                v.get("body"), ContentLines.pairs(v.get("qa")).stream()
                        .map(q -> new PolicyService.Qa(q.get(0), q.get(1))).toList());
    }

    @Override
    public void check(Map<String, String> values) {
        policies.requireAuthor();
        policies.check(policy(values));
    }

    @Override
    public String publish(Map<String, String> values, String actor) {
        return "/policies/" + policies.create(policy(values), actor).id;
    }

    @Override
    public List<Listed> recent(Page p) {
        return Policy.<Policy>find("order by publishedAt desc").page(0, 20).list().stream()
                .map(x -> new Listed(x.title, p.base() + "/policies/" + x.id, p.day(x.publishedAt) + " · "
                        + x.category)).toList();
    }
}
