package io.mingjing.platform.appeal;

import io.mingjing.platform.clock.SlaState;
import io.mingjing.platform.input.Choices;
import io.mingjing.platform.input.Days;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * What a list of cases is narrowed to, each part optional: a state, kind, category, colour, a village or
 * a town (its villages), and the days filed — the way the cockpit counts, so a figure drills down to its cases.
 */
public record AppealFilter(AppealState state, AppealKind kind, String category, SlaState sla, String unit,
        LocalDate from, LocalDate to) {

    public static final AppealFilter NONE = new AppealFilter(null, null, null, null, null, null, null);
    private static final ZoneId BEIJING = ZoneId.of("Asia/Shanghai");

    public static AppealFilter state(AppealState state) {
        return new AppealFilter(state, null, null, null, null, null, null);
    }

    /** From query text: 422 naming the field for a value that is not one. */
    public static AppealFilter parse(String state, String kind, String category, String sla, String unit, String from,
            String to) {
        return new AppealFilter(Choices.of(AppealState.class, "state", state), Choices.of(AppealKind.class, "kind", kind),
                blank(category), Choices.of(SlaState.class, "sla", sla), unit == null || unit.isBlank()
                        || "county".equals(unit) ? null : unit.strip(), Days.of(from, "from"), Days.of(to, "to"));
    }

    /** The Panache query's clauses (joined by {@code and}) and their named parameters. */
    String where(Map<String, Object> params) {
        List<String> clauses = new ArrayList<>();
        add(clauses, params, "state", state);
        add(clauses, params, "kind", kind);
        add(clauses, params, "category", category);
        add(clauses, params, "sla", sla);
        if (unit != null) {
            clauses.add("(village = :unit or village in (select o.code from OrgUnit o where o.parentCode = :unit))");
            params.put("unit", unit);
        }
        if (from != null) {
            clauses.add("createdAt >= :from");
            params.put("from", from.atStartOfDay(BEIJING).toInstant());
        }
        if (to != null) {
            clauses.add("createdAt < :to");
            params.put("to", to.plusDays(1).atStartOfDay(BEIJING).toInstant());
        }
        return clauses.isEmpty() ? "" : " and " + String.join(" and ", clauses);
    }

    private static void add(List<String> clauses, Map<String, Object> params, String field, Object value) {
        if (value != null) {
            clauses.add(field + " = :" + field);
            params.put(field, value);
        }
    }

    private static String blank(String s) {
        return s == null || s.isBlank() ? null : s.strip();
    }
}
