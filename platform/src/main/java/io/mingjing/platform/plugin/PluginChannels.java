package io.mingjing.platform.plugin;

import com.github.kagkarlsson.scheduler.task.helper.RecurringTask;
import com.github.kagkarlsson.scheduler.task.helper.Tasks;
import com.github.kagkarlsson.scheduler.task.schedule.FixedDelay;
import io.mingjing.platform.inbox.ChannelDirectory;
import io.mingjing.platform.inbox.ChannelOutbox;
import io.mingjing.platform.jobs.ClusterJobs;
import io.mingjing.platform.tenancy.TenantScope;
import io.mingjing.sdk.Caller;
import io.mingjing.sdk.Channel;
import io.mingjing.sdk.Notification;
import io.mingjing.sdk.Notifier;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

/**
 * Hands persons' inbox messages to the notification channels of the modules enabled in their county.
 * The inbox is the outbox: a message committed with its case change is delivered on the next round,
 * a failed delivery is retried on later rounds, a delivered one never again. Messages older than a
 * day are not sent (a module enabled today does not flood villagers with last month's news).
 * A round is a cluster job, and each batch is claimed with a lease before the module is called
 * ({@link ChannelOutbox}), so however many replicas run, one sends it. A batch goes to the module in
 * one call ({@link Notifier#deliverAll}) and its outcomes are recorded in one statement;
 * a round goes on while batches come back full (a push to a whole county), taking one batch of each
 * channel and county in turn so that no county waits behind another's backlog.
 */
@ApplicationScoped
public class PluginChannels implements ChannelDirectory {

    private static final Logger LOG = Logger.getLogger(PluginChannels.class);
    static final Duration WINDOW = Duration.ofDays(1);

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
    /** Messages per module call: well within the module timeout for a gateway that takes them at once. */
    @ConfigProperty(name = "mingjing.channels.batch", defaultValue = "500")
    int batch;
    /** How long one round may go on taking full batches before it lets the next round start afresh. */
    @ConfigProperty(name = "mingjing.channels.round", defaultValue = "60s")
    Duration round;
    /** Longer than a batch of sends takes; a dead replica's messages wait this long before a retry. */
    @ConfigProperty(name = "mingjing.channels.lease", defaultValue = "5m")
    Duration lease;

    /** One channel of one module in one county. */
    private record Route(LoadedModule module, Channel channel, String county) {
        String name() {
            return module.id() + "/" + channel.name();
        }
    }

    @Produces
    RecurringTask<Void> channelRounds() {
        return Tasks.recurring("channels", FixedDelay.of(every)).execute((instance, context) -> deliverEverywhere());
    }

    @Override
    public List<String> channelsIn(String county) {
        List<String> names = new ArrayList<>();
        for (LoadedModule module : catalogue.running()) {
            ModuleStates.State s = states.get(county, module.id());
            if (s.enabled() && s.allowed()) {
                module.manifest().channels().forEach(c -> names.add(module.id() + "/" + c.name()));
            }
        }
        return names;
    }

    void deliverEverywhere() {
        List<Route> routes = routes();
        Instant until = Instant.now().plus(round);
        while (!routes.isEmpty()) {
            List<Route> full = new ArrayList<>();
            for (Route r : routes) {
                if (deliverSafely(r) == batch) {
                    full.add(r);
                }
            }
            routes = Instant.now().isBefore(until) ? full : List.of();
        }
    }

    private List<Route> routes() {
        List<Route> routes = new ArrayList<>();
        for (LoadedModule module : catalogue.running()) {
            for (Channel channel : module.manifest().channels()) {
                for (String county : states.enabledIn(module.id())) {
                    routes.add(new Route(module, channel, county));
                }
            }
        }
        return routes;
    }

    private int deliverSafely(Route r) {
        try {
            return deliver(r.module(), r.channel(), r.county());
        } catch (RuntimeException e) {
            LOG.warnf("channel %s could not deliver in county %s: %s", r.name(), r.county(), e.getMessage());
            return 0;
        }
    }

    /** One batch: claimed, handed to the module in one call, its outcomes recorded in one statement. @return how many were claimed */
    int deliver(LoadedModule module, Channel channel, String county) {
        enabling.ensureMigrated(module, county);
        String name = module.id() + "/" + channel.name();
        List<Notification> pending = scope.call(county, () -> outbox.claim(name, Instant.now().minus(WINDOW),
                publicUrl + "/t/" + county + "/inbox", batch, ClusterJobs.REPLICA, lease));
        if (pending.isEmpty()) {
            return 0;
        }
        Map<Long, String> failed = attempt(module, channel, county, pending);
        List<Long> ids = pending.stream().map(Notification::id).toList();
        scope.run(county, () -> outbox.recordAll(name, ids, failed));
        return pending.size();
    }

    /** @return the notifications the channel did not take, with why; all of them when the call failed */
    private Map<Long, String> attempt(LoadedModule module, Channel channel, String county, List<Notification> batch) {
        try {
            Map<Long, String> refused = calls.call(module, county, Caller.SYSTEM,
                    ctx -> channel.notifier().deliverAll(ctx, List.copyOf(batch)), ok -> true);
            return refused == null ? Map.of() : refused;
        } catch (RuntimeException e) {
            String why = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
            Map<Long, String> all = new HashMap<>();
            batch.forEach(n -> all.put(n.id(), why));
            return all;
        }
    }
}
