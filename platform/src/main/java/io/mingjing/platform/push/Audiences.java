package io.mingjing.platform.push;

import io.mingjing.platform.identity.Caller;
import io.mingjing.platform.identity.CurrentCaller;
import io.mingjing.platform.identity.Role;
import io.mingjing.platform.inbox.BulkMessages.Residents;
import io.mingjing.platform.orgunit.OrgUnit;
import io.mingjing.platform.orgunit.OrgUnitLevel;
import io.mingjing.platform.orgunit.Places;
import io.mingjing.platform.payment.Programme;
import io.mingjing.platform.problem.Problem;
import io.mingjing.platform.problem.ProblemException;
import io.mingjing.platform.push.PushRequests.Audience;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Whom a push may reach and whom it does: an audience checked against the sender's places (a cadre
 * their village, a town official their town's villages, county staff the county) and turned into one
 * SQL selection of residents, so that counting and queuing 130,000 of them are each one statement.
 */
@ApplicationScoped
public class Audiences {

    static final int MAX_UNITS = 1000;
    static final int MAX_PROGRAMMES = 50;
    static final int MAX_AGE = 150;
    static final ZoneId CHINA = ZoneId.of("Asia/Shanghai");
    private static final Set<String> SENDERS = Set.of(Role.CADRE, Role.TOWN_OFFICIAL, Role.DEPARTMENT_STAFF,
            Role.TENANT_ADMIN);
    private static final Set<String> COUNTY_WIDE = Set.of(Role.DEPARTMENT_STAFF, Role.TENANT_ADMIN);

    /**
     * An audience the sender may reach.
     *
     * @param villages the village codes, or null for every resident of the county
     * @param bornOnOrBefore from the minimum age, or null
     * @param bornAfter from the maximum age, or null
     * @param scopeUnit the sender's village or town; null for the county
     */
    public record Chosen(List<String> villages, LocalDate bornOnOrBefore, LocalDate bornAfter, List<String> programmes,
            boolean partyMembersOnly, String scopeUnit) {

        /** The residents chosen, as {@code resident r} rows with {@code user_id} and {@code phone}. */
        public Residents residents() {
            StringBuilder sql = new StringBuilder("SELECT r.user_id, r.phone FROM resident r WHERE true");
            List<Object> params = new ArrayList<>();
            if (villages != null) {
                sql.append(" AND (r.registered_village = ANY (CAST(? AS char(12)[]))"
                        + " OR r.residence_village = ANY (CAST(? AS char(12)[])))");
                params.add(villages);
                params.add(villages);
            }
            if (bornOnOrBefore != null) {
                sql.append(" AND r.birth_date <= ?");
                params.add(bornOnOrBefore);
            }
            if (bornAfter != null) {
                sql.append(" AND r.birth_date > ?");
                params.add(bornAfter);
            }
            if (!programmes.isEmpty()) {
                sql.append(" AND EXISTS (SELECT 1 FROM benefit_payment p WHERE p.resident_id = r.id"
                        + " AND p.programme = ANY (CAST(? AS text[])))");
                params.add(programmes);
            }
            if (partyMembersOnly) {
                sql.append(" AND EXISTS (SELECT 1 FROM branch_member b WHERE b.user_id = r.user_id)");
            }
            return new Residents(sql.toString(), params);
        }
    }

    @Inject
    CurrentCaller caller;
    @Inject
    Places places;

    /** A 403 for whoever may push to nobody. */
    public Caller requireSender() {
        Caller c = caller.get();
        if (SENDERS.stream().noneMatch(c::hasRole)) {
            throw new ProblemException(403, "Forbidden", "Pushes are sent by village cadres, town officials and "
                    + "county staff.");
        }
        return c;
    }

