package io.mingjing.platform.plugin;

import com.cronutils.model.CronType;
import com.cronutils.model.definition.CronDefinitionBuilder;
import com.cronutils.parser.CronParser;
import io.mingjing.sdk.Job;

/** Checks a plugin's cron expressions before anything is swapped, with the scheduler's own syntax. */
final class Crons {

    private static final CronParser QUARTZ = new CronParser(CronDefinitionBuilder.instanceDefinitionFor(CronType.QUARTZ));

    private Crons() {
    }

    static void check(LoadedModule module) throws PluginRejected {
        for (Job job : module.manifest().jobs()) {
            try {
                QUARTZ.parse(job.cron()).validate();
            } catch (RuntimeException e) {
                throw new PluginRejected("job '" + job.name() + "' has an invalid cron '" + job.cron() + "': "
                        + e.getMessage());
            }
        }
    }
}
