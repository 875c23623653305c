package io.mingjing.platform.clock;

import com.github.kagkarlsson.scheduler.task.helper.RecurringTask;
import com.github.kagkarlsson.scheduler.task.helper.Tasks;
import com.github.kagkarlsson.scheduler.task.schedule.FixedDelay;
import io.mingjing.platform.feature.FeatureSwitches;
import io.mingjing.platform.registry.TenantRegistry;
import io.mingjing.platform.tenancy.TenantScope;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Instance;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.Instant;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

/**
 * The one clock for time limits, for every kind of case: each run reads, per county and kind, only
 * the cases whose colour changes now (partial indexes on yellow_at and due_at), turns GREEN to
 * YELLOW, and lets the kind escalate its overdue ones in batches of {@link #BATCH}.
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
    public static final int BATCH = 500;
    public static final String ACTOR = "system:time-limit";

    @Inject
    TenantRegistry registry;
    @Inject
    TenantScope scope;
    @Inject
    Instance<OverdueCases> kinds;
    @Inject
    FeatureSwitches switches;
    @ConfigProperty(name = "mingjing.sla.sweep-every", defaultValue = "30s")
    Duration every;

    /** Counts of one county's sweep, over every kind of case. */
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
        int yellow = 0;
        int escalated = 0;
        for (OverdueCases kind : kinds) {
            if (kind.feature() != null && !switches.on(tenantId, kind.feature())) {
                continue;
            }
            yellow += scope.call(tenantId, () -> kind.yellow(now));
            int batch;
            do {
                batch = scope.call(tenantId, () -> kind.escalateBatch(now, BATCH));
                escalated += batch;
            } while (batch == BATCH);
        }
        return new Result(yellow, escalated);
    }
}
