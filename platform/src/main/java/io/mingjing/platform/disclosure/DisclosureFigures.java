package io.mingjing.platform.disclosure;

import io.mingjing.platform.figure.FigureSource;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.Map;

/** Disclosures in the cockpit: the series published per category on their publishing day, for the villages' coverage. */
@ApplicationScoped
public class DisclosureFigures implements FigureSource {

    /** The metric whose FINANCE rows tell which villages published their finances in a period. */
    public static final String PUBLISHED = "disclosures.published";

    @Override
    public String sql() {
        return """
                SELECT 'disclosures.published', category, count(DISTINCT coalesce(series_id, id)), 0 FROM disclosure
                WHERE village_code = p.village AND status = 'PUBLISHED' AND published_at >= p.day_start AND published_at < p.day_end
                GROUP BY 1, 2""";
    }

    @Override
    public Map<String, String> texts() {
        return Map.of(PUBLISHED, "cat.");
    }
}
