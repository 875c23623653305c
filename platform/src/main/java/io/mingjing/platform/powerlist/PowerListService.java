package io.mingjing.platform.powerlist;

import io.mingjing.platform.audit.AuditLog;
import io.mingjing.platform.orgunit.OrgUnit;
import io.mingjing.platform.orgunit.OrgUnitLevel;
import io.mingjing.platform.orgunit.Places;
import io.mingjing.platform.identity.CurrentCaller;
import io.mingjing.platform.identity.Role;
import io.mingjing.platform.problem.ProblemException;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** 小微权力清单: the county's list (every village) and a village's own items, each with ordered steps. */
@ApplicationScoped
public class PowerListService {

    public record NewItem(String village, String category, String title, String legalBasis, String responsibleRole,
            List<String> steps, Integer position) {
    }

    @Inject
    AuditLog audit;
    @Inject
    CurrentCaller caller;
    @Inject
    Places places;

    /** Whoever may write some item: a village's or a town's staff, the departments, the admin. */
    public void requireWriter() {
        caller.requireRole(Role.CADRE, Role.TOWN_OFFICIAL, Role.DEPARTMENT_STAFF, Role.TENANT_ADMIN);
    }

    /** Who may write it: a county-wide item is the admin's and the departments'; a village's, its staff's too. */
    public void requireAuthor(NewItem n) {
        if (n == null || n.village() == null) {
            caller.requireRole(Role.TENANT_ADMIN, Role.DEPARTMENT_STAFF);
        } else {
            caller.requireRole(Role.CADRE, Role.TOWN_OFFICIAL, Role.DEPARTMENT_STAFF, Role.TENANT_ADMIN);
            places.requireActOn(n.village());
        }
    }

    /** A 400 with every field's problem unless the item is valid. Persists nothing. */
    public void check(NewItem n) {
        Map<String, String> errors = new LinkedHashMap<>();
        if (n == null) {
            throw ProblemException.invalid(400, "The body must be a power-list item.", Map.of("body", "is required"));
        }
        if (n.village() != null) {
            OrgUnit u = n.village().matches("\\d{12}") ? OrgUnit.findById(n.village()) : null;
            if (u == null || u.level != OrgUnitLevel.VILLAGE) {
                errors.put("village", "must be the code of a village of this county, or empty for every village");
            }
        }
        text(errors, "category", n.category(), 40);
        text(errors, "title", n.title(), 200);
        text(errors, "legalBasis", n.legalBasis(), 1000);
        text(errors, "responsibleRole", n.responsibleRole(), 100);
        if (n.steps() == null || n.steps().isEmpty() || n.steps().size() > 30) {
            errors.put("steps", "must list 1-30 steps in order");
        } else {
            for (int i = 0; i < n.steps().size(); i++) {
                text(errors, "steps[" + i + "]", n.steps().get(i), 200);
            }
        }
        if (!errors.isEmpty()) {
            throw ProblemException.invalid(400, "The power-list item is not valid.", errors);
        }
    }

    @Transactional
    public PowerItem create(NewItem n, String actor) {
        check(n);
        PowerItem x = new PowerItem();
        x.villageCode = n.village();
        x.category = n.category().strip();
        x.title = n.title().strip();
        x.legalBasis = n.legalBasis().strip();
        x.responsibleRole = n.responsibleRole().strip();
        x.steps = n.steps().stream().map(String::strip).toList();
        x.position = n.position() == null ? 0 : n.position();
        x.persist();
        audit.append(actor, "power-item.published", "PowerItem", x.id.toString(), (x.title + "\n" + x.legalBasis
                + "\n" + String.join("\n", x.steps)).getBytes(StandardCharsets.UTF_8));
        return x;
    }

    /** The items that apply to a village: the county's and its own. */
    public List<PowerItem> forVillage(String village) {
        return PowerItem.list("villageCode is null or villageCode = ?1 order by category, position, id", village);
    }

    private static void text(Map<String, String> errors, String field, String value, int max) {
        if (value == null || value.isBlank() || value.length() > max) {
            errors.put(field, "must be 1-" + max + " characters");
        }
    }
}
