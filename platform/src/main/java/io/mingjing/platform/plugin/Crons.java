package io.mingjing.platform.plugin;

import com.cronutils.model.CronType;
import com.cronutils.model.definition.CronDefinitionBuilder;
import com.cronutils.model.time.ExecutionTime;
import com.cronutils.parser.CronParser;
import io.mingjing.sdk.Job;
import java.time.Instant;
import java.time.ZoneId;

/** Plugin cron expressions (Quartz syntax, the SDK's documented one): checked before anything is swapped. */
final class Crons {

    private static final CronParser QUARTZ = new CronParser(CronDefinitionBuilder.instanceDefinitionFor(CronType.QUARTZ));
    /** When nothing follows (a cron that names a past year): far enough to never fire. */
    private static final Instant NEVER = Instant.parse("9999-01-01T00:00:00Z");

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

    /** The first firing after {@code after}, in the platform's time zone. */
    static Instant next(String cron, Instant after) {
        return ExecutionTime.forCron(QUARTZ.parse(cron)).nextExecution(after.atZone(ZoneId.systemDefault()))
                .map(t -> t.toInstant()).orElse(NEVER);
    }
}
