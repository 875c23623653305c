package io.mingjing.platform.service;

import io.mingjing.platform.figure.FigureSource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.HashMap;
import java.util.Map;

/**
 * Service applications in the cockpit, counted on the day they were submitted (drafts count for
 * nothing): by item, state and colour; completed ones with the hours from submission to the result; the
 * applicants' ratings (good 4–5, fair 3, bad 1–2).
 */
@ApplicationScoped
public class ServiceFigures implements FigureSource {

    @Inject
    ServiceCatalogue catalogue;

    @Override
    public String sql() {
        return """
                SELECT 'services.' || x.m, x.d, count(*), sum(x.t)
                FROM service_application a CROSS JOIN LATERAL (VALUES
                    ('item', a.item_code, 0), ('state', a.state, 0), ('sla', a.sla, 0),
                    ('closed', CASE WHEN a.completed_at IS NOT NULL THEN '' END,
                        extract(epoch FROM a.completed_at - a.submitted_at) / 3600),
                    ('rated', CASE WHEN a.score >= 4 THEN 'good' WHEN a.score = 3 THEN 'fair'
                        WHEN a.score IS NOT NULL THEN 'bad' END, 0)) AS x(m, d, t)
                WHERE a.village = p.village AND a.submitted_at >= p.day_start AND a.submitted_at < p.day_end
                GROUP BY 1, 2""";
    }

    @Override
    public Map<String, String> texts() {
        return Map.of("services.state", "service.state.", "services.sla", "service.sla.", "services.rated",
                "cockpit.d.rated.");
    }

    /** The items' names. */
    @Override
    public Map<String, String> labels(String language) {
        Map<String, String> names = new HashMap<>();
        for (ServiceCatalogue.Entry e : catalogue.current(true)) {
            names.put("services.item:" + e.code(), "en".equals(language) && e.item().nameEn() != null
                    ? e.item().nameEn() : e.item().name());
        }
        return names;
    }
}
