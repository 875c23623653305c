package io.mingjing.platform.service;

import io.mingjing.platform.clock.SlaState;
import io.mingjing.platform.feature.PortalColumn;
import io.mingjing.platform.identity.Caller;
import io.mingjing.platform.identity.CurrentCaller;
import io.mingjing.platform.identity.Role;
import io.mingjing.platform.orgunit.Places;
import io.mingjing.platform.problem.ProblemException;
import io.mingjing.platform.resident.Resident;
import io.mingjing.platform.sql.Keyset;
import io.mingjing.platform.sql.SqlValues;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/** What readers list of applications: their own, the ones waiting for them, a village's; and the published results. */
@ApplicationScoped
public class ServiceLists {

    static final ZoneId CHINA = ZoneId.of("Asia/Shanghai");
    private static final Set<String> COUNTY_WIDE = Set.of(Role.TENANT_ADMIN, Role.DEPARTMENT_STAFF, Role.INSPECTOR);
    private static final String COLUMNS = "a.id, a.item_code, a.item_version, a.village, a.resident_id, a.state, a.sla, "
            + "a.due_at, a.created_at, a.score";

    @Inject
    CurrentCaller caller;
    @Inject
    Places places;
    @Inject
    EntityManager em;
    @Inject
    ServiceCatalogue catalogue;

    /** A villager's own applications; staff: their places' (a village's with {@code village}); newest first. */
    @Transactional
    public ServiceView.Page list(String village, ServiceState state, Long before, int limit) {
        Caller c = caller.get();
        StringBuilder where = new StringBuilder(" WHERE true");
        List<Object> params = new ArrayList<>();
        if (c.hasRole(Role.VILLAGER) && !c.isStaff()) {
            Resident me = Resident.byUserId(c.userId());
            where.append(" AND a.resident_id = ?1");
            params.add(me == null ? -1L : me.id);
        } else if (village != null) {
            if (!(c.hasRole(Role.AGENT) && village.equals(c.orgUnit()))) {
                places.requireActOn(village);
            }
            where.append(" AND a.village = ?1");
            params.add(village);
        } else if (c.roles().stream().noneMatch(COUNTY_WIDE::contains)) {
            if (c.orgUnit() == null) {
                throw new ProblemException(403, "Forbidden", "Your account belongs to no place.");
            }
            where.append(c.hasRole(Role.TOWN_OFFICIAL) ? " AND a.town = ?1" : " AND a.village = ?1");
            params.add(c.orgUnit());
        }
        if (state != null) {
            where.append(" AND a.state = ?").append(params.size() + 1);
            params.add(state.name());
        }
        return page("SELECT " + COLUMNS + " FROM service_application a" + where, params, before, limit);
    }

    /** The applications whose open stage waits for the caller. */
    @Transactional
    public ServiceView.Page queue(Long before, int limit) {
        Caller c = caller.get();
        return page("SELECT DISTINCT " + COLUMNS + " FROM service_pending p JOIN service_application a ON a.id = "
                + "p.application_id WHERE p.user_id = ?1", new ArrayList<>(List.of(c.userId())), before, limit);
    }

    private ServiceView.Page page(String sql, List<Object> params, Long before, int limit) {
        Keyset k = Keyset.of(before, limit, 100);
        StringBuilder q = new StringBuilder(sql);
        if (before != null) {
            q.append(" AND a.id < ?").append(params.size() + 1);
            params.add(before);
        }
        q.append(" ORDER BY a.id DESC LIMIT ").append(k.fetch());
        var query = em.createNativeQuery(q.toString(), Object[].class);
        for (int i = 0; i < params.size(); i++) {
            query.setParameter(i + 1, params.get(i));
        }
        @SuppressWarnings("unchecked")
        List<Object[]> rows = query.getResultList();
        Map<Long, String> names = names(rows.stream().map(r -> ((Number) r[4]).longValue()).toList());
        return k.page(rows, r -> new ServiceView.Row(((Number) r[0]).longValue(),
                (String) r[1], catalogue.version((String) r[1], ((Number) r[2]).intValue()).name(), (String) r[3],
                names.get(((Number) r[4]).longValue()), ServiceState.valueOf((String) r[5]),
                SlaState.valueOf((String) r[6]), SqlValues.instant(r[7]), SqlValues.instant(r[8]),
                r[9] == null ? null : ((Number) r[9]).intValue()), ServiceView.Row::id, ServiceView.Page::new);
    }

    private static Map<Long, String> names(List<Long> ids) {
        Map<Long, String> out = new HashMap<>();
        if (!ids.isEmpty()) {
            Resident.<Resident>list("id in ?1", ids).forEach(r -> out.put(r.id, r.name));
        }
        return out;
    }

