package io.mingjing.platform.warning;

import io.mingjing.platform.audit.AuditEntry;
import io.mingjing.platform.identity.Caller;
import io.mingjing.platform.identity.CurrentCaller;
import io.mingjing.platform.identity.Role;
import io.mingjing.platform.problem.ProblemException;
import io.mingjing.platform.tenancy.CurrentTenant;
import io.mingjing.sdk.Facts;
import io.mingjing.sdk.WarningRule;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** The lists of warnings a caller may read: the 红黄绿 list, a handler's queue, counts, one warning. */
@ApplicationScoped
public class WarningLists {

    static final int MAX_PAGE = 100;

    @Inject
    CurrentCaller caller;
    @Inject
    CurrentTenant tenant;
    @Inject
    Rules rules;
    @Inject
    EntityManager em;

    /** Filters of the list; null for any. */
    public record Filter(Warning.Colour colour, String category, String village, String rule, String tier,
            boolean shadow) {
    }

    @Transactional
    public WarningView.Page list(Filter f, Long before, int limit) {
        if (limit < 1 || limit > MAX_PAGE) {
            throw ProblemException.invalid(400, "A page has 1 to " + MAX_PAGE + " warnings.", Map.of("limit",
                    "must be 1 to " + MAX_PAGE));
        }
        Map<String, Object> params = new LinkedHashMap<>();
        StringBuilder q = new StringBuilder(scope(params));
        q.append(" and shadow = :shadow");
        params.put("shadow", f.shadow());
        if (f.shadow() && !caller.get().roles().stream().anyMatch(WarningService.COUNTY_WIDE::contains)) {
            throw new ProblemException(403, "Forbidden", "Shadow rules' trials are for the inspectors and the county admin.");
        }
        add(q, params, "colour", f.colour());
        add(q, params, "category", f.category());
        add(q, params, "village", f.village());
        add(q, params, "ruleId", f.rule());
        add(q, params, "tier", f.tier());
        if (before != null) {
            q.append(" and id < :before");
            params.put("before", before);
        }
        List<Warning> found = Warning.<Warning>find(q + " order by id desc", params).page(0, limit + 1).list();
        return page(found, limit);
    }

    /** What waits for the caller: warnings of their tier and place not yet handled, and those they took. */
    @Transactional
    public WarningView.Page queue(int limit) {
        Caller c = caller.get();
        Map<String, Object> params = new LinkedHashMap<>();
        params.put("me", c.actor());
        params.put("green", Warning.Colour.GREEN);
        String mine;
        if (c.hasRole(Role.INSPECTOR)) {
            mine = "(tier = 'INSPECTORS' or tier = 'DEPARTMENT' and department is null)";
        } else if (c.hasRole(Role.DEPARTMENT_STAFF)) {
            mine = "(" + WarningService.DEPARTMENTS_OF_UID + ")";
            params.put("uid", c.userId());
        } else if (c.hasRole(Role.TOWN_OFFICIAL) && c.orgUnit() != null) {
            mine = "tier = 'TOWN' and town = :unit";
            params.put("unit", c.orgUnit());
        } else if ((c.hasRole(Role.CADRE) || c.hasRole(Role.SUPERVISOR)) && c.orgUnit() != null) {
            mine = "tier = 'VILLAGE' and village = :unit";
            params.put("unit", c.orgUnit());
        } else {
            mine = "false";
        }
        List<Warning> found = Warning.<Warning>find("shadow = false and colour <> :green and (handler = :me or (handler is null and "
                + mine + ")) order by dueAt asc nulls last, id", params).page(0, Math.min(limit, MAX_PAGE) + 1).list();
        return page(found, Math.min(limit, MAX_PAGE));
    }

