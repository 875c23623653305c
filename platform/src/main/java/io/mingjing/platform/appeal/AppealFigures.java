package io.mingjing.platform.appeal;

import io.mingjing.platform.figure.FigureSource;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.HashMap;
import java.util.Map;

/**
 * Appeals in the cockpit, counted on the day they were filed: by kind, category, colour and state;
 * closed ones with their handling hours; ratings; 督办. Reports (举报) go under {@code reports.*}, which
 * only inspectors see and which never leave the county.
 */
@ApplicationScoped
public class AppealFigures implements FigureSource {

    @Override
    public String sql() {
        return """
                SELECT CASE WHEN a.kind = 'REPORT' THEN 'reports.' ELSE 'appeals.' END || x.m, x.d, count(*), sum(x.t)
                FROM appeal a CROSS JOIN LATERAL (VALUES
                    ('kind', a.kind, 0), ('category', a.category, 0), ('sla', a.sla, 0), ('state', a.state, 0),
                    ('closed', CASE WHEN a.closed_at IS NOT NULL THEN '' END,
                        extract(epoch FROM a.closed_at - a.created_at) / 3600),
                    ('rated', CASE a.satisfied WHEN true THEN 'satisfied' WHEN false THEN 'unsatisfied' END, 0),
                    ('supervised', CASE WHEN a.supervised THEN '' END, 0),
                    ('escalated', CASE WHEN a.escalations > 0 THEN '' END, 0)) AS x(m, d, t)
                WHERE a.village = p.village AND a.created_at >= p.day_start AND a.created_at < p.day_end
                GROUP BY 1, 2""";
    }

    @Override
    public Map<String, String> texts() {
        return Map.of("appeals.kind", "case.kind.", "appeals.sla", "case.sla.", "appeals.state", "case.state.",
                "reports.sla", "case.sla.", "reports.state", "case.state.");
    }

    @Override
    public Map<String, String> labels(String language) {
        Map<String, String> names = new HashMap<>();
        for (AppealCategory c : AppealCategory.<AppealCategory>listAll()) {
            String name = "en".equals(language) ? c.nameEn : c.nameZh;
            names.put("appeals.category:" + c.code, name);
            names.put("reports.category:" + c.code, name);
        }
        return names;
    }
}