    /**
     * @param field where the audience is in the request, e.g. {@code audience}
     * @throws ProblemException 422 naming each field with a value that is not acceptable; 403 naming the
     *         first place outside the sender's
     */
    public Chosen check(Audience given, String field) {
        Caller c = requireSender();
        Audience a = given == null ? Audience.EVERYONE : given;
        Map<String, String> errors = new LinkedHashMap<>();
        LocalDate today = LocalDate.now(CHINA);
        Integer min = age(a.minAge(), field + ".minAge", errors);
        Integer max = age(a.maxAge(), field + ".maxAge", errors);
        if (min != null && max != null && min > max) {
            errors.put(field + ".minAge", "must not be above maxAge");
        }
        List<String> programmes = programmes(a.programmes(), field + ".programmes", errors);
        List<OrgUnit> units = units(a.villages(), field + ".villages", errors);
        if (!errors.isEmpty()) {
            throw ProblemException.invalid(422, "The audience is not acceptable.", errors);
        }
        boolean county = COUNTY_WIDE.stream().anyMatch(c::hasRole);
        String scope = county ? null : ownUnit(c);
        List<String> villages;
        if (units.isEmpty()) {
            OrgUnit own = county ? null : OrgUnit.findById(scope);
            villages = own == null ? null : villagesOf(List.of(own));
        } else {
            villages = villagesOf(withinScope(units, field + ".villages", county));
        }
        return new Chosen(villages, min == null ? null : today.minusYears(min),
                max == null ? null : today.minusYears(max + 1L), programmes, Boolean.TRUE.equals(a.partyMembersOnly()),
                scope);
    }

    private String ownUnit(Caller c) {
        if (c.orgUnit() == null || !places.mayActOn(c.orgUnit())) {
            throw new ProblemException(403, "Forbidden", "Your account serves no village or town to push to.");
        }
        return c.orgUnit();
    }

    private List<OrgUnit> withinScope(List<OrgUnit> units, String field, boolean county) {
        for (int i = 0; i < units.size() && !county; i++) {
            if (!places.mayActOn(units.get(i).code)) {
                throw new ProblemException(new Problem("about:blank", "Forbidden", 403, "Your account pushes only to "
                        + "the villages it serves: " + units.get(i).code + " is outside them.",
                        Map.of(field + "[" + i + "]", "is outside the villages you serve")), null);
            }
        }
        return units;
    }

    /** A town stands for its villages. */
    private static List<String> villagesOf(List<OrgUnit> units) {
        Set<String> codes = new LinkedHashSet<>();
        List<String> towns = new ArrayList<>();
        for (OrgUnit u : units) {
            if (u.level == OrgUnitLevel.TOWN) {
                towns.add(u.code);
            } else {
                codes.add(u.code);
            }
        }
        if (!towns.isEmpty()) {
            OrgUnit.<OrgUnit>list("level = ?1 and parentCode in ?2", OrgUnitLevel.VILLAGE, towns)
                    .forEach(v -> codes.add(v.code));
        }
        return List.copyOf(codes);
    }

    private static List<OrgUnit> units(List<String> codes, String field, Map<String, String> errors) {
        List<String> unique = codes == null ? List.of() : new ArrayList<>(new LinkedHashSet<>(codes));
        if (unique.size() > MAX_UNITS) {
            errors.put(field, "at most " + MAX_UNITS);
            return List.of();
        }
        List<OrgUnit> units = new ArrayList<>();
        for (int i = 0; i < unique.size(); i++) {
            String code = unique.get(i);
            OrgUnit u = code == null || !code.matches("^\\d{12}$") ? null : OrgUnit.findById(code);
            if (u == null || u.level == OrgUnitLevel.GRID) {
                errors.put(field + "[" + i + "]", "must be the code of a village or town of this county");
            } else {
                units.add(u);
            }
        }
        return units;
    }

    private static List<String> programmes(List<String> names, String field, Map<String, String> errors) {
        List<String> unique = names == null ? List.of() : new ArrayList<>(new LinkedHashSet<>(names));
        if (unique.size() > MAX_PROGRAMMES) {
            errors.put(field, "at most " + MAX_PROGRAMMES);
            return List.of();
        }
        for (int i = 0; i < unique.size(); i++) {
            String name = unique.get(i);
            if (name == null || name.isBlank() || name.length() > 200 || Programme.findById(name) == null) {
                errors.put(field + "[" + i + "]", "must be the name of a benefit programme of this county");
            }
        }
        return unique;
    }

    private static Integer age(Integer years, String field, Map<String, String> errors) {
        if (years != null && (years < 0 || years > MAX_AGE)) {
            errors.put(field, "must be a whole number of years from 0 to " + MAX_AGE);
            return null;
        }
        return years;
    }
}
