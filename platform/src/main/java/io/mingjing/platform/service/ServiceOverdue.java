package io.mingjing.platform.service;

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
 * Service applications on the one clock, from the moment the village handles them: 黄牌 at 80 % of the
 * open step's limit (the village's intake or a review stage); 红牌 when it is overdue — the town is told
 * the first time, the inspectors the second, the step's reviewers each time. The reviewers stay who
 * they were: escalation watches them, it does not take their step away.
 */
@ApplicationScoped
public class ServiceOverdue implements OverdueCases {

    static final int INSPECTORS_AFTER = 2;

    @Inject
    EntityManager em;
    @Inject
    ServiceCatalogue catalogue;
    @Inject
    AuditLog audit;
    @Inject
    DomainEvents events;

    @Override
    public String kind() {
        return "service";
    }

    @Override
    public String feature() {
        return ServiceFeature.ID;
    }

    @Override
    public int yellow(Instant now) {
        return ServiceApplication.update("sla = ?1, yellowAt = null where sla = ?2 and yellowAt <= ?3", SlaState.YELLOW,
                SlaState.GREEN, now);
    }

    @Override
    public int escalateBatch(Instant now, int limit) {
        @SuppressWarnings("unchecked")
        List<Long> ids = em.createNativeQuery("SELECT id FROM service_application WHERE due_at <= ?1 ORDER BY due_at "
                + "LIMIT ?2 FOR UPDATE SKIP LOCKED", Long.class).setParameter(1, now).setParameter(2, limit)
                .getResultList();
        if (ids.isEmpty()) {
            return 0;
        }
        List<AuditLog.Draft> audits = new ArrayList<>();
        List<DomainEvents.Draft> drafts = new ArrayList<>();
        for (ServiceApplication a : ServiceApplication.<ServiceApplication>list("id in ?1", ids)) {
            ServiceItemSpec item = catalogue.version(a.itemCode, a.itemVersion);
            String stepName = a.stage < 0 ? "村级受理" : item.stage(a.stage).name();
            String note = escalate(a, item, stepName, now);
            audits.add(new AuditLog.Draft(SlaSweep.ACTOR, "service.overdue", "ServiceApplication", a.id.toString(),
                    note.getBytes(StandardCharsets.UTF_8)));
            drafts.add(ServiceEvents.draft("service.escalated", a, item.department(), Map.of("reason", "overdue",
                    "escalations", a.escalations, "stepName", stepName)));
        }
        events.recordAll(DomainEvents.PLATFORM, drafts);
        audit.appendAll(Chain.PUBLIC, audits);
        return ids.size();
    }

    private String escalate(ServiceApplication a, ServiceItemSpec item, String stepName, Instant now) {
        a.escalations++;
        int hours = a.stage < 0 ? item.acceptHours() : item.stage(a.stage).hours();
        boolean top = a.escalations >= INSPECTORS_AFTER;
        Instant started = a.stepStartedAt;
        a.clock(top ? Deadline.stopped(started, SlaState.RED) : Deadline.start(now, Duration.ofHours(hours), SlaState.RED));
        a.stepStartedAt = started == null ? now : started;
        String note = "「" + stepName + "」超时（红牌），" + (top ? "已报纪检监察督办" : "已报镇（街道）督办");
        ServiceApplications.line(a, "system", null, null, "overdue", note);
        String text = ServiceApplications.label(a, item) + " " + note;
        InboxMessage.toUnit(top ? "inspectors" : a.town, null, text);
        @SuppressWarnings("unchecked")
        List<String> waiting = em.createNativeQuery("SELECT DISTINCT user_id FROM service_pending WHERE application_id = ?1")
                .setParameter(1, a.id).getResultList();
        waiting.forEach(u -> InboxMessage.toPerson(u, null, text));
        return note;
    }
}
