package io.mingjing.platform.console;

import com.github.kagkarlsson.scheduler.ScheduledExecution;
import com.github.kagkarlsson.scheduler.task.TaskInstanceId;
import com.github.kagkarlsson.scheduler.task.helper.RecurringTask;
import io.mingjing.platform.event.EventAdmin;
import io.mingjing.platform.identity.CountyRealms;
import io.mingjing.platform.jobs.ClusterJobs;
import io.mingjing.platform.onboarding.TenantView;
import io.mingjing.platform.registry.TenantStatus;
import io.mingjing.platform.tenancy.TenantScope;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Instant;
import org.jboss.logging.Logger;

/**
 * One county's health as the operator sees it: the schema version its changelog reached, whether its
 * realm exists and lets people in, the event deliveries waiting or given up, and when the time-limit
 * sweep (one cluster job over every county) last completed.
 */
@ApplicationScoped
public class CountyHealth {

    private static final Logger LOG = Logger.getLogger(CountyHealth.class);
    static final String SWEEP_TASK = "time-limits";

    /**
     * @param realm {@code ENABLED}, {@code DISABLED}, {@code MISSING} or {@code UNKNOWN} (Keycloak did not answer)
     * @param pending deliveries waiting, or -1 when the county's schema cannot be read
     */
    public record Health(int schemaVersion, String realm, long pending, long dead, Instant lastSweep,
            Instant lastSweepFailure) {
    }

    @Inject
    CountyRealms realms;
    @Inject
    TenantScope scope;
    @Inject
    EventAdmin events;
    @Inject
    ClusterJobs jobs;

    public Health of(TenantView county) {
        long pending = -1;
        long dead = -1;
        if (county.status() == TenantStatus.ACTIVE || county.status() == TenantStatus.SUSPENDED) {
            try {
                EventAdmin.Backlog b = scope.call(county.id(), events::backlog);
                pending = b.pending();
                dead = b.dead();
            } catch (RuntimeException e) {
                LOG.warnf("event backlog of county %s unreadable: %s", county.id(), e.getMessage());
            }
        }
        var sweep = sweep();
        return new Health(county.schemaVersion(), realm(county.id()), pending, dead,
                sweep == null ? null : sweep.getLastSuccess(), sweep == null ? null : sweep.getLastFailure());
    }

    private String realm(String id) {
        try {
            Boolean enabled = realms.realmEnabled(id);
            return enabled == null ? "MISSING" : enabled ? "ENABLED" : "DISABLED";
        } catch (RuntimeException e) {
            return "UNKNOWN";
        }
    }

    private ScheduledExecution<Object> sweep() {
        try {
            return jobs.client().getScheduledExecution(TaskInstanceId.of(SWEEP_TASK, RecurringTask.INSTANCE))
                    .orElse(null);
        } catch (RuntimeException e) {
            return null;
        }
    }
}
