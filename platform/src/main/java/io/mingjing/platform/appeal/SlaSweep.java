package io.mingjing.platform.appeal;

import com.github.kagkarlsson.scheduler.task.helper.RecurringTask;
import com.github.kagkarlsson.scheduler.task.helper.Tasks;
import com.github.kagkarlsson.scheduler.task.schedule.FixedDelay;
import io.mingjing.platform.audit.AuditLog;
import io.mingjing.platform.audit.Chain;
import io.mingjing.platform.event.DomainEvents;
import io.mingjing.platform.registry.TenantRegistry;
import io.mingjing.platform.tenancy.TenantScope;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.nio.charset.StandardCharsets;
import java.sql.PreparedStatement;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.stream.Stream;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.hibernate.Session;
import org.jboss.logging.Logger;

/**
 * The one clock for time limits: each run reads, per county, only the cases whose colour changes now
 * (partial indexes on yellow_at and due_at), turns GREEN to YELLOW, and escalates overdue ones a
 * level (village → town → inspectors), telling both levels and the appellant. Escalations are
 * written in batches: one statement round per table per 500 cases, not one per case.
 *
 * <p>Once however many replicas: the run is a cluster job ({@code ClusterJobs}), and each batch
 * claims its cases with {@code FOR UPDATE SKIP LOCKED} in the transaction that escalates them, so even
 * two runs at once (a replica taken for dead that was only slow) never escalate a case twice. An
 * escalation moves the case's due time on, so a committed case is not picked again; a replica killed
 * mid-batch leaves nothing behind (its transaction rolls back) and the run revived elsewhere picks
 * those cases up.
 */
@ApplicationScoped
public class SlaSweep {

    private static final Logger LOG = Logger.getLogger(SlaSweep.class);
    static final int BATCH = 500;
    static final String ACTOR = "system:time-limit";

    @Inject
    TenantRegistry registry;
    @Inject
    TenantScope scope;
    @Inject
    SlaClock clock;
    @Inject
    AuditLog audit;
    @Inject
    EntityManager em;
    @Inject
    DomainEvents events;
    @ConfigProperty(name = "mingjing.sla.sweep-every", defaultValue = "30s")
    Duration every;

    /** Counts of one county's sweep. */
    public record Result(int yellow, int escalated) {
    }

    @Produces
    RecurringTask<Void> timeLimits() {
        return Tasks.recurring("time-limits", FixedDelay.of(every)).execute((instance, context) -> everyCounty());
    }

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
        int batch;
        do {
            batch = scope.call(tenantId, () -> escalateBatch(now));
            escalated += batch;
        } while (batch == BATCH);
        return new Result(yellow, escalated);
    }

    /** Up to {@link #BATCH} overdue cases in one transaction, their steps, audit entries and messages written in batches. */
    private int escalateBatch(Instant now) {
        List<Appeal> overdue = claimOverdue(now);
        if (overdue.isEmpty()) {
            return 0;
        }
        Map<String, Duration> limits = clock.limits();
        List<Object[]> steps = new ArrayList<>();
        List<Object[]> messages = new ArrayList<>();
        Map<Chain, List<AuditLog.Draft>> audits = new EnumMap<>(Chain.class);
        List<DomainEvents.Draft> escalations = new ArrayList<>();
        Timestamp at = Timestamp.from(now);
        for (Appeal a : overdue) {
            String before = AppealAccess.unitAddress(a);
            String note = escalate(a, now, limits);
            AppealEvents.draft("appeal.escalated", a, "overdue").ifPresent(escalations::add);
            steps.add(new Object[] {a.id, at, ACTOR, "overdue", a.state.name(), note});
            audits.computeIfAbsent(AppealService.chain(a), k -> new ArrayList<>()).add(new AuditLog.Draft(ACTOR,
                    "appeal.overdue", "Appeal", a.trackingNo, note.getBytes(StandardCharsets.UTF_8)));
            String text = AppealService.label(a) + " " + a.trackingNo + " 已超时（红牌）：" + note;
            Stream.of(before, AppealAccess.unitAddress(a)).filter(Objects::nonNull).distinct()
                    .forEach(unit -> messages.add(new Object[] {unit, a.id, at, text, false}));
            if (a.appellantAddress() != null) {
                messages.add(new Object[] {a.appellantAddress(), a.id, at,
                        AppealService.personal(a, "办理超时，已提级督办"), true});
            }
        }
        insertAll("INSERT INTO appeal_step (appeal_id, at, actor, action, to_state, note) VALUES (?, ?, ?, ?, ?, ?)",
                steps);
        insertAll("INSERT INTO inbox_message (recipient, appeal_id, at, text, to_person) VALUES (?, ?, ?, ?, ?)",
                messages);
        events.recordAll(DomainEvents.PLATFORM, escalations);
        audits.forEach(audit::appendAll); // last: the audit chains are locked from here to the commit
        return overdue.size();
    }

    /** Locked until the commit; cases another sweep holds are skipped, not waited for. */
    private List<Appeal> claimOverdue(Instant now) {
        @SuppressWarnings("unchecked")
        List<Long> ids = em.createNativeQuery("SELECT id FROM appeal WHERE due_at <= ?1 ORDER BY due_at LIMIT ?2 "
                + "FOR UPDATE SKIP LOCKED", Long.class).setParameter(1, now).setParameter(2, BATCH).getResultList();
        return ids.isEmpty() ? List.of() : Appeal.list("id in ?1", ids);
    }

    /** @return the timeline note */
    private String escalate(Appeal a, Instant now, Map<String, Duration> limits) {
        HandlingLevel from = a.level;
        a.escalations++;
        if (from == HandlingLevel.INSPECTORS) {
            a.sla = SlaState.RED;
            a.dueAt = null; // the top level: the case stays red on the inspectors' board
            a.yellowAt = null;
        } else {
            a.level = from.escalated();
            clock.start(a, now, SlaState.RED, limits);
        }
        return "overdue at " + from + (from == a.level ? "" : "; escalated to " + a.level);
    }

    private void insertAll(String sql, List<Object[]> rows) {
        em.unwrap(Session.class).doWork(c -> {
            try (PreparedStatement ps = c.prepareStatement(sql)) {
                for (Object[] row : rows) {
                    for (int i = 0; i < row.length; i++) {
                        ps.setObject(i + 1, row[i]);
                    }
                    ps.addBatch();
                }
                ps.executeBatch();
            }
        });
    }
}
