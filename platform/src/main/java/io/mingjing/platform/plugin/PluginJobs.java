package io.mingjing.platform.plugin;

import com.github.kagkarlsson.scheduler.exceptions.TaskInstanceCurrentlyExecutingException;
import com.github.kagkarlsson.scheduler.exceptions.TaskInstanceNotFoundException;
import com.github.kagkarlsson.scheduler.task.TaskInstance;
import com.github.kagkarlsson.scheduler.task.TaskInstanceId;
import com.github.kagkarlsson.scheduler.task.helper.CustomTask;
import com.github.kagkarlsson.scheduler.task.helper.Tasks;
import io.mingjing.platform.jobs.ClusterJobs;
import io.mingjing.sdk.Caller;
import io.mingjing.sdk.Job;
import io.quarkus.runtime.StartupEvent;
import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Inject;
import java.time.Instant;
import java.util.Optional;
import org.jboss.logging.Logger;

/**
 * Schedules the jobs of running plugins as cluster jobs, one execution per module job (instance
 * {@code module/job}, its cron as data), and removes them when a plugin is unloaded. Each firing runs
 * on one replica and runs the job once per county that has the module enabled; the next firing is
 * the cron's next time after this one ends, so firings never overlap. A replica killed mid-firing
 * stops heartbeating and another replica runs the firing again.
 */
@ApplicationScoped
public class PluginJobs {

    private static final Logger LOG = Logger.getLogger(PluginJobs.class);
    static final String TASK = "module-job";

    @Inject
    ClusterJobs jobs;
    @Inject
    ModuleStates states;
    @Inject
    ModuleCalls calls;
    @Inject
    ModuleEnabling enabling;
    @Inject
    PluginCatalogue catalogue;

    @Produces
    CustomTask<String> moduleJobs() {
        return Tasks.custom(TASK, String.class).onDeadExecutionRevive().execute((instance, context) -> {
            String cron = fire(instance.getId(), instance.getData());
            return (complete, operations) -> operations.reschedule(complete, Crons.next(cron, Instant.now()), cron);
        });
    }

    /** After the scheduler has started: the jobs of the plugins loaded at boot. */
    void boot(@Observes @Priority(5000) StartupEvent e) {
        for (LoadedModule module : catalogue.running()) {
            try {
                Crons.check(module);
                schedule(module);
            } catch (PluginRejected ex) {
                LOG.warnf("jobs of module %s not scheduled: %s", module.id(), ex.getMessage());
            }
        }
    }

    static String identity(String moduleId, String job) {
        return moduleId + "/" + job;
    }

    /**
     * Creates each job's execution, or moves it to the new cron (a replica that loaded a newer version).
     *
     * @throws PluginRejected when a cron expression is invalid; nothing is scheduled then
     */
    void schedule(LoadedModule module) throws PluginRejected {
        Crons.check(module);
        for (Job job : module.manifest().jobs()) {
            TaskInstance<String> instance = new TaskInstance<>(TASK, identity(module.id(), job.name()), job.cron());
            Instant next = Crons.next(job.cron(), Instant.now());
            if (!jobs.client().scheduleIfNotExists(instance, next)) {
                reschedule(instance, next);
            }
        }
    }

    private void reschedule(TaskInstance<String> instance, Instant next) {
        try {
            jobs.client().reschedule(instance, next, instance.getData());
        } catch (TaskInstanceCurrentlyExecutingException e) {
            // running now: its end reschedules it with the cron of the module this replica has loaded
        }
    }

    void unschedule(LoadedModule module) {
        module.manifest().jobs().forEach(job -> cancel(TaskInstanceId.of(TASK, identity(module.id(), job.name()))));
    }

    /** A firing under way cannot be cancelled: wait for its end, a few seconds at most. */
    private void cancel(TaskInstanceId id) {
        for (int attempt = 0; attempt < 50; attempt++) {
            try {
                jobs.client().cancel(id);
                return;
            } catch (TaskInstanceNotFoundException e) {
                return;
            } catch (TaskInstanceCurrentlyExecutingException e) {
                sleep();
            }
        }
        LOG.warnf("job %s is still running and stays scheduled", id.getId());
    }

    private static void sleep() {
        try {
            Thread.sleep(100);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    boolean scheduled(String moduleId, String job) {
        return jobs.client().getScheduledExecution(TaskInstanceId.of(TASK, identity(moduleId, job))).isPresent();
    }

    /**
     * Runs the job if this replica has its module loaded (a plugin installed live on another replica
     * is loaded here at the next restart); otherwise the firing passes.
     *
     * @return the cron to schedule the next firing with
     */
    private String fire(String identity, String cron) {
        int slash = identity.indexOf('/');
        Optional<LoadedModule> module = catalogue.find(identity.substring(0, slash));
        Optional<Job> job = module.flatMap(m -> m.manifest().jobs().stream()
                .filter(j -> j.name().equals(identity.substring(slash + 1))).findFirst());
        if (job.isEmpty()) {
            return cron;
        }
        runEverywhere(module.get(), job.get());
        return job.get().cron();
    }

    /** One county after another; one county's failure is logged and the next one still runs. */
    void runEverywhere(LoadedModule module, Job job) {
        for (String county : states.enabledIn(module.id())) {
            try {
                run(module, job, county);
            } catch (RuntimeException e) {
                LOG.warnf("job %s of module %s failed in county %s: %s", job.name(), module.id(), county,
                        e.getMessage());
            }
        }
    }

    void run(LoadedModule module, Job job, String county) {
        enabling.ensureMigrated(module, county);
        calls.call(module, county, Caller.SYSTEM, ctx -> {
            job.handler().run(ctx);
            return Boolean.TRUE;
        }, ok -> true);
    }
}
