package io.mingjing.platform.cockpit;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;

/**
 * The cockpit of one unit over a period, read from the figures' rollups: headline numbers, charts
 * (each also a table), the units below ranked by their red/green record, and where each figure drills down to.
 *
 * @param unit {@code county}, a town's or a village's code
 * @param level COUNTY, TOWN or VILLAGE
 */
public record CockpitView(String unit, String unitName, String level, LocalDate from, LocalDate to,
        List<Headline> headlines, List<Chart> charts, List<UnitRow> units, List<Place> places) {

    /** A headline number, e.g. 红牌 12; {@code link} opens the list behind it (null when there is none). */
    public record Headline(String key, String label, String value, String link) {
    }

    /** One chart: a metric split by one dimension. */
    public record Chart(String metric, String title, boolean money, List<Bar> bars) {
    }

    /** One bar: its dimension value and name, count, sum (yuan or hours), width in % of the chart's largest. */
    public record Bar(String dim, String label, long n, BigDecimal total, int percent, String link) {
    }

    /**
     * A unit below this one: its appeals (reports aside), red ones, satisfaction in % of the rated (null
     * when none rated), approvals and their amount, and whether it published its finances (villages with any).
     */
    public record UnitRow(int rank, String code, String name, long appeals, long red, Integer satisfaction,
            long approvals, BigDecimal amount, long covered, long villages, String link) {
    }

    /** A unit the caller may switch to. */
    public record Place(String code, String name) {
    }
}
