package io.mingjing.platform.warning;

import com.github.kagkarlsson.scheduler.task.helper.OneTimeTask;
import com.github.kagkarlsson.scheduler.task.helper.RecurringTask;
import com.github.kagkarlsson.scheduler.task.helper.Tasks;
import com.github.kagkarlsson.scheduler.task.schedule.FixedDelay;
import io.mingjing.platform.feature.FeatureSwitches;
import io.mingjing.platform.jobs.ClusterJobs;
import io.mingjing.platform.registry.TenantRegistry;
import io.mingjing.platform.tenancy.TenantScope;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Inject;
import jakarta.transaction.Status;
import jakarta.transaction.Synchronization;
import jakarta.transaction.TransactionSynchronizationRegistry;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

/**
 * The scheduled side of evaluation, once however many replicas (db-scheduler): a sweep of the rules
 * that time alone makes true ("not declared within N days", "a quarter without a finance disclosure")
 * and of plugin rules, and a whole re-evaluation of one rule after a county changed it, scheduled as a
 * one-time execution whose id is the county and rule, so two changes at once run it once more, not twice at once.
 */
@ApplicationScoped
public class WarningSweep {

    private static final Logger LOG = Logger.getLogger(WarningSweep.class);
    /** A whole county's evaluation, one transaction: a county's first one raises all its history's warnings. */
    static final Duration WHOLE_COUNTY = Duration.ofMinutes(15);

    @Inject
    TenantRegistry registry;
    @Inject
    TenantScope scope;
    @Inject
    Rules rules;
    @Inject
    WarningService warnings;
    @Inject
    FeatureSwitches switches;
    @Inject
    ClusterJobs jobs;
    @Inject
    TransactionSynchronizationRegistry transactions;
    @ConfigProperty(name = "mingjing.warnings.sweep-every", defaultValue = "5m")
    Duration every;

    @Produces
    RecurringTask<Void> timeBasedRules() {
        return Tasks.recurring("warning-sweep", FixedDelay.of(every)).execute((instance, context) -> everyCounty());
    }

    @Produces
    OneTimeTask<String> reevaluation() {
        return Tasks.oneTime("warning-reevaluation", String.class).execute((instance, context) -> {
            String[] parts = instance.getData().split("\n", 2);
            reevaluate(parts[0], parts[1]);
        });
    }

    /**
     * Schedules the whole re-evaluation of a rule in a county, to run on one replica, once the change
     * committed: the scheduler's table is the platform's, out of the county's connection's reach, so
     * the scheduling runs on a thread of its own, outside the county's transaction.
     */
    void schedule(String county, String ruleId) {
        Runnable now = () -> Thread.ofVirtual().name("warning-reevaluation").start(() -> {
            try {
                jobs.client().scheduleIfNotExists(reevaluation().instance(county + ":" + ruleId, county + "\n" + ruleId),
                        Instant.now());
            } catch (RuntimeException e) {
                LOG.warnf("re-evaluation of rule %s in county %s not scheduled: %s; the sweep catches up", ruleId, county,
                        e.getMessage());
            }
        });
        if (transactions.getTransactionStatus() != Status.STATUS_ACTIVE) {
            now.run();
            return;
        }
        transactions.registerInterposedSynchronization(new Synchronization() {
            @Override
            public void beforeCompletion() {
            }

            @Override
            public void afterCompletion(int status) {
                if (status == Status.STATUS_COMMITTED) {
                    now.run();
                }
            }
        });
    }

    void everyCounty() {
        for (String county : registry.serving()) {
            if (!switches.on(county, WarningFeature.ID)) {
                continue;
            }
            try {
                scope.call(county, WHOLE_COUNTY, () -> {
                    List<ActiveRule> due = rules.enabled().stream().filter(ActiveRule::timeBased).toList();
                    return warnings.run(due, Target.ALL, true, "sweep");
                });
            } catch (RuntimeException e) {
                LOG.warnf("warning sweep of county %s failed: %s", county, e.getMessage());
            }
        }
    }

    /** Every entity of the rule's fact, the rule's new thresholds: new warnings raised, untaken ones no longer met withdrawn. */
    Evaluator.Result reevaluate(String county, String ruleId) {
        return scope.call(county, WHOLE_COUNTY, () -> {
            List<ActiveRule> one = rules.enabled().stream().filter(r -> r.id().equals(ruleId)).toList();
            return warnings.run(one, Target.ALL, true, "reevaluation:" + ruleId);
        });
    }

    /** Every enabled rule over every entity: what a county's first day, or a benchmark, needs. */
    public Evaluator.Result reevaluateAll(String county) {
        return scope.call(county, WHOLE_COUNTY, () -> warnings.run(rules.enabled(), Target.ALL, true, "reevaluation:all"));
    }
}
