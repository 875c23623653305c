package io.mingjing.platform.task;

import io.mingjing.platform.audit.AuditLog;
import io.mingjing.platform.audit.Chain;
import io.mingjing.platform.clock.Deadline;
import io.mingjing.platform.clock.OverdueCases;
import io.mingjing.platform.clock.SlaState;
import io.mingjing.platform.clock.SlaSweep;
import io.mingjing.platform.event.DomainEvents;
import io.mingjing.platform.feature.FeatureSwitches;
import io.mingjing.platform.tenancy.CurrentTenant;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Tasks on the one clock. 黄牌 at 80 % of the time to the deadline: the assignee is reminded. 红牌 at the
 * deadline: reminded again that it is overdue, and the clock runs on for the county's "long overdue"
 * hours; if it is still not done then, 督办 — the assigner and the assigner's superior are told, and the
 * clock stops (the task stays red until it is done).
 */
@ApplicationScoped
public class TaskOverdue implements OverdueCases {

    static final DateTimeFormatter LOCAL = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm").withZone(TaskService.CHINA);

    @Inject
    EntityManager em;
    @Inject
    AuditLog audit;
    @Inject
    DomainEvents events;
    @Inject
    FeatureSwitches switches;
    @Inject
    CurrentTenant county;

    @Override
    public String kind() {
        return "task";
    }

    @Override
    public String feature() {
        return TaskFeature.ID;
    }

    static String local(Instant at) {
        return LOCAL.format(at);
    }

    /** Claimed like the overdue ones, so two sweeps at once remind nobody twice. */
    @Override
    public int yellow(Instant now) {
        int turned = 0;
        List<Task> due;
        do {
            due = claim("yellow_at", now, SlaSweep.BATCH);
            for (Task t : due) {
                t.sla = SlaState.YELLOW;
                t.yellowAt = null;
                TaskNews.toAssignees(t, TaskNews.label(t) + " 即将到期（" + local(t.deadline) + "），请抓紧办理");
            }
            em.flush();
            turned += due.size();
        } while (due.size() == SlaSweep.BATCH);
        return turned;
    }

    @Override
    public int escalateBatch(Instant now, int limit) {
        List<Task> due = claim("due_at", now, limit);
        if (due.isEmpty()) {
            return 0;
        }
        List<AuditLog.Draft> audits = new ArrayList<>();
        List<DomainEvents.Draft> drafts = new ArrayList<>();
        for (Task t : due) {
            String note = escalate(t, now);
            audits.add(new AuditLog.Draft(SlaSweep.ACTOR, "task.overdue", "Task", t.id.toString(),
                    note.getBytes(StandardCharsets.UTF_8)));
            drafts.add(TaskEvents.draft(t.escalations == 1 ? "task.overdue" : "task.escalated", t, Map.of()));
        }
        events.recordAll(DomainEvents.PLATFORM, drafts);
        audit.appendAll(Chain.PUBLIC, audits);
        return due.size();
    }

    private String escalate(Task t, Instant now) {
        t.escalations++;
        if (t.escalations == 1) {
            t.clock(Deadline.start(now, escalateAfter(), SlaState.RED));
            t.stepStartedAt = t.createdAt;
            String note = "已超过期限（" + local(t.deadline) + "），红牌";
            TaskNews.toAssignees(t, TaskNews.label(t) + " " + note + "，请尽快完成");
            return note;
        }
        t.clock(Deadline.stopped(t.createdAt, SlaState.RED));
        String note = "逾期未完成（期限 " + local(t.deadline) + "），已报上级督办";
        TaskNews.toSuperior(t, TaskNews.label(t) + "（" + t.assigneeName + "）" + note);
        TaskNews.toAssignees(t, TaskNews.label(t) + " " + note);
        return note;
    }

    private Duration escalateAfter() {
        Object v = switches.settings(county.require(), TaskFeature.ID).get(TaskFeature.ESCALATE_AFTER.key());
        return Duration.ofHours(v instanceof Number n ? n.longValue() : TaskFeature.ESCALATE_AFTER.defaultValue());
    }

    private List<Task> claim(String column, Instant now, int limit) {
        @SuppressWarnings("unchecked")
        List<Long> ids = em.createNativeQuery("SELECT id FROM task WHERE " + column + " <= ?1 ORDER BY " + column
                + " LIMIT ?2 FOR UPDATE SKIP LOCKED", Long.class).setParameter(1, now).setParameter(2, limit).getResultList();
        return ids.isEmpty() ? List.of() : Task.<Task>list("id in ?1", ids);
    }
}
