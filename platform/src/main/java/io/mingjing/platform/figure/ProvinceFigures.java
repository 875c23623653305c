package io.mingjing.platform.figure;

import io.quarkus.hibernate.orm.PersistenceUnit;
import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

/**
 * The county's monthly sums pushed up to {@code platform.province_figure}, so the province view reads
 * one small table and no county's rows (the way DIGIT's national dashboard gets its aggregates). Native
 * queries name the schema: the unit's default schema applies to mapped entities only.
 * Reports (举报) never leave the county.
 */
@ApplicationScoped
public class ProvinceFigures {

    /** Villages that published their FINANCE disclosure in the month's quarter, up to the month's end; total = villages. */
    public static final String COVERAGE = "disclosures.coverage";

    /** One county's sum of a metric and dimension over the months asked. */
    public record Sum(String county, String metric, String dim, long n, BigDecimal total) {
    }

    @Inject
    EntityManager county;
    @Inject
    @PersistenceUnit("platform")
    EntityManager platform;

    /**
     * Sends the months the county's refresh marked; runs in the county's scope and transaction. The
     * province rows are written and committed before the marks go, so a crash in between sends them again.
     */
    public int push(String countyId) {
        List<Object[]> marks = Figures.rows(county.createNativeQuery(
                "SELECT day, tx FROM figure_dirty WHERE village = ?1 ORDER BY day FOR UPDATE SKIP LOCKED")
                .setParameter(1, Figures.PROVINCE).getResultList());
        Set<LocalDate> months = new TreeSet<>();
        marks.forEach(m -> months.add(Figures.date(m[0])));
        for (LocalDate month : months) {
            List<Object[]> rows = monthOf(month);
            QuarkusTransaction.requiringNew().run(() -> replace(countyId, month, rows));
        }
        // the marks sent, not a month's marks made since by a refresh still running
        for (Object[] m : marks) {
            county.createNativeQuery("DELETE FROM figure_dirty WHERE village = ?1 AND day = ?2 AND tx = ?3")
                    .setParameter(1, Figures.PROVINCE).setParameter(2, Figures.date(m[0]))
                    .setParameter(3, ((Number) m[1]).longValue()).executeUpdate();
        }
        return months.size();
    }

    private List<Object[]> monthOf(LocalDate month) {
        LocalDate quarter = month.withMonth((month.getMonthValue() - 1) / 3 * 3 + 1);
        return Figures.rows(county.createNativeQuery("""
                SELECT metric, dim, n, total FROM figure_month WHERE unit = ?1 AND month = ?2 AND metric NOT LIKE 'reports.%'
                UNION ALL
                SELECT ?3, 'FINANCE', (SELECT count(DISTINCT unit) FROM figure_month f JOIN org_unit o ON o.code = f.unit
                        AND o.level = 'VILLAGE'
                    WHERE f.metric = 'disclosures.published' AND f.dim = 'FINANCE' AND f.month BETWEEN ?4 AND ?2),
                    (SELECT count(*) FROM org_unit WHERE level = 'VILLAGE')""")
                .setParameter(1, Figures.COUNTY).setParameter(2, month).setParameter(3, COVERAGE)
                .setParameter(4, quarter).getResultList());
    }

    private void replace(String countyId, LocalDate month, List<Object[]> rows) {
        platform.createNativeQuery("DELETE FROM platform.province_figure WHERE county = ?1 AND month = ?2")
                .setParameter(1, countyId).setParameter(2, month).executeUpdate();
        for (Object[] r : rows) {
            platform.createNativeQuery("INSERT INTO platform.province_figure (county, month, metric, dim, n, total) "
                    + "VALUES (?1, ?2, ?3, ?4, ?5, ?6)").setParameter(1, countyId).setParameter(2, month)
                    .setParameter(3, r[0]).setParameter(4, r[1]).setParameter(5, ((Number) r[2]).longValue())
                    .setParameter(6, new BigDecimal(r[3].toString())).executeUpdate();
        }
    }

    /** Every county's sums over whole months (inclusive); the coverage is the last month's. */
    public List<Sum> sums(LocalDate fromMonth, LocalDate toMonth) {
        List<Sum> out = new ArrayList<>();
        for (Object[] r : Figures.rows(platform.createNativeQuery("""
                SELECT county, metric, dim, sum(n), sum(total) FROM platform.province_figure
                WHERE month BETWEEN ?1 AND ?2 AND metric <> ?3 GROUP BY county, metric, dim
                UNION ALL
                SELECT county, metric, dim, n, total FROM platform.province_figure WHERE month = ?2 AND metric = ?3""")
                .setParameter(1, fromMonth).setParameter(2, toMonth).setParameter(3, COVERAGE).getResultList())) {
            out.add(new Sum((String) r[0], (String) r[1], (String) r[2], ((Number) r[3]).longValue(),
                    new BigDecimal(r[4].toString())));
        }
        return out;
    }
}
