package io.mingjing.platform.approval;

import io.mingjing.platform.clock.SlaState;
import io.mingjing.platform.feature.PortalColumn;
import io.mingjing.platform.identity.Caller;
import io.mingjing.platform.identity.CurrentCaller;
import io.mingjing.platform.identity.Role;
import io.mingjing.platform.orgunit.Places;
import io.mingjing.platform.problem.ProblemException;
import io.mingjing.platform.sql.Keyset;
import io.mingjing.platform.sql.SqlValues;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.Query;
import jakarta.transaction.Transactional;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Staff lists of approvals: keyset pages (id descending) through the indexes on (village|town, kind,
 * state, id), so a page costs the same with a million approvals as with ten; and the approver's queue
 * through the approvers an open step waits for.
 */
@ApplicationScoped
public class ApprovalLists {

    public static final int MAX_PAGE = 100;
    private static final Set<String> COUNTY_WIDE = Set.of(Role.TENANT_ADMIN, Role.DEPARTMENT_STAFF, Role.INSPECTOR);
    private static final String COLUMNS = "a.id, a.kind, a.village, a.title, a.amount, a.state, a.seq, a.sla, "
            + "a.due_at, a.created_at";

    @Inject
    EntityManager em;
    @Inject
    CurrentCaller caller;
    @Inject
    Places places;
    @Inject
    Workflows workflows;

    /** @param village a village the caller may act on; null for all the caller's places */
    @Transactional
    public ApprovalView.Page list(String village, ApprovalKind kind, ApprovalState state, SlaState sla, Long before,
            int limit) {
        Caller c = caller.get();
        if (!c.isStaff()) {
            throw new ProblemException(403, "Forbidden", "Approvals are staff work; residents see their published results.");
        }
        StringBuilder where = new StringBuilder(" WHERE true");
        List<Object> params = new ArrayList<>();
        if (village != null) {
            places.requireActOn(village);
            where.append(" AND a.village = ?").append(params.size() + 1);
            params.add(village);
        } else if (c.roles().stream().noneMatch(COUNTY_WIDE::contains)) {
            if (c.orgUnit() == null) {
                throw new ProblemException(403, "Forbidden", "Your account belongs to no place.");
            }
            where.append(c.hasRole(Role.TOWN_OFFICIAL) ? " AND a.town = ?" : " AND a.village = ?")
                    .append(params.size() + 1);
            params.add(c.orgUnit());
        }
        filter(where, "a.kind", kind);
        filter(where, "a.state", state);
        filter(where, "a.sla", sla);
        return page("SELECT " + COLUMNS + " FROM approval a" + where, params, before, limit);
    }

    /** The approvals whose open step waits for the caller, newest first. */
    @Transactional
    public ApprovalView.Page queue(Long before, int limit) {
        Caller c = caller.get();
        if (c.anonymous()) {
            throw new ProblemException(401, "Unauthorized", "Log in.");
        }
        List<Object> params = new ArrayList<>(List.of(c.userId()));
        return page("SELECT " + COLUMNS + " FROM approval_pending p JOIN approval a ON a.id = p.approval_id "
                + "WHERE p.user_id = ?1", params, before, limit);
    }

    /**
     * An enum's name written into the statement, not bound: the planner then proves that {@code sla =
     * 'RED'} lies in the partial index of the colours needing attention, and sees how rare a state is.
     */
    private static void filter(StringBuilder where, String column, Enum<?> value) {
        if (value != null) {
            where.append(" AND ").append(column).append(" = '").append(value.name()).append('\'');
        }
    }

    private ApprovalView.Page page(String sql, List<Object> params, Long before, int limit) {
        Keyset k = Keyset.of(before, limit, MAX_PAGE);
        StringBuilder q = new StringBuilder(sql);
        if (before != null) {
            q.append(" AND a.id < ?").append(params.size() + 1);
        }
        q.append(" ORDER BY a.id DESC LIMIT ").append(k.fetch());
        Query query = em.createNativeQuery(q.toString(), Object[].class);
        for (int i = 0; i < params.size(); i++) {
            query.setParameter(i + 1, params.get(i));
        }
        if (before != null) {
            query.setParameter(params.size() + 1, before);
        }
        @SuppressWarnings("unchecked")
        List<Object[]> rows = query.getResultList();
        return k.page(rows, ApprovalLists::item, ApprovalView.Item::id, ApprovalView.Page::new);
    }

    private static ApprovalView.Item item(Object[] r) {
        return new ApprovalView.Item(((Number) r[0]).longValue(), ApprovalKind.valueOf((String) r[1]),
                String.valueOf(r[2]).strip(), (String) r[3], (BigDecimal) r[4], ApprovalState.valueOf((String) r[5]),
                ((Number) r[6]).intValue(), SlaState.valueOf((String) r[7]), SqlValues.instant(r[8]),
                SqlValues.instant(r[9]));
    }

