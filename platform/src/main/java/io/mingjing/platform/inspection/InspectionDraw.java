package io.mingjing.platform.inspection;

import io.mingjing.platform.sample.SampleSource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.security.SecureRandom;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.HexFormat;

/**
 * The draws of a round, in SQL so that anyone with the seed can repeat them (docs/inspections.md): the
 * villages in the order of {@code md5(seed || ':' || code)}, and each village's records of a kind in the
 * order of {@code md5(seed || ':' || id)}, the first N and K of them. What was drawn is stored with the
 * round, so the round shows what it drew even after records are added to the period.
 */
@ApplicationScoped
class InspectionDraw {

    static final ZoneId BEIJING = ZoneId.of("Asia/Shanghai");
    private static final SecureRandom RANDOM = new SecureRandom();

    @Inject
    EntityManager em;

    /** A seed nobody chose: an opener cannot try seeds until the draw spares a village. */
    static String seed() {
        byte[] b = new byte[8];
        RANDOM.nextBytes(b);
        return HexFormat.of().formatHex(b);
    }

    /** The first {@code n} villages of the county (or of one town) in the seed's order. */
    int villages(InspectionRound r, int n) {
        return em.createNativeQuery("""
                INSERT INTO inspection_village (round_id, village, town, draw, version)
                SELECT ?1, code, parent_code, row_number() OVER (ORDER BY md5(CAST(?2 AS text) || ':' || code), code), 0
                FROM org_unit WHERE level = 'VILLAGE' AND (CAST(?3 AS text) IS NULL OR parent_code = CAST(?3 AS char(12)))
                ORDER BY md5(CAST(?2 AS text) || ':' || code), code LIMIT ?4""")
                .setParameter(1, r.id).setParameter(2, r.seed).setParameter(3, r.town).setParameter(4, n)
                .executeUpdate();
    }

    /** Up to {@code perKind} records of one kind of every village of the round, with their receipts then. */
    int records(InspectionRound r, SampleSource source) {
        OffsetDateTime since = r.periodFrom.atStartOfDay(BEIJING).toOffsetDateTime();
        OffsetDateTime until = r.periodTo.plusDays(1).atStartOfDay(BEIJING).toOffsetDateTime();
        return em.createNativeQuery("WITH p AS (SELECT v.village, CAST(?2 AS timestamptz) AS since, "
                + "CAST(?3 AS timestamptz) AS until, CAST(?4 AS date) AS first_day, CAST(?5 AS date) AS last_day "
                + "FROM inspection_village v WHERE v.round_id = ?1), "
                + "d AS (SELECT p.village, s.id, s.at, s.title, s.receipt, row_number() OVER (PARTITION BY p.village "
                + "ORDER BY md5(CAST(?6 AS text) || ':' || s.id), s.id) AS rank "
                + "FROM p, LATERAL (" + source.sql() + ") AS s(id, at, title, receipt)) "
                + "INSERT INTO inspection_sample (round_id, village, kind, record_id, at, title, rank, audit_seq, audit_hash) "
                + "SELECT ?1, d.village, ?7, d.id, d.at, left(d.title, 200), d.rank, a.seq, a.hash FROM d "
                + "LEFT JOIN LATERAL (SELECT e.seq, e.hash FROM audit_entry e WHERE e.entity = ?8 AND e.entity_id = d.receipt "
                + "ORDER BY e.seq DESC LIMIT 1) a ON true WHERE d.rank <= ?9")
                .setParameter(1, r.id).setParameter(2, since).setParameter(3, until)
                .setParameter(4, r.periodFrom).setParameter(5, r.periodTo).setParameter(6, r.seed)
                .setParameter(7, source.kind()).setParameter(8, source.auditEntity()).setParameter(9, r.perKind)
                .executeUpdate();
    }

    static LocalDate today() {
        return LocalDate.now(BEIJING);
    }
}
