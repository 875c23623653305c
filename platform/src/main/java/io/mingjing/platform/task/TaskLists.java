package io.mingjing.platform.task;

import io.mingjing.platform.identity.Caller;
import io.mingjing.platform.identity.CurrentCaller;
import io.mingjing.platform.identity.Role;
import io.mingjing.platform.orgunit.OrgUnit;
import io.mingjing.platform.orgunit.OrgUnitLevel;
import io.mingjing.platform.orgunit.Places;
import io.mingjing.platform.problem.ProblemException;
import io.mingjing.platform.sql.Keyset;
import io.quarkus.panache.common.Parameters;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import java.util.List;
import java.util.Map;

/** What callers see of tasks: their own and their places', and the progress per village for a town or the county. */
@ApplicationScoped
public class TaskLists {

    static final int MAX_PAGE = 100;

    @Inject
    CurrentCaller caller;
    @Inject
    Places places;
    @Inject
    EntityManager em;

    /** Tasks of one unit the caller may act on, or (no unit) the tasks for the caller and for the caller's own unit. */
    @Transactional
    public TaskView.Page list(String unit, TaskState state, Long before, int limit) {
        Caller c = caller.get();
        Keyset k = Keyset.of(before, limit, MAX_PAGE);
        Parameters p = Parameters.with("before", k.below());
        String where;
        if (unit != null) {
            if (!places.mayActOn(unit)) {
                throw new ProblemException(403, "Forbidden", "Your account may not read the tasks of " + unit + ".");
            }
            where = "(unit = :unit or town = :unit)";
            p.and("unit", unit);
        } else {
            where = "(assigneeUserId = :me or assignerUserId = :me or (assigneeUserId is null and unit = :own))";
            p.and("me", c.userId()).and("own", c.orgUnit() == null ? "-" : c.orgUnit());
        }
        if (state != null) {
            where += " and state = :state";
            p.and("state", state);
        }
        return k.page(Task.<Task>find(where + " and id < :before order by id desc", p).page(0, k.fetch()).list(),
                t -> TaskView.of(t, List.of()), TaskView::id, TaskView.Page::new);
    }

    @Transactional
    public TaskView view(Task t) {
        List<TaskView.FileView> files = TaskFile.<TaskFile>find("taskId = ?1 order by id", t.id).stream()
                .map(f -> new TaskView.FileView(f.id, f.filename, f.contentType, f.sha256)).toList();
        return TaskView.of(t, files);
    }

    /**
     * 电子台账 of tasks: per village of a town (town officials: their own town), or per town of the county
     * (county-wide staff, no town given) — how many, done, open, overdue now, done after the deadline.
     */
    @Transactional
    public List<TaskView.Progress> progress(String town) {
        Caller c = caller.get();
        boolean countyWide = c.hasRole(Role.DEPARTMENT_STAFF) || c.hasRole(Role.TENANT_ADMIN) || c.hasRole(Role.INSPECTOR);
        if (town == null && !countyWide) {
            town = c.hasRole(Role.TOWN_OFFICIAL) ? c.orgUnit() : null;
        }
        if (town == null && !countyWide) {
            throw new ProblemException(403, "Forbidden", "Progress is for a town's officials and the county's staff.");
        }
        if (town != null) {
            OrgUnit u = OrgUnit.findById(town);
            if (u == null || u.level != OrgUnitLevel.TOWN) {
                throw ProblemException.invalid(400, "Unknown town.", Map.of("town", "must be the code of a town of this county"));
            }
            if (!places.mayActOn(town)) {
                throw new ProblemException(403, "Forbidden", "Your account may not read the tasks of town " + town + ".");
            }
        }
        String group = town == null ? "t.town" : "t.unit";
        @SuppressWarnings("unchecked")
        List<Object[]> rows = em.createNativeQuery("SELECT " + group + ", o.name, count(*), "
                + "count(*) FILTER (WHERE t.state = 'DONE'), count(*) FILTER (WHERE t.state = 'OPEN'), "
                + "count(*) FILTER (WHERE t.state = 'OPEN' AND t.deadline < now()), "
                + "count(*) FILTER (WHERE t.state = 'DONE' AND t.completed_at > t.deadline) "
                + "FROM task t JOIN org_unit o ON o.code = " + group
                + " WHERE (CAST(?1 AS text) IS NULL OR t.town = ?1) GROUP BY " + group + ", o.name ORDER BY " + group,
                Object[].class).setParameter(1, town).getResultList();
        return rows.stream().map(r -> new TaskView.Progress(((String) r[0]).strip(), (String) r[1], n(r[2]), n(r[3]),
                n(r[4]), n(r[5]), n(r[6]))).toList();
    }

    private static long n(Object o) {
        return ((Number) o).longValue();
    }
}
