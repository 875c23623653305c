package io.mingjing.platform.appeal;

import io.mingjing.platform.audit.AuditLog;
import io.mingjing.platform.inbox.InboxMessage;
import io.mingjing.platform.registry.TenantRegistry;
import io.mingjing.platform.tenancy.TenantScope;
import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import org.jboss.logging.Logger;

/**
 * The one clock for time limits: each run reads, per county, only the cases whose colour changes now
 * (partial indexes on yellow_at and due_at), turns GREEN to YELLOW, and escalates overdue ones a
 * level (village → town → inspectors), telling both levels and the appellant.
 */
@ApplicationScoped
public class SlaSweep {

    private static final Logger LOG = Logger.getLogger(SlaSweep.class);
    static final int BATCH = 500;

    @Inject
    TenantRegistry registry;
    @Inject
    TenantScope scope;
    @Inject
    SlaClock clock;
    @Inject
    AuditLog audit;

    /** Counts of one county's sweep. */
    public record Result(int yellow, int escalated) {
    }

    @Scheduled(every = "${mingjing.sla.sweep-every:30s}", concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void everyCounty() {
        for (String id : registry.serving()) {
            try {
                long t0 = System.nanoTime();
                Result r = sweep(id, Instant.now());
                if (r.yellow() + r.escalated() > 0) {
                    LOG.infof("time limits of county %s: %d yellow, %d escalated in %d ms", id, r.yellow(),
                            r.escalated(), (System.nanoTime() - t0) / 1_000_000);
                }
            } catch (RuntimeException e) {
                LOG.warnf("time-limit sweep of county %s failed: %s", id, e.getMessage());
            }
        }
    }

    public Result sweep(String tenantId, Instant now) {
        int yellow = scope.call(tenantId, () -> Appeal.update("sla = ?1, yellowAt = null where sla = ?2 and "
                + "yellowAt <= ?3", SlaState.YELLOW, SlaState.GREEN, now));
        int escalated = 0;
        List<Long> overdue;
        do {
            overdue = scope.call(tenantId, () -> Appeal.<Appeal>find("dueAt <= ?1", now).page(0, BATCH).stream()
                    .map(a -> {
                        escalate(a, now);
                        return a.id;
                    }).toList());
            escalated += overdue.size();
        } while (overdue.size() == BATCH);
        return new Result(yellow, escalated);
    }

    private void escalate(Appeal a, Instant now) {
        String before = AppealAccess.unitAddress(a);
        HandlingLevel from = a.level;
        a.escalations++;
        if (from == HandlingLevel.INSPECTORS) {
            a.sla = SlaState.RED;
            a.dueAt = null; // the top level: the case stays red on the inspectors' board
            a.yellowAt = null;
        } else {
            a.level = from.escalated();
            clock.start(a, now, SlaState.RED);
        }
        String note = "overdue at " + from + (from == a.level ? "" : "; escalated to " + a.level);
        AppealService.step(a, "system:time-limit", "overdue", note);
        audit.append("system:time-limit", "appeal.overdue", "Appeal", a.trackingNo, note.getBytes(StandardCharsets.UTF_8));
        String text = AppealService.label(a) + " " + a.trackingNo + " 已超时（红牌）：" + note;
        InboxMessage.toUnit(before, a.id, text);
        if (from != a.level) {
            InboxMessage.toUnit(AppealAccess.unitAddress(a), a.id, text);
        }
        InboxMessage.toPerson(a.appellantUserId, a.id, "您的" + AppealService.label(a) + " " + a.trackingNo
                + " 办理超时，已提级督办", a.kind == AppealKind.REPORT);
    }
}
