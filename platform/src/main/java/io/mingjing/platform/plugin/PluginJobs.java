package io.mingjing.platform.plugin;

import io.mingjing.sdk.Caller;
import io.mingjing.sdk.Job;
import io.quarkus.scheduler.Scheduled;
import io.quarkus.scheduler.Scheduler;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.jboss.logging.Logger;

/**
 * Schedules the jobs of running plugins with the platform's scheduler and removes them when a plugin
 * is unloaded or replaced. Each firing runs the job once per county that has the module enabled.
 */
@ApplicationScoped
public class PluginJobs {

    private static final Logger LOG = Logger.getLogger(PluginJobs.class);

    @Inject
    Scheduler scheduler;
    @Inject
    ModuleStates states;
    @Inject
    ModuleCalls calls;
    @Inject
    ModuleEnabling enabling;
    @Inject
    PluginCatalogue catalogue;

    /** After the scheduler has started: the jobs of the plugins loaded at boot. */
    void boot(@jakarta.enterprise.event.Observes @jakarta.annotation.Priority(5000) io.quarkus.runtime.StartupEvent e) {
        for (LoadedModule module : catalogue.running()) {
            try {
                Crons.check(module);
                schedule(module);
            } catch (PluginRejected ex) {
                LOG.warnf("jobs of module %s not scheduled: %s", module.id(), ex.getMessage());
            }
        }
    }

    static String identity(LoadedModule module, Job job) {
        return "module:" + module.id() + ":" + job.name();
    }

    /** @throws PluginRejected when a cron expression is invalid; nothing stays scheduled then */
    void schedule(LoadedModule module) throws PluginRejected {
        for (Job job : module.manifest().jobs()) {
            try {
                scheduler.newJob(identity(module, job)).setCron(job.cron())
                        .setConcurrentExecution(Scheduled.ConcurrentExecution.SKIP)
                        .setTask(execution -> runEverywhere(module, job)).schedule();
            } catch (RuntimeException e) {
                unschedule(module);
                throw new PluginRejected("job '" + job.name() + "' has an invalid cron '" + job.cron() + "': "
                        + e.getMessage(), e);
            }
        }
    }

    void unschedule(LoadedModule module) {
        module.manifest().jobs().forEach(job -> scheduler.unscheduleJob(identity(module, job)));
    }

    boolean scheduled(String moduleId, String job) {
        return scheduler.getScheduledJob("module:" + moduleId + ":" + job) != null;
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