    /** The one form with its stages, timeline and files; personal data (payee phones) only to staff of its place. */
    @Transactional
    public ApprovalView view(Approval a) {
        WorkflowDefinition def = workflows.version(a.kind, a.definitionVersion);
        List<ApprovalView.StageView> stages = new ArrayList<>();
        for (int i = 0; i < def.stages().size(); i++) {
            WorkflowDefinition.Stage s = def.stage(i);
            boolean done = i < a.stage || a.state == ApprovalState.APPROVED || a.state == ApprovalState.PAID;
            stages.add(new ApprovalView.StageView(s.id(), s.name(), s.form(), i == a.stage && !done, done,
                    s.steps() == null ? List.of() : s.steps().stream().map(WorkflowDefinition.Step::name).toList()));
        }
        WorkflowDefinition.Stage stage = def.stage(a.stage);
        WorkflowDefinition.Step step = a.state == ApprovalState.PENDING ? stage.steps().get(a.step) : null;
        long approvals = ApprovalStep.count("approvalId = ?1 and seq = ?2 and action = 'approve'", a.id, a.seq);
        @SuppressWarnings("unchecked")
        List<String> waiting = em.createNativeQuery("SELECT username FROM approval_pending WHERE approval_id = ?1 "
                + "ORDER BY username").setParameter(1, a.id).getResultList();
        List<ApprovalView.Line> timeline = ApprovalStep.<ApprovalStep>list("approvalId = ?1 order by id", a.id).stream()
                .map(s -> new ApprovalView.Line(s.at, s.actor, s.action, s.note, s.seq)).toList();
        List<ApprovalView.FileView> files = em.createQuery("SELECT new " + ApprovalView.FileView.class.getName()
                + "(x.id, x.kind, x.filename, x.contentType, x.sha256) FROM ApprovalAttachment x WHERE x.approvalId = ?1 "
                + "ORDER BY x.id", ApprovalView.FileView.class).setParameter(1, a.id).getResultList();
        return new ApprovalView(a.id, a.kind, a.village, a.town, a.title, a.amount, a.state, a.definitionVersion,
                stage.name(), step == null ? null : step.name(), step == null ? null : step.role(), a.seq, a.required,
                approvals, waiting, a.sla, a.dueAt, a.escalations, a.filedBy, a.createdAt, a.paidAt, a.bankRef,
                a.disclosureId, a.data, stages, timeline, files);
    }

    /** 用印登记 of a village, or of every village the caller may see. */
    @Transactional
    public List<Map<String, Object>> sealRegister(String village, int limit) {
        Caller c = caller.get();
        if (!c.hasRole(Role.SUPERVISOR) && !c.hasRole(Role.INSPECTOR) && !c.hasRole(Role.CADRE)
                && !c.hasRole(Role.TOWN_OFFICIAL) && !c.hasRole(Role.TENANT_ADMIN)) {
            throw new ProblemException(403, "Forbidden", "The seal register is open to the supervisory committee, "
                    + "inspectors and the village's cadres.");
        }
        String v = village != null ? village : c.orgUnit();
        if (v == null) {
            throw ProblemException.invalid(400, "Say which village.", Map.of("village", "is required"));
        }
        places.requireActOn(v);
        @SuppressWarnings("unchecked")
        List<Object[]> rows = em.createNativeQuery("SELECT u.id, s.name, u.document, u.purpose, u.approved_at, "
                + "u.approval_id FROM seal_use u JOIN seal s ON s.id = u.seal_id WHERE u.village = ?1 ORDER BY u.id DESC "
                + "LIMIT ?2", Object[].class).setParameter(1, v).setParameter(2, Math.max(1, Math.min(limit, 500)))
                .getResultList();
        return rows.stream().map(r -> Map.<String, Object>of("id", r[0], "seal", r[1], "document", r[2], "purpose",
                r[3], "approvedAt", SqlValues.instant(r[4]), "approval", r[5])).toList();
    }

    /**
     * The village portal's column of results: approvals whose disclosure went through review and was
     * published, newest first, each linking to its disclosure (so nothing bypasses the town's review).
     */
    @Transactional
    public List<PortalColumn.Item> published(PortalColumn.Query q) {
        @SuppressWarnings("unchecked")
        List<Object[]> rows = em.createNativeQuery("SELECT a.kind, a.title, a.amount, d.id, d.published_at FROM approval a "
                + "JOIN disclosure d ON d.id = a.disclosure_id WHERE a.village = ?1 AND d.status = 'PUBLISHED' "
                + "ORDER BY a.id DESC LIMIT ?2 OFFSET ?3", Object[].class).setParameter(1, q.village())
                .setParameter(2, q.limit()).setParameter(3, q.page() * q.limit()).getResultList();
        return rows.stream().map(r -> new PortalColumn.Item(ApprovalKind.valueOf((String) r[0]).zh + "：" + r[1]
                + (r[2] == null ? "" : " " + ((BigDecimal) r[2]).toPlainString() + " 元"), "/d/" + r[3],
                SqlValues.instant(r[4]), q.text().apply("approval.kind." + r[0]), null)).toList();
    }
}
