package io.mingjing.platform.figure;

import java.util.Map;

/**
 * A feature's part of the cockpit: how the figures of one village on one day are computed from the
 * feature's own tables. {@link FigureRefresh} runs {@link #sql()} for every village-day a write marked
 * (the table's {@code figures_touched_rows} triggers), on one replica, in the county's scope; the cockpit
 * then sums the stored rows and never reads the feature's tables.
 *
 * <pre>{@code
 * @ApplicationScoped
 * class NoticeFigures implements FigureSource {
 *     public String sql() {
 *         return "SELECT 'notices.published', '', count(*), 0 FROM notice"
 *                 + " WHERE village = p.village AND published_at >= p.day_start AND published_at < p.day_end";
 *     }
 * }
 * }</pre>
 */
public interface FigureSource {

    /**
     * A query of rows {@code (metric, dim, n, total)}: a metric id ({@code <feature>.<what>}), a
     * dimension value ('' when none), a count and a sum (money in yuan, or hours). It reads the day asked
     * from {@code p}: {@code p.village} (the village's code, {@code char(12)} like the tables' columns, so their indexes serve), {@code p.day_start} and {@code p.day_end} (the
     * day's start and the next day's start, Beijing time, timestamptz) and {@code p.day} (the date). Rows
     * with a null dimension are dropped.
     */
    String sql();

    /** For metrics whose dimension values are codes with text keys: metric → key prefix ({@code "appeals.kind" → "case.kind."}). */
    default Map<String, String> texts() {
        return Map.of();
    }

    /** Names of dimension values kept in the county's data, keyed {@code metric:dim}, in a language ({@code zh}, {@code en}). */
    default Map<String, String> labels(String language) {
        return Map.of();
    }
}
