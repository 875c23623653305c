package io.mingjing.platform.warning;

import io.mingjing.platform.figure.FigureSource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.HashMap;
import java.util.Map;

/**
 * Warnings in the cockpit, counted on the day they were raised: by category, colour and disposition,
 * and per rule how many were raised and how many were closed as false alarms (the rate a county tunes its
 * thresholds by). Shadow warnings route nothing and count for nothing.
 */
@ApplicationScoped
public class WarningFigures implements FigureSource {

    @Override
    public String sql() {
        return """
                SELECT 'warnings.' || x.m, x.d, count(*), 0
                FROM warning w CROSS JOIN LATERAL (VALUES
                    ('category', w.category), ('colour', w.colour), ('disposition', w.disposition), ('rule', w.rule_id),
                    ('false-alarm', CASE WHEN w.disposition = 'FALSE_ALARM' THEN w.rule_id END)) AS x(m, d)
                WHERE w.village = p.village AND w.raised_at >= p.day_start AND w.raised_at < p.day_end AND NOT w.shadow
                GROUP BY 1, 2""";
    }

    @Inject
    Rules rules;

    /** Rule names, for the charts by rule. */
    @Override
    public Map<String, String> labels(String language) {
        Map<String, String> names = new HashMap<>();
        for (ActiveRule r : rules.all()) {
            String name = "en".equals(language) ? r.rule().name().en() : r.rule().name().zh();
            names.put("warnings.rule:" + r.id(), name);
            names.put("warnings.false-alarm:" + r.id(), name);
        }
        return names;
    }

    @Override
    public Map<String, String> texts() {
        return Map.of("warnings.category", "warning.category.", "warnings.colour", "warning.colour.",
                "warnings.disposition", "warning.disposition.");
    }
}