    @Transactional
    public ServiceView view(ServiceApplication a) {
        Caller c = caller.get();
        ServiceItemSpec item = catalogue.version(a.itemCode, a.itemVersion);
        Resident r = Resident.findById(a.residentId);
        List<ServiceLine> lines = ServiceLine.list("applicationId = ?1 order by id", a.id);
        @SuppressWarnings("unchecked")
        List<Object[]> pending = em.createNativeQuery("SELECT step, username, user_id FROM service_pending WHERE "
                + "application_id = ?1 ORDER BY step, username", Object[].class).setParameter(1, a.id).getResultList();
        Map<String, String> missing = new LinkedHashMap<>();
        if (a.missing != null) {
            a.missing.forEach(m -> missing.put(m, item.material(m) == null ? m : item.material(m).name()));
        }
        List<ServiceView.MaterialView> files = ServiceMaterial.<ServiceMaterial>list("applicationId = ?1 order by id", a.id)
                .stream().map(m -> new ServiceView.MaterialView(m.id, m.material, item.material(m.material) == null
                        ? m.material : item.material(m.material).name(), m.filename, m.contentType, m.sha256)).toList();
        List<String> mine = pending.stream().filter(p -> Objects.equals(p[2], c.userId())).map(p -> (String) p[0]).toList();
        return new ServiceView(a.id, a.itemCode, item.name(), a.itemVersion, a.village, r == null ? null : r.name,
                a.via.name(), a.state, a.stage, a.seq, a.required, a.sla, a.dueAt, missing, a.granted, a.result, a.score,
                a.ratingNote, a.createdAt, a.submittedAt, a.handlingStartedAt, a.completedAt, a.form, files,
                stages(a, item, lines, pending), lines.stream().map(l -> new ServiceView.LineView(l.at, l.actor, l.step,
                        l.action, l.note)).toList(), c.userId() != null && c.userId().equals(a.applicantUserId), mine,
                materials(item));
    }

    private static Map<String, String> materials(ServiceItemSpec item) {
        Map<String, String> out = new LinkedHashMap<>();
        item.materialList().forEach(m -> out.put(m.id(), m.name()));
        return out;
    }

    private static List<ServiceView.StageView> stages(ServiceApplication a, ServiceItemSpec item, List<ServiceLine> lines,
            List<Object[]> pending) {
        List<ServiceView.StageView> out = new ArrayList<>();
        for (int i = 0; i < item.review().size(); i++) {
            ServiceItemSpec.Stage s = item.stage(i);
            boolean current = a.state == ServiceState.REVIEW && a.stage == i;
            boolean done = a.stage > i || a.state == ServiceState.COMPLETED && a.stage == i;
            int index = i;
            List<ServiceView.StepView> steps = s.steps().stream().map(t -> new ServiceView.StepView(t.id(), t.name(),
                    t.department() != null ? t.department() : "town-official", decision(lines, index, t.id())))
                    .toList();
            out.add(new ServiceView.StageView(i, s.name(), s.mode().name(), s.hours(), current, done, steps));
        }
        return out;
    }

    private static String decision(List<ServiceLine> lines, int stage, String step) {
        String last = null;
        for (ServiceLine l : lines) {
            if (l.stage == stage && step.equals(l.step) && Set.of("approve", "reject", "supplement").contains(l.action)) {
                last = l.action;
            }
        }
        return last;
    }

    /**
     * The village's completed applications of items published {@code where} (PUBLIC or RESIDENTS), through
     * each item's template with the applicant's name masked, newest first.
     */
    @Transactional
    public List<PortalColumn.Item> published(PortalColumn.Query q, ServiceItemSpec.Publish where) {
        List<String> codes = catalogue.current(true).stream().filter(e -> e.item().published() == where)
                .map(ServiceCatalogue.Entry::code).toList();
        if (codes.isEmpty()) {
            return List.of();
        }
        List<ServiceApplication> done = ServiceApplication.<ServiceApplication>find("village = ?1 and itemCode in ?2 and "
                + "state = ?3 and granted = true order by id desc", q.village(), codes, ServiceState.COMPLETED)
                .page(q.page(), q.limit()).list();
        Map<Long, String> names = names(done.stream().map(a -> a.residentId).toList());
        return done.stream().map(a -> {
            ServiceItemSpec item = catalogue.version(a.itemCode, a.itemVersion);
            return new PortalColumn.Item(fill(item, a, names.get(a.residentId)), "/services/" + a.itemCode, a.completedAt,
                    item.name(), null);
        }).toList();
    }

    static String fill(ServiceItemSpec item, ServiceApplication a, String name) {
        String date = a.completedAt == null ? "" : LocalDate.ofInstant(a.completedAt, CHINA).toString();
        return item.template().replace("{applicant}", mask(name)).replace("{item}", item.name())
                .replace("{result}", a.result == null ? "" : a.result).replace("{date}", date);
    }

    /** 张*国, 李*: the family name and, for three characters or more, the last; never the whole name. */
    static String mask(String name) {
        if (name == null || name.isBlank()) {
            return "*";
        }
        int[] cps = name.strip().codePoints().toArray();
        if (cps.length == 1) {
            return "*";
        }
        StringBuilder b = new StringBuilder().appendCodePoint(cps[0]);
        b.append("*".repeat(Math.max(1, cps.length - 2)));
        if (cps.length > 2) {
            b.appendCodePoint(cps[cps.length - 1]);
        }
        return b.toString();
    }
}
