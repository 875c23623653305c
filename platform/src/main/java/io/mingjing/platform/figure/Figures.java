package io.mingjing.platform.figure;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Instance;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.Query;
import jakarta.transaction.Transactional;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * The county's figures: computing the rows of marked village-days (and their town's and the county's,
 * and the months of all three), and reading sums of them for a unit and a period. Runs in a county's scope.
 */
@ApplicationScoped
public class Figures {

    /** The unit of the county's own rows. */
    public static final String COUNTY = "county";
    /** Marks of months whose province rows must be sent again (figure_dirty rows of this unit). */
    static final String PROVINCE = "province";
    public static final ZoneId BEIJING = ZoneId.of("Asia/Shanghai");

    /** One stored sum. */
    public record Row(String unit, String metric, String dim, long n, BigDecimal total) {
    }

    @Inject
    EntityManager em;
    @Inject
    Instance<FigureSource> sources;

    /**
     * Claims up to {@code limit} marked village-days and computes their rows again, then their towns'
     * and the county's for those days, then the month rows of all of them, and marks their months for the
     * province. One refresh per county at a time (an advisory lock), so two replicas never write the same
     * town-day or month at once.
     *
     * @return how many village-days were computed
     */
    @Transactional
    public int refresh(int limit) {
        em.createNativeQuery("SELECT pg_advisory_xact_lock(hashtext('figures:' || current_schema()))").getSingleResult();
        // a village-day has a mark per transaction that touched it: all of them go, and it is computed once;
        // marks made together (a bulk load) come a day at a time, so a batch sums few town- and county-days
        Map<LocalDate, Set<String>> claimed = new TreeMap<>();
        for (Object[] c : rows(em.createNativeQuery("""
                DELETE FROM figure_dirty WHERE (village, day) IN (
                    SELECT village, day FROM figure_dirty WHERE village <> ?2 ORDER BY touched_at, day LIMIT ?1
                    FOR UPDATE SKIP LOCKED)
                RETURNING village, day""").setParameter(1, limit).setParameter(2, PROVINCE).getResultList())) {
            claimed.computeIfAbsent(date(c[1]), d -> new LinkedHashSet<>()).add((String) c[0]);
        }
        claimed.forEach((day, villages) -> villages.forEach(v -> village(v, day)));
        Map<LocalDate, Set<String>> months = new TreeMap<>();
        for (var day : claimed.entrySet()) {
            Set<String> units = months.computeIfAbsent(day.getKey().withDayOfMonth(1), m -> new LinkedHashSet<>());
            units.addAll(day.getValue());
            units.addAll(towns(List.copyOf(day.getValue()), day.getKey()));
            units.add(COUNTY);
            county(day.getKey());
            markMonths(day.getKey());
        }
        months.forEach((month, units) -> months(List.copyOf(units), month));
        return claimed.values().stream().mapToInt(Set::size).sum();
    }

    /** The day's month and, as a quarter's coverage runs on, the quarter's later months up to this one. */
    private void markMonths(LocalDate day) {
        LocalDate now = LocalDate.now(BEIJING).withDayOfMonth(1);
        LocalDate month = day.withDayOfMonth(1);
        do {
            em.createNativeQuery("""
                    INSERT INTO figure_dirty (village, day, tx, touched_at) VALUES (?1, ?2, txid_current(), now())
                    ON CONFLICT DO NOTHING""").setParameter(1, PROVINCE).setParameter(2, month)
                    .executeUpdate();
            month = month.plusMonths(1);
        } while ((month.getMonthValue() - 1) % 3 != 0 && !month.isAfter(now));
    }

    private void village(String village, LocalDate day) {
        em.createNativeQuery("DELETE FROM figure WHERE unit = ?1 AND day = ?2").setParameter(1, village)
                .setParameter(2, day).executeUpdate();
        OffsetDateTime from = day.atStartOfDay(BEIJING).toOffsetDateTime();
        for (FigureSource source : sources) {
            em.createNativeQuery("WITH p AS (SELECT CAST(?1 AS char(12)) AS village, CAST(?2 AS timestamptz) AS day_start, "
                    + "CAST(?3 AS timestamptz) AS day_end, CAST(?4 AS date) AS day) "
                    + "INSERT INTO figure (unit, day, metric, dim, n, total) SELECT p.village, p.day, s.m, s.d, s.n, "
                    + "coalesce(s.t, 0) FROM p, LATERAL (" + source.sql() + ") AS s(m, d, n, t) WHERE s.d IS NOT NULL")
                    .setParameter(1, village).setParameter(2, from).setParameter(3, from.plusDays(1))
                    .setParameter(4, day).executeUpdate();
        }
    }

    /** @return the villages' towns, whose rows of the day it computed again */
    private List<String> towns(List<String> villages, LocalDate day) {
        List<String> towns = strings(em.createNativeQuery(
                "SELECT DISTINCT parent_code FROM org_unit WHERE code IN (?1) AND parent_code IS NOT NULL")
                .setParameter(1, villages).getResultList());
        for (String town : towns) {
            em.createNativeQuery("DELETE FROM figure WHERE unit = ?1 AND day = ?2").setParameter(1, town)
                    .setParameter(2, day).executeUpdate();
            em.createNativeQuery("""
                    INSERT INTO figure (unit, day, metric, dim, n, total)
                    SELECT ?1, ?2, f.metric, f.dim, sum(f.n), sum(f.total) FROM figure f JOIN org_unit o ON o.code = f.unit
                    WHERE o.parent_code = ?1 AND o.level = 'VILLAGE' AND f.day = ?2 GROUP BY f.metric, f.dim""")
                    .setParameter(1, town).setParameter(2, day).executeUpdate();
        }
        return towns;
    }

