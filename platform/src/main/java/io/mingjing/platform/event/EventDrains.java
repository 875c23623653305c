package io.mingjing.platform.event;

import io.mingjing.platform.event.EventStore.Claim;
import io.mingjing.platform.event.EventStore.Outcome;
import io.mingjing.platform.tenancy.TenantScope;
import io.quarkus.runtime.ShutdownEvent;
import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.function.Consumer;
import java.util.function.Function;
import org.jboss.logging.Logger;

/**
 * What the two deliveries of the outbox share, to the built-in listeners ({@link PlatformDelivery}) and
 * to the plugins' listeners: their settings, one drain at a time per county (a commit during a drain asks
 * it to go round once more rather than start a second), and the rounds of claim, deliver and record.
 */
@ApplicationScoped
public class EventDrains {

    private static final Logger LOG = Logger.getLogger(EventDrains.class);
    /** Rounds per drain, so one busy county gives the thread back now and then. */
    static final int ROUNDS = 50;

    /** {@code mingjing.events.*}. */
    @ConfigMapping(prefix = "mingjing.events")
    public interface Settings {
        /** How often every replica polls for what other replicas recorded, retries due and leases run out. */
        @WithDefault("1s")
        Duration every();

        @WithDefault("8")
        int maxAttempts();

        @WithDefault("1s")
        Duration backoff();

        @WithDefault("10m")
        Duration maxPause();

        /** Longer than a module call may take (the module timeout), so a live claim never expires under it. */
        @WithDefault("60s")
        Duration lease();

        /** Deliveries claimed per round: all of them are delivered within one lease. */
        @WithDefault("100")
        int batch();

        /** Entities delivered at once per county; below {@code mingjing.plugins.county-pool-size}. */
        @WithDefault("3")
        int parallel();
    }

    @Inject
    EventStore store;
    @Inject
    TenantScope scope;
    @Inject
    Settings settings;

    private final ExecutorService threads = Executors.newVirtualThreadPerTaskExecutor();

    public Settings settings() {
        return settings;
    }

    /** Drains of one kind, each county's on a thread of its own, at most one at a time per county. */
    public Runner runner(String what, Consumer<String> drain) {
        return new Runner(what, drain);
    }

    /**
     * Claims the modules' due deliveries, hands them to {@code deliver} outside any platform transaction
     * and records the outcomes it gives, one per claim, until none are due or the rounds are spent.
     *
     * @return how many deliveries were attempted
     */
    public int rounds(String county, List<String> modules, Function<List<Claim>, List<Outcome>> deliver) {
        int attempted = 0;
        for (int round = 0; round < ROUNDS && !modules.isEmpty(); round++) {
            List<Claim> claims = scope.call(county, () -> store.claim(modules, settings.batch(), settings.lease()));
            if (claims.isEmpty()) {
                break;
            }
            List<Outcome> outcomes = deliver.apply(claims);
            scope.run(county, () -> store.record(outcomes, settings.maxAttempts(), settings.backoff(), settings.maxPause()));
            attempted += claims.size();
        }
        return attempted;
    }

    void stop(@Observes ShutdownEvent event) {
        threads.shutdownNow();
    }

    public final class Runner {
        private final String what;
        private final Consumer<String> drain;
        private final Set<String> draining = ConcurrentHashMap.newKeySet();
        private final Set<String> again = ConcurrentHashMap.newKeySet();

        private Runner(String what, Consumer<String> drain) {
            this.what = what;
            this.drain = drain;
        }

        public void submit(String county) {
            if (!draining.add(county)) {
                again.add(county); // the running drain goes round once more
                return;
            }
            try {
                threads.execute(() -> drainWhileAsked(county));
            } catch (RejectedExecutionException e) {
                draining.remove(county); // shutting down
            }
        }

        private void drainWhileAsked(String county) {
            try {
                do {
                    again.remove(county);
                    drain.accept(county);
                } while (again.contains(county));
            } catch (RuntimeException e) {
                LOG.warnf("%s of county %s not delivered this round: %s", what, county, e.getMessage());
            } finally {
                draining.remove(county);
            }
        }
    }
}
