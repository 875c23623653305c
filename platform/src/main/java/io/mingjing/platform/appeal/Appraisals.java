package io.mingjing.platform.appeal;

import io.mingjing.platform.identity.CurrentCaller;
import io.mingjing.platform.identity.Role;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import java.util.List;

/** 红黄绿 appraisal per handling unit: colours, median handling time, satisfaction (the API and the staff page). */
@ApplicationScoped
public class Appraisals {

    static final String[] READERS = { Role.TENANT_ADMIN, Role.INSPECTOR, Role.DEPARTMENT_STAFF, Role.TOWN_OFFICIAL };

    public record UnitRecord(String level, String unit, long cases, long green, long yellow, long red,
            Double medianHours, Double satisfaction) {
    }

    @Inject
    EntityManager em;
    @Inject
    CurrentCaller caller;

    /** Who may see it: the admin, the inspectors, the departments and the towns. */
    public void requireReader() {
        caller.requireRole(READERS);
    }

    @Transactional
    public List<UnitRecord> units() {
        requireReader();
        // reports (举报) are counted for the inspectors only: anyone else could watch the count move
        boolean inspector = caller.get().hasRole(Role.INSPECTOR);
        @SuppressWarnings("unchecked")
        List<Object[]> rows = em.createNativeQuery("""
                SELECT a.level,
                       CASE a.level WHEN 'VILLAGE' THEN a.village WHEN 'TOWN' THEN o.parent_code
                                    WHEN 'DEPARTMENT' THEN a.department ELSE 'inspectors' END AS unit,
                       count(*),
                       count(*) FILTER (WHERE a.sla = 'GREEN' AND a.escalations = 0),
                       count(*) FILTER (WHERE a.sla = 'YELLOW' AND a.escalations = 0),
                       count(*) FILTER (WHERE a.sla = 'RED' OR a.escalations > 0),
                       percentile_cont(0.5) WITHIN GROUP (ORDER BY extract(epoch FROM a.closed_at - a.created_at) / 3600)
                           FILTER (WHERE a.closed_at IS NOT NULL),
                       avg(CASE WHEN a.satisfied THEN 1.0 ELSE 0.0 END) FILTER (WHERE a.satisfied IS NOT NULL)
                FROM appeal a JOIN org_unit o ON o.code = a.village
                WHERE ?1 OR a.kind <> 'REPORT'
                GROUP BY 1, 2 ORDER BY 1, 2""").setParameter(1, inspector).getResultList();
        return rows.stream().map(r -> new UnitRecord((String) r[0], (String) r[1], n(r[2]), n(r[3]), n(r[4]), n(r[5]),
                d(r[6]), d(r[7]))).toList();
    }

    private static long n(Object o) {
        return ((Number) o).longValue();
    }

    private static Double d(Object o) {
        return o == null ? null : ((Number) o).doubleValue();
    }
}
