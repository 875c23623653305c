package io.mingjing.platform.figure;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.mingjing.platform.tenancy.TenantIds;
import io.mingjing.platform.tenancy.TenantScope;
import io.mingjing.platform.testing.Counties;
import io.mingjing.platform.testing.DevStack;
import io.mingjing.platform.testing.People;
import io.mingjing.platform.testing.Postgres;
import io.mingjing.platform.testing.Tokens;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * A period read from month rows and the days at its ends gives exactly what summing its days gave: over
 * appeals, approvals and disclosures generated across 16 months (a leap February among them), for random
 * periods and the awkward ones, before and after writes that change days in the middle and at the ends of months.
 */
@QuarkusTest
@QuarkusTestResource(DevStack.class)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class FigureMonthsTest {

    static final LocalDate FIRST = LocalDate.parse("2023-11-20");
    static final int DAYS = 490;
    static final List<String> RANKED = List.of("appeals.kind", "appeals.sla", "approvals.kind", "disclosures.published");
    static final List<List<String>> UNITS = List.of(List.of(Figures.COUNTY), List.of(People.TOWN, People.OTHER_TOWN),
            List.of(People.VILLAGE_X, People.VILLAGE_Y, People.VILLAGE_Z), List.of(People.VILLAGE_Y));
    static final List<String> VILLAGES = List.of(People.VILLAGE_X, People.VILLAGE_Y, People.VILLAGE_Z);

    @Inject
    FigureRefresh refresh;
    @Inject
    Figures figures;
    @Inject
    TenantScope scope;
    @Inject
    EntityManager em;

    String t;
    String s;

    @BeforeEach
    void aCountyWithSixteenMonthsOfCases() {
        if (t != null) {
            return;
        }
        String county = Counties.onboard("fmonth");
        s = TenantIds.schema(county);
        People.orgUnits(county, Tokens.countyAdmin(county));
        String at = "(timestamptz '" + FIRST + " 00:00+08' + ((hashtext(SALT || i)::bigint & 2147483647) % "
                + (DAYS * 1440) + ") * interval '1 minute')";
        String village = "(ARRAY['" + String.join("','", VILLAGES) + "'])[1 + i % 3]";
        Postgres.exec(DevStack.DATABASE, "INSERT INTO " + s + ".appeal (tracking_no, kind, category, subject, body, village, "
                + "state, level, channel, sla, step_started_at, created_at, closed_at, satisfied, supervised, escalations) "
                + "SELECT 'M' || i, (ARRAY['COMPLAINT','SUGGESTION','INQUIRY','REPORT'])[1 + i % 4], "
                + "(ARRAY['village-affairs','environment'])[1 + i % 2], '月', '月', " + village + ", "
                + "CASE WHEN i % 3 = 0 THEN 'RATED' ELSE 'ACCEPTED' END, 'VILLAGE', 'WEB', "
                + "CASE WHEN i % 13 = 0 THEN 'RED' WHEN i % 5 = 0 THEN 'YELLOW' ELSE 'GREEN' END, now(), c.at, "
                + "CASE WHEN i % 3 = 0 THEN c.at + (i % 90) * interval '1 hour' END, CASE WHEN i % 3 = 0 THEN i % 4 <> 0 END, "
                + "i % 17 = 0, 0 FROM generate_series(1, 2500) i, LATERAL (SELECT " + at.replace("SALT", "'a'") + " AS at) c",
                "INSERT INTO " + s + ".approval (kind, village, town, title, amount, data, state, definition_version, "
                + "stage, step, seq, required, filed_by, filer_user_id, created_at, updated_at, sla, paid_at) "
                + "SELECT (ARRAY['PAYMENT','LABOUR','PROCUREMENT','PROJECT','SEAL'])[1 + i % 5], " + village + ", NULL, "
                + "'月', 100 + i % 9000 + (i % 100) / 100.0, '{}'::jsonb, CASE WHEN i % 5 < 2 THEN 'PAID' ELSE 'APPROVED' END, "
                + "1, 0, 0, 1, 1, 'staff:m', 'm', c.at, now(), CASE WHEN i % 11 = 0 THEN 'RED' ELSE 'GREEN' END, "
                + "CASE WHEN i % 5 < 2 THEN c.at + interval '3 days' END FROM generate_series(1, 1200) i, "
                + "LATERAL (SELECT " + at.replace("SALT", "'p'") + " AS at) c",
                "INSERT INTO " + s + ".disclosure (village_code, category, title, body, visibility, status, author, "
                + "created_at, published_at) SELECT " + village + ", (ARRAY['FINANCE','VILLAGE','PARTY'])[1 + i % 3], "
                + "'公开', '公开', 'PUBLIC', 'PUBLISHED', 'staff:m', c.at, c.at FROM generate_series(1, 90) i, "
                + "LATERAL (SELECT " + at.replace("SALT", "'d'") + " AS at) c");
        refresh.refresh(county);
        t = county;
    }

    @Test
    void periodsReadFromMonthsAndEdgeDaysEqualTheSumsOfTheirDays() {
        compare(new Random(20240229));
        assertMonthsAreSumsOfTheirDays();
    }

    @Test
    void changedDaysRecomputeTheirMonthsInTheSameRefresh() {
        Postgres.exec(DevStack.DATABASE,
                "UPDATE " + s + ".appeal SET sla = 'RED' WHERE id % 7 = 0",
                "DELETE FROM " + s + ".approval WHERE id % 9 = 0",
                // the last and first minutes of months, Beijing time, and a leap day
                "INSERT INTO " + s + ".appeal (tracking_no, kind, category, subject, body, village, state, level, channel, "
                + "sla, step_started_at, created_at) SELECT 'E' || i, 'COMPLAINT', 'environment', '边', '边', '"
                + People.VILLAGE_Z + "', 'ACCEPTED', 'VILLAGE', 'WEB', 'RED', now(), at FROM unnest(ARRAY["
                + "timestamptz '2024-01-31 23:59+08', '2024-02-01 00:00+08', '2024-02-29 12:00+08', '2024-02-29 23:59+08', "
                + "'2024-03-01 00:00+08', '2023-12-31 23:59+08', '2024-01-01 00:00+08']) WITH ORDINALITY AS e(at, i)");
        refresh.refresh(t);
        assertMonthsAreSumsOfTheirDays();
        compare(new Random(7));
        long leap = sums(List.of(People.VILLAGE_Z), LocalDate.parse("2024-02-29"), LocalDate.parse("2024-02-29"), List.of())
                .stream().filter(r -> r.metric().equals("appeals.sla") && r.dim().equals("RED")).mapToLong(Figures.Row::n).sum();
        assertTrue(leap >= 2, "the leap day's two red appeals: " + leap);
    }

    /** Random periods of up to 14 months, and the ones that sit on month and year boundaries, for several sets of units. */
    private void compare(Random random) {
        List<LocalDate[]> periods = new ArrayList<>(List.of(
                period("2024-02-01", "2024-02-29"), period("2024-02-29", "2024-02-29"), period("2024-02-28", "2024-03-01"),
                period("2024-02-01", "2024-02-28"), period("2023-12-31", "2024-01-01"), period("2024-01-01", "2024-12-31"),
                period("2023-11-20", "2025-03-24"), period("2023-12-15", "2025-01-14"), period("2024-03-31", "2024-04-01"),
                period("2024-05-01", "2024-05-01"), period("2024-06-30", "2024-06-30")));
        for (int i = 0; i < 150; i++) {
            LocalDate from = FIRST.minusDays(20).plusDays(random.nextInt(DAYS + 20));
            periods.add(new LocalDate[] { from, from.plusDays(random.nextInt(random.nextBoolean() ? 40 : 430)) });
        }
        int withMonthsAndEdges = 0;
        for (LocalDate[] p : periods) {
            Figures.Span span = Figures.Span.of(p[0], p[1]);
            if (span.firstMonth().isBefore(span.monthsEnd()) && span.from().isBefore(span.firstMonth())
                    && !span.monthsEnd().isAfter(span.to())) {
                withMonthsAndEdges++;
            }
            for (List<String> units : UNITS) {
                for (List<String> metrics : List.of(List.<String>of(), RANKED)) {
                    String what = units + " " + metrics + " " + p[0] + ".." + p[1];
                    assertEquals(daysOnly(units, p[0], p[1], metrics), sums(units, p[0], p[1], metrics), what);
                }
            }
            assertEquals(villagesFromDays(p[0], p[1]), scope.call(t, () -> figures.villagesWith(VILLAGES,
                    "disclosures.published", "FINANCE", p[0], p[1])), "coverage " + p[0] + ".." + p[1]);
        }
        assertTrue(withMonthsAndEdges > 40, "periods with whole months and days at both ends: " + withMonthsAndEdges);
        assertTrue(sums(List.of(Figures.COUNTY), FIRST, FIRST.plusDays(DAYS), List.of()).size() > 20, "figures to compare");
    }

    private static LocalDate[] period(String from, String to) {
        return new LocalDate[] { LocalDate.parse(from), LocalDate.parse(to) };
    }

    private List<Figures.Row> sums(List<String> units, LocalDate from, LocalDate to, List<String> metrics) {
        return scope.call(t, () -> figures.sums(units, from, to, metrics));
    }

    /** The read before month rows: every day of the period summed. */
    private List<Figures.Row> daysOnly(List<String> units, LocalDate from, LocalDate to, List<String> metrics) {
        return scope.call(t, () -> {
            var q = em.createNativeQuery("SELECT unit, metric, dim, sum(n), sum(total) FROM figure WHERE unit IN (?1) "
                    + "AND day BETWEEN ?2 AND ?3 AND (?4 OR metric IN (?5)) GROUP BY unit, metric, dim ORDER BY unit, metric, dim")
                    .setParameter(1, units).setParameter(2, from).setParameter(3, to).setParameter(4, metrics.isEmpty())
                    .setParameter(5, metrics.isEmpty() ? List.of("") : metrics);
            return Figures.rows(q.getResultList()).stream().map(r -> new Figures.Row((String) r[0], (String) r[1],
                    (String) r[2], ((Number) r[3]).longValue(), (BigDecimal) r[4])).toList();
        });
    }

    private long villagesFromDays(LocalDate from, LocalDate to) {
        return Long.parseLong(Postgres.query(DevStack.DATABASE, "SELECT count(DISTINCT unit) FROM " + s + ".figure "
                + "WHERE unit IN ('" + String.join("','", VILLAGES) + "') AND metric = 'disclosures.published' "
                + "AND dim = 'FINANCE' AND day BETWEEN '" + from + "' AND '" + to + "'"));
    }

    private void assertMonthsAreSumsOfTheirDays() {
        String months = "SELECT unit, month, metric, dim, n, total FROM " + s + ".figure_month";
        String days = "SELECT unit, date_trunc('month', day)::date, metric, dim, sum(n), sum(total) FROM " + s
                + ".figure GROUP BY 1, 2, 3, 4";
        assertEquals("0", Postgres.query(DevStack.DATABASE, "SELECT count(*) FROM ((" + months + " EXCEPT " + days
                + ") UNION ALL (" + days + " EXCEPT " + months + ")) d"), "month rows that are not their days' sums");
        long spanned = ChronoUnit.MONTHS.between(FIRST.withDayOfMonth(1), FIRST.plusDays(DAYS).withDayOfMonth(1)) + 1;
        assertEquals(Long.toString(spanned), Postgres.query(DevStack.DATABASE, "SELECT count(DISTINCT month) FROM " + s
                + ".figure_month WHERE unit = 'county'"));
    }
}
