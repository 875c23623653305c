package io.mingjing.platform.plugin;

import com.github.kagkarlsson.scheduler.task.helper.RecurringTask;
import com.github.kagkarlsson.scheduler.task.helper.Tasks;
import com.github.kagkarlsson.scheduler.task.schedule.FixedDelay;
import io.mingjing.platform.inbox.ChannelOutbox;
import io.mingjing.platform.jobs.ClusterJobs;
import io.mingjing.platform.tenancy.TenantScope;
import io.mingjing.sdk.Caller;
import io.mingjing.sdk.Channel;
import io.mingjing.sdk.Notification;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

/**
 * Hands persons' inbox messages to the notification channels of the modules enabled in their county.
 * The inbox is the outbox: a message committed with its case change is delivered on the next round,
 * a failed delivery is retried on later rounds, a delivered one never again. Messages older than a
 * day are not sent (a module enabled today does not flood villagers with last month's news).
 * A round is a cluster job, and each message is claimed with a lease before the module is called
 * ({@link ChannelOutbox}), so however many replicas run, one sends it.
 */
@ApplicationScoped
public class PluginChannels {

    private static final Logger LOG = Logger.getLogger(PluginChannels.class);
    static final Duration WINDOW = Duration.ofDays(1);
    static final int BATCH = 100;

    @Inject
    PluginCatalogue catalogue;
    @Inject
    ModuleStates states;
    @Inject
    ModuleCalls calls;
    @Inject
    ModuleEnabling enabling;
    @Inject
    TenantScope scope;
    @Inject
    ChannelOutbox outbox;
    @ConfigProperty(name = "mingjing.public-url")
    String publicUrl;
    @ConfigProperty(name = "mingjing.channels.every", defaultValue = "5s")
    Duration every;
    /** Longer than a batch of sends takes; a dead replica's messages wait this long before a retry. */
    @ConfigProperty(name = "mingjing.channels.lease", defaultValue = "5m")
    Duration lease;

    @Produces
    RecurringTask<Void> channelRounds() {
        return Tasks.recurring("channels", FixedDelay.of(every)).execute((instance, context) -> deliverEverywhere());
    }

    void deliverEverywhere() {
        for (LoadedModule module : catalogue.running()) {
            for (Channel channel : module.manifest().channels()) {
                for (String county : states.enabledIn(module.id())) {
                    try {
                        deliver(module, channel, county);
                    } catch (RuntimeException e) {
                        LOG.warnf("channel %s/%s could not deliver in county %s: %s", module.id(), channel.name(),
                                county, e.getMessage());
                    }
                }
            }
        }
    }

    /** @return how many messages the channel took */
    int deliver(LoadedModule module, Channel channel, String county) {
        enabling.ensureMigrated(module, county);
        String name = module.id() + "/" + channel.name();
        List<Notification> pending = scope.call(county, () -> outbox.claim(name, Instant.now().minus(WINDOW),
                publicUrl + "/t/" + county + "/inbox", BATCH, ClusterJobs.REPLICA, lease));
        int delivered = 0;
        for (Notification n : pending) {
            String error = attempt(module, channel, county, n);
            scope.run(county, () -> outbox.record(n.id(), name, error));
            delivered += error == null ? 1 : 0;
        }
        return delivered;
    }

    /** @return null when the channel took it, else why not */
    private String attempt(LoadedModule module, Channel channel, String county, Notification n) {
        try {
            calls.call(module, county, Caller.SYSTEM, ctx -> {
                channel.notifier().deliver(ctx, n);
                return Boolean.TRUE;
            }, ok -> true);
            return null;
        } catch (RuntimeException e) {
            return e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
        }
    }
}
