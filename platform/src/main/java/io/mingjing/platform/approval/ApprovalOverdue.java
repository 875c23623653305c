package io.mingjing.platform.approval;

import io.mingjing.platform.audit.AuditLog;
import io.mingjing.platform.audit.Chain;
import io.mingjing.platform.clock.Deadline;
import io.mingjing.platform.clock.OverdueCases;
import io.mingjing.platform.clock.SlaState;
import io.mingjing.platform.clock.SlaSweep;
import io.mingjing.platform.event.DomainEvents;
import io.mingjing.platform.inbox.InboxMessage;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Approval steps on the one clock: 黄牌 at 80 % of the step's limit; 红牌 when it is overdue, and 督办
 * — the town is told the first time, the inspectors the second, and the step's approvers each time.
 * The approvers stay who they were: escalation watches them, it does not take their step away.
 */
@ApplicationScoped
public class ApprovalOverdue implements OverdueCases {

    static final int INSPECTORS_AFTER = 2;

    @Inject
    EntityManager em;
    @Inject
    Workflows workflows;
    @Inject
    AuditLog audit;
    @Inject
    DomainEvents events;

    @Override
    public String kind() {
        return "approval";
    }

    @Override
    public String feature() {
        return ApprovalFeature.ID;
    }

    @Override
    public int yellow(Instant now) {
        return Approval.update("sla = ?1, yellowAt = null where sla = ?2 and yellowAt <= ?3", SlaState.YELLOW,
                SlaState.GREEN, now);
    }

    @Override
    public int escalateBatch(Instant now, int limit) {
        @SuppressWarnings("unchecked")
        List<Long> ids = em.createNativeQuery("SELECT id FROM approval WHERE due_at <= ?1 ORDER BY due_at LIMIT ?2 "
                + "FOR UPDATE SKIP LOCKED", Long.class).setParameter(1, now).setParameter(2, limit).getResultList();
        if (ids.isEmpty()) {
            return 0;
        }
        List<AuditLog.Draft> audits = new ArrayList<>();
        List<DomainEvents.Draft> drafts = new ArrayList<>();
        for (Approval a : Approval.<Approval>list("id in ?1", ids)) {
            String note = escalate(a, now);
            audits.add(new AuditLog.Draft(SlaSweep.ACTOR, "approval.overdue", "Approval", a.id.toString(),
                    note.getBytes(StandardCharsets.UTF_8)));
            drafts.add(ApprovalEvents.draft("approval.escalated", a, Map.of("reason", "overdue",
                    "escalations", a.escalations)));
        }
        events.recordAll(DomainEvents.PLATFORM, drafts);
        audit.appendAll(Chain.PUBLIC, audits);
        return ids.size();
    }

    private String escalate(Approval a, Instant now) {
        a.escalations++;
        WorkflowDefinition.Step step = workflows.version(a.kind, a.definitionVersion).stage(a.stage).steps().get(a.step);
        boolean top = a.escalations >= INSPECTORS_AFTER;
        a.clock(top ? Deadline.stopped(a.stepStartedAt, SlaState.RED)
                : Deadline.start(now, Duration.ofHours(step.hours()), SlaState.RED));
        a.stepStartedAt = a.stepStartedAt == null ? now : a.stepStartedAt;
        String note = "「" + step.name() + "」超时（红牌），" + (top ? "已报纪检监察督办" : "已报镇（街道）督办");
        ApprovalService.systemLine(a, "overdue", note);
        String text = ApprovalService.label(a) + " " + note;
        InboxMessage.Words words = ApprovalService.words(a, top ? "inbox.approval.overdueInspectors"
                : "inbox.approval.overdueTown", step.name());
        InboxMessage.toUnit(top ? "inspectors" : a.town, null, text, words);
        @SuppressWarnings("unchecked")
        List<String> waiting = em.createNativeQuery("SELECT user_id FROM approval_pending WHERE approval_id = ?1")
                .setParameter(1, a.id).getResultList();
        waiting.forEach(u -> InboxMessage.toPerson(u, null, text, words));
        return note;
    }
}
