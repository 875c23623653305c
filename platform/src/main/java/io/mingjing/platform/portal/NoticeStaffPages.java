package io.mingjing.platform.portal;

import io.mingjing.platform.feature.OfFeature;
import io.mingjing.platform.notice.NoticeFeature;
import io.mingjing.platform.identity.Role;
import io.mingjing.platform.notice.Notice;
import io.mingjing.platform.notice.NoticeService;
import io.mingjing.platform.orgunit.OrgUnitLevel;
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

/** 发布通知: a notice to the county, a town or a village the writer serves, confirmed before it goes out. */
@OfFeature(NoticeFeature.ID)
@Path("/t/{tenant}/staff/notices")
@Produces(MediaType.TEXT_HTML)
@Authenticated
public class NoticeStaffPages extends StaffContentPages {

    @Inject
    NoticeService notices;
    @Inject
    StaffPlaces places;

    @Override
    public String key() {
        return "notices";
    }

    @Override
    public void requireWriter() {
        notices.requireWriter();
    }

    @Override
    public List<Field> fields(Page p) {
        List<Option> to = new ArrayList<>();
        if (caller.get().hasRole(Role.TENANT_ADMIN) || caller.get().hasRole(Role.DEPARTMENT_STAFF)) {
            to.add(new Option("COUNTY", p.t("target.COUNTY") + " · " + p.countyName()));
        }
        places.mine(OrgUnitLevel.TOWN, OrgUnitLevel.VILLAGE).forEach(u -> to.add(new Option(u.level + ":" + u.code,
                u.name)));
        return List.of(Field.select("to", p.t("staff.field.to"), to), Field.text("title", p.t("staff.field.title"),
                200, true), Field.area("body", p.t("staff.field.body"), 20_000, true, null));
    }

    private static NoticeService.NewNotice notice(Map<String, String> v) {
        String to = v.getOrDefault("to", "");
        int colon = to.indexOf(':');
        return new NoticeService.NewNotice(v.get("title"), v.get("body"), colon < 0 ? to : to.substring(0, colon),
                colon < 0 ? null : to.substring(colon + 1));
    }

    @Override
    public void check(Map<String, String> values) {
        notices.requirePublisher(notice(values));
    }

    @Override
    public String publish(Map<String, String> values, String actor) {
        return "/notices/" + notices.publish(notice(values), actor).id;
    }

    /** The service speaks of a target and a code; the form offers one choice of where to. */
    @Override
    public String fieldOf(String key) {
        return key.equals("target") || key.equals("code") ? "to" : key;
    }

    @Override
    public List<Listed> recent(Page p) {
        return Notice.<Notice>find("order by publishedAt desc").page(0, 20).list().stream()
                .map(n -> new Listed(n.title, p.base() + "/notices/" + n.id, p.day(n.publishedAt) + " · "
                        + p.tt("target.", n.targetLevel.name()))).toList();
    }
}
