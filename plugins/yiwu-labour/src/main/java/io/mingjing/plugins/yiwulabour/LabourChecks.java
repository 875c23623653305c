package io.mingjing.plugins.yiwulabour;

import io.mingjing.sdk.TenantContext;
import io.mingjing.sdk.WarningRule;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** The pack's Java checks: they read only the documented view {@code v_fact_labour}. */
final class LabourChecks {

    /**
     * Per village and month (China time) of the declaration: the wages declared added up, above the
     * ceiling. Entity id {@code <village>:<yyyy-MM>}; an event's approvals narrow it to their villages.
     */
    List<WarningRule.Hit> monthlyWages(TenantContext ctx, WarningRule.Scope scope) throws Exception {
        long ceiling = scope.thresholds().number("ceiling");
        StringBuilder sql = new StringBuilder("SELECT village, to_char(declared_at AT TIME ZONE 'Asia/Shanghai', 'YYYY-MM') "
                + "AS month, sum(wages) AS total, count(*) AS approvals FROM v_fact_labour WHERE declared_at IS NOT NULL "
                + "AND state <> 'REJECTED'");
        List<Object> params = new ArrayList<>();
        if (!scope.entities().isEmpty()) {
            sql.append(" AND village IN (SELECT village FROM v_fact_labour WHERE entity_id = ANY (string_to_array(?, ',')))");
            params.add(String.join(",", scope.entities()));
        }
        period(scope, sql, params);
        sql.append(" GROUP BY 1, 2 HAVING sum(wages) > ? ORDER BY 1, 2");
        params.add(ceiling);
        List<WarningRule.Hit> hits = new ArrayList<>();
        for (Map<String, Object> r : ctx.sql().query(sql.toString(), params.toArray())) {
            Map<String, Object> why = new LinkedHashMap<>();
            why.put("month", r.get("month"));
            why.put("wages", ((Number) r.get("total")).doubleValue());
            why.put("approvals", ((Number) r.get("approvals")).longValue());
            hits.add(new WarningRule.Hit(r.get("village") + ":" + r.get("month"), (String) r.get("village"), why));
        }
        return hits;
    }

    /** Declared, approved or not, still unpaid N days after the declaration. */
    List<WarningRule.Hit> unpaid(TenantContext ctx, WarningRule.Scope scope) throws Exception {
        Instant cutoff = ctx.clock().instant().minus(scope.thresholds().number("days"), ChronoUnit.DAYS);
        StringBuilder sql = new StringBuilder("SELECT entity_id, village, declared_at FROM v_fact_labour WHERE "
                + "declared_at IS NOT NULL AND paid_at IS NULL AND state <> 'REJECTED' AND declared_at < ?");
        List<Object> params = new ArrayList<>(List.of(cutoff));
        if (!scope.entities().isEmpty()) {
            sql.append(" AND entity_id = ANY (string_to_array(?, ','))");
            params.add(String.join(",", scope.entities()));
        }
        period(scope, sql, params);
        List<WarningRule.Hit> hits = new ArrayList<>();
        for (Map<String, Object> r : ctx.sql().query(sql.toString(), params.toArray())) {
            hits.add(new WarningRule.Hit((String) r.get("entity_id"), (String) r.get("village"),
                    Map.of("declaredAt", String.valueOf(r.get("declared_at")))));
        }
        return hits;
    }

    private static void period(WarningRule.Scope scope, StringBuilder sql, List<Object> params) {
        if (scope.from() != null) {
            sql.append(" AND filed_at >= ? AND filed_at < ?");
            params.add(scope.from());
            params.add(scope.to());
        }
    }
}
