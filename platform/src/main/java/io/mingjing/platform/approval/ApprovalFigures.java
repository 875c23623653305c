package io.mingjing.platform.approval;

import io.mingjing.platform.figure.FigureSource;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.Map;

/**
 * Approvals in the cockpit, counted on the day they were filed: by kind (with amounts), state and
 * colour; what was paid; and each decided step with the hours it waited (from the step before it).
 */
@ApplicationScoped
public class ApprovalFigures implements FigureSource {

    @Override
    public String sql() {
        return """
                SELECT 'approvals.' || x.m, x.d, count(*), sum(x.t)
                FROM approval a CROSS JOIN LATERAL (VALUES
                    ('kind', a.kind, a.amount), ('state', a.state, a.amount), ('sla', a.sla, 0),
                    ('paid', CASE WHEN a.paid_at IS NOT NULL THEN a.kind END, a.amount),
                    ('escalated', CASE WHEN a.escalations > 0 THEN a.kind END, 0)) AS x(m, d, t)
                WHERE a.village = p.village AND a.created_at >= p.day_start AND a.created_at < p.day_end
                GROUP BY 1, 2
                UNION ALL
                SELECT 'approvals.step', s.kind, count(*), sum(s.hours) FROM (
                    SELECT a.kind, st.action,
                           extract(epoch FROM st.at - lag(st.at) OVER (PARTITION BY st.approval_id ORDER BY st.at, st.id)) / 3600
                               AS hours
                    FROM approval a JOIN approval_step st ON st.approval_id = a.id
                    WHERE a.village = p.village AND a.created_at >= p.day_start AND a.created_at < p.day_end) s
                WHERE s.action IN ('approve', 'reject', 'return') AND s.hours IS NOT NULL
                GROUP BY 1, 2""";
    }

    @Override
    public Map<String, String> texts() {
        return Map.of("approvals.kind", "approval.kind.", "approvals.state", "approval.state.", "approvals.sla",
                "approval.sla.", "approvals.paid", "approval.kind.", "approvals.step", "approval.kind.",
                "approvals.escalated", "approval.kind.");
    }
}