    /** Counts by category, village, rule, colour and disposition over what the caller may read: the 红黄绿 overview and the cockpit's roll-up. */
    @Transactional
    public WarningView.Counts counts() {
        Map<String, Object> params = new LinkedHashMap<>();
        String where = scope(params) + " and shadow = false";
        var query = em.createQuery("select category, village, ruleId, colour, disposition, count(*) from Warning where "
                + where + " group by category, village, ruleId, colour, disposition order by category, village, ruleId",
                Object[].class);
        params.forEach(query::setParameter);
        List<Object[]> rows = query.getResultList();
        List<WarningView.Row> out = new ArrayList<>();
        for (Object[] r : rows) {
            out.add(new WarningView.Row((String) r[0], (String) r[1], (String) r[2], String.valueOf(r[3]),
                    r[4] == null ? null : String.valueOf(r[4]), ((Number) r[5]).longValue()));
        }
        return new WarningView.Counts(out);
    }

    /** The caller's places as a query condition: everything for county-wide roles, else their town or village. */
    private String scope(Map<String, Object> params) {
        Caller c = caller.get();
        if (c.roles().stream().anyMatch(WarningService.COUNTY_WIDE::contains)) {
            return "1 = 1";
        }
        if (c.orgUnit() == null || !c.isStaff()) {
            return "1 = 0";
        }
        params.put("unit", c.orgUnit());
        return c.hasRole(Role.TOWN_OFFICIAL) ? "town = :unit" : "village = :unit";
    }

    private static void add(StringBuilder q, Map<String, Object> params, String field, Object value) {
        if (value != null) {
            q.append(" and ").append(field).append(" = :").append(field);
            params.put(field, value);
        }
    }

    private WarningView.Page page(List<Warning> found, int limit) {
        Map<String, WarningRule> byId = names();
        List<WarningView> items = found.stream().limit(limit).map(w -> view(w, byId.get(w.ruleId), false)).toList();
        return new WarningView.Page(items, found.size() > limit ? items.getLast().id() : null);
    }

    private Map<String, WarningRule> names() {
        Map<String, WarningRule> byId = new LinkedHashMap<>();
        rules.all().forEach(r -> byId.put(r.id(), r.rule()));
        return byId;
    }

    public WarningView view(Warning w) {
        return view(w, names().get(w.ruleId), true);
    }

    private WarningView view(Warning w, WarningRule rule, boolean receipt) {
        String source = source(w);
        AuditEntry last = receipt ? receipt(w) : null;
        return new WarningView(w.id, w.ruleId, rule == null ? w.ruleId : rule.name().zh(),
                rule == null ? w.ruleId : rule.name().en(), w.category, w.severity, w.tier, w.department, w.fact,
                w.entityId, w.village, w.town, w.colour.name(), w.shadow, w.why, w.raisedAt, w.handler, w.takenAt,
                w.disposition == null ? null : w.disposition.name(), w.reason, w.closedAt, w.sla.name(), w.dueAt,
                w.escalations, source, last == null ? null : last.hash, last == null ? null : last.seq, w.signedOverBy,
                w.signedOverReason);
    }

    /** The API path of the record the warning is about, when it has one. */
    String source(Warning w) {
        String t = "/api/t/" + tenant.require();
        boolean approval = w.entityId.chars().allMatch(Character::isDigit);
        return switch (w.fact) {
            case Facts.APPROVAL, Facts.LABOUR, Facts.PAYMENT, Facts.PURCHASE -> approval ? t + "/approvals/" + w.entityId
                    : null;
            case Facts.SEAL_USE -> t + "/seals/register?village=" + w.village;
            case Facts.APPEAL -> t + "/appeals/" + w.entityId;
            case Facts.DISCLOSURE_COVERAGE -> "/t/" + tenant.require() + "/v/" + w.village;
            default -> null;
        };
    }

    /** The latest entry of the county's public chain about the source record. */
    private AuditEntry receipt(Warning w) {
        String entity = switch (w.fact) {
            case Facts.APPROVAL, Facts.LABOUR, Facts.PAYMENT, Facts.PURCHASE -> "Approval";
            default -> null;
        };
        return entity == null ? null : AuditEntry.find("entity = ?1 and entityId = ?2 order by seq desc", entity,
                w.entityId).firstResult();
    }
}
