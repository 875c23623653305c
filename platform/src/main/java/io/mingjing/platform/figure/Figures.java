package io.mingjing.platform.figure;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Instance;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
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
 * The county's figures: computing the rows of marked village-days (and their town's and the county's),
 * and reading sums of them for a unit and a period. Runs in a county's scope.
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
     * and the county's for those days, and marks their months for the province. One refresh per county
     * at a time (an advisory lock), so two replicas never write the same town-day at once.
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
        for (var day : claimed.entrySet()) {
            towns(List.copyOf(day.getValue()), day.getKey());
            county(day.getKey());
            markMonths(day.getKey());
        }
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

    private void towns(List<String> villages, LocalDate day) {
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

    /** Sums per metric and dimension of some units over a period (days inclusive), of the metrics named or all. */
    @Transactional
    public List<Row> sums(List<String> units, LocalDate from, LocalDate to, List<String> metrics) {
        List<Row> out = new ArrayList<>();
        if (units.isEmpty()) {
            return out;
        }
        for (Object[] r : rows(em.createNativeQuery("""
                SELECT unit, metric, dim, sum(n), sum(total) FROM figure
                WHERE unit IN (?1) AND day BETWEEN ?2 AND ?3 AND (?4 OR metric IN (?5))
                GROUP BY unit, metric, dim ORDER BY unit, metric, dim""")
                .setParameter(1, units).setParameter(2, from).setParameter(3, to).setParameter(4, metrics.isEmpty())
                .setParameter(5, metrics.isEmpty() ? List.of("") : metrics).getResultList())) {
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
        return ((Number) em.createNativeQuery("""
                SELECT count(DISTINCT unit) FROM figure
                WHERE unit IN (?1) AND metric = ?2 AND dim = ?3 AND day BETWEEN ?4 AND ?5""")
                .setParameter(1, villages).setParameter(2, metric).setParameter(3, dim).setParameter(4, from)
                .setParameter(5, to).getSingleResult()).longValue();
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