    private void county(LocalDate day) {
        em.createNativeQuery("DELETE FROM figure WHERE unit = ?1 AND day = ?2").setParameter(1, COUNTY)
                .setParameter(2, day).executeUpdate();
        em.createNativeQuery("""
                INSERT INTO figure (unit, day, metric, dim, n, total)
                SELECT ?1, ?2, f.metric, f.dim, sum(f.n), sum(f.total) FROM figure f JOIN org_unit o ON o.code = f.unit
                WHERE o.level = 'VILLAGE' AND f.day = ?2 GROUP BY f.metric, f.dim""")
                .setParameter(1, COUNTY).setParameter(2, day).executeUpdate();
    }

    /**
     * The month rows of units whose day rows changed in the month: summed again from those day rows, in
     * the transaction that changed them, so a month row is always the sum of its days. Once per month a
     * batch touched, for all its units together: a bulk load's batch is one day of every village.
     */
    private void months(List<String> units, LocalDate month) {
        em.createNativeQuery("DELETE FROM figure_month WHERE unit IN (?1) AND month = ?2").setParameter(1, units)
                .setParameter(2, month).executeUpdate();
        em.createNativeQuery("""
                INSERT INTO figure_month (unit, month, metric, dim, n, total)
                SELECT unit, ?2, metric, dim, sum(n), sum(total) FROM figure
                WHERE unit IN (?1) AND day >= ?2 AND day < ?3 GROUP BY unit, metric, dim""")
                .setParameter(1, units).setParameter(2, month).setParameter(3, month.plusMonths(1)).executeUpdate();
    }

    /** Sums per metric and dimension of some units over a period (days inclusive), of the metrics named or all. */
    @Transactional
    public List<Row> sums(List<String> units, LocalDate from, LocalDate to, List<String> metrics) {
        List<Row> out = new ArrayList<>();
        if (units.isEmpty()) {
            return out;
        }
        Span span = Span.of(from, to);
        Query q = em.createNativeQuery("SELECT unit, metric, dim, sum(n), sum(total) FROM ("
                + span.rows(metrics.isEmpty() ? "TRUE" : "metric IN (?6)") + ") f GROUP BY unit, metric, dim ORDER BY unit, metric, dim");
        span.bind(q, units);
        if (!metrics.isEmpty()) {
            q.setParameter(6, metrics);
        }
        for (Object[] r : rows(q.getResultList())) {
            out.add(new Row((String) r[0], (String) r[1], (String) r[2], ((Number) r[3]).longValue(),
                    (BigDecimal) r[4]));
        }
        return out;
    }

    /** How many of the villages had at least one row of the metric and dimension in the period. */
    @Transactional
    public long villagesWith(List<String> villages, String metric, String dim, LocalDate from, LocalDate to) {
        if (villages.isEmpty()) {
            return 0;
        }
        Span span = Span.of(from, to);
        Query q = em.createNativeQuery("SELECT count(DISTINCT unit) FROM (" + span.rows("metric = ?6 AND dim = ?7") + ") f");
        return ((Number) span.bind(q, villages).setParameter(6, metric).setParameter(7, dim).getSingleResult()).longValue();
    }

    /**
     * A period (days inclusive) read as its whole months from the month rows and only the days before the
     * first and after the last whole month from the day rows: a year is 12 rows a metric, not 365. A period
     * inside one month has no whole month ({@code firstMonth} and {@code monthsEnd} both the day after it).
     */
    record Span(LocalDate from, LocalDate firstMonth, LocalDate monthsEnd, LocalDate to) {

        static Span of(LocalDate from, LocalDate to) {
            LocalDate first = from.getDayOfMonth() == 1 ? from : from.withDayOfMonth(1).plusMonths(1);
            LocalDate end = to.plusDays(1).withDayOfMonth(1);
            LocalDate after = to.plusDays(1);
            return first.isBefore(end) ? new Span(from, first, end, to) : new Span(from, after, after, to);
        }

        /** The rows of units ?1 in the span meeting a condition (parameters from ?6): unit, metric, dim, n, total. */
        String rows(String condition) {
            String columns = "SELECT unit, metric, dim, n, total FROM ";
            return columns + "figure WHERE unit IN (?1) AND day >= ?2 AND day < ?3 AND " + condition
                    + " UNION ALL " + columns + "figure_month WHERE unit IN (?1) AND month >= ?3 AND month < ?4 AND " + condition
                    + " UNION ALL " + columns + "figure WHERE unit IN (?1) AND day >= ?4 AND day <= ?5 AND " + condition;
        }

        Query bind(Query q, List<String> units) {
            return q.setParameter(1, units).setParameter(2, from).setParameter(3, firstMonth).setParameter(4, monthsEnd)
                    .setParameter(5, to);
        }
    }

    @SuppressWarnings("unchecked")
    static List<Object[]> rows(List<?> list) {
        return (List<Object[]>) list;
    }

    @SuppressWarnings("unchecked")
    private static List<String> strings(List<?> list) {
        return ((List<Object>) list).stream().map(o -> o.toString().trim()).toList();
    }

    static LocalDate date(Object o) {
        return o instanceof java.sql.Date d ? d.toLocalDate() : (LocalDate) o;
    }
}
