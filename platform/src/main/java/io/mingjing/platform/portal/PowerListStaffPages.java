package io.mingjing.platform.portal;

import io.mingjing.platform.orgunit.OrgUnitLevel;
import io.mingjing.platform.identity.Role;
import io.mingjing.platform.powerlist.PowerItem;
import io.mingjing.platform.powerlist.PowerListService;
import io.mingjing.platform.feature.OfFeature;
import io.mingjing.platform.powerlist.PowerListFeature;
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
 * 小微权力清单: a power of the county's villages or of one village, with its legal basis, who is
 * responsible and its steps (one a line, drawn as the flowchart), confirmed before it is published.
 */
@OfFeature(PowerListFeature.ID)
@Path("/t/{tenant}/staff/power-items")
@Produces(MediaType.TEXT_HTML)
@Authenticated
public class PowerListStaffPages extends StaffContentPages {

    @Inject
    StaffPlaces places;
    @Inject
    PowerListService power;

    @Override
    public String key() {
        return "power-items";
    }

    @Override
    public void requireWriter() {
        power.requireWriter();
    }

    @Override
    public List<Field> fields(Page p) {
        List<Option> where = new ArrayList<>();
        if (caller.get().hasRole(Role.TENANT_ADMIN) || caller.get().hasRole(Role.DEPARTMENT_STAFF)) {
            where.add(new Option("", p.t("staff.power.everyVillage")));
        }
        places.mine(OrgUnitLevel.VILLAGE).forEach(u -> where.add(new Option(u.code, u.name)));
        return List.of(Field.select("village", p.t("staff.field.where"), where),
                Field.text("category", p.t("category"), 40, true),
                Field.text("title", p.t("staff.field.title"), 200, true),
                Field.area("legalBasis", p.t("power.basis"), 1000, true, null),
                Field.text("responsibleRole", p.t("power.role"), 100, true),
                Field.area("steps", p.t("power.flow"), 6200, true, p.t("staff.hint.steps")));
    }

    private static PowerListService.NewItem item(Map<String, String> v) {
        String village = v.get("village");
        return new PowerListService.NewItem(village == null || village.isBlank() ? null : village, v.get("category"),
                v.get("title"), v.get("legalBasis"), v.get("responsibleRole"), ContentLines.lines(v.get("steps")), null);
    }

    @Override
    public void check(Map<String, String> values) {
        power.requireAuthor(item(values));
        power.check(item(values));
    }

    @Override
    public String publish(Map<String, String> values, String actor) {
        PowerItem x = power.create(item(values), actor);
        return "/power/" + x.id + (x.villageCode == null ? "" : "?v=" + x.villageCode);
    }

    @Override
    public List<Listed> recent(Page p) {
        return PowerItem.<PowerItem>find("order by id desc").page(0, 20).list().stream()
                .map(x -> new Listed(x.title, p.base() + "/power/" + x.id + (x.villageCode == null ? "" : "?v="
                        + x.villageCode), x.category)).toList();
    }
}
