package io.mingjing.platform.event;

import io.mingjing.platform.event.EventStore.Claim;
import io.mingjing.platform.event.EventStore.Outcome;
import io.mingjing.platform.registry.TenantRegistry;
import io.mingjing.platform.tenancy.TenantScope;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.inject.Instance;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

/**
 * Delivers the outbox to the built-in {@link PlatformListener}s: right after a commit in this replica
 * recorded events, and every poll for what other replicas recorded and for retries. Claims lock and
 * lease their rows, so any number of replicas share the work and none delivers a claimed event.
 */
@ApplicationScoped
public class PlatformDelivery {

    private static final Logger LOG = Logger.getLogger(PlatformDelivery.class);
    static final int ROUNDS = 50;

    @Inject
    Instance<PlatformListener> listeners;
    @Inject
    EventStore store;
    @Inject
    TenantScope scope;
    @Inject
    TenantRegistry registry;
    @ConfigProperty(name = "mingjing.events.max-attempts", defaultValue = "8")
    int maxAttempts;
    @ConfigProperty(name = "mingjing.events.backoff", defaultValue = "1s")
    Duration backoff;
    @ConfigProperty(name = "mingjing.events.max-pause", defaultValue = "10m")
    Duration maxPause;
    @ConfigProperty(name = "mingjing.events.lease", defaultValue = "60s")
    Duration lease;
    @ConfigProperty(name = "mingjing.events.batch", defaultValue = "100")
    int batch;

    private final ExecutorService drains = Executors.newVirtualThreadPerTaskExecutor();
    private final Set<String> draining = ConcurrentHashMap.newKeySet();
    private final Set<String> again = ConcurrentHashMap.newKeySet();

    /** The built-in listeners that want this event. */
    List<String> modulesFor(String county, String name) {
        return listeners.stream().filter(l -> l.wants(county, name)).map(PlatformListener::module).toList();
    }

    void committed(String county) {
        if (!listeners.isUnsatisfied()) {
            submit(county);
        }
    }

    @Scheduled(every = "${mingjing.events.every:1s}", delayed = "5s",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void pollEverywhere() {
        if (!listeners.isUnsatisfied()) {
            registry.serving().forEach(this::submit);
        }
    }

    void stop(@Observes ShutdownEvent event) {
        drains.shutdownNow();
    }

    private void submit(String county) {
        if (!draining.add(county)) {
            again.add(county);
            return;
        }
        try {
            drains.execute(() -> {
                try {
                    do {
                        again.remove(county);
                        listeners.forEach(l -> drain(county, l));
                    } while (again.remove(county));
                } catch (RuntimeException e) {
                    LOG.warnf("platform events of county %s not delivered this round: %s", county, e.getMessage());
                } finally {
                    draining.remove(county);
                }
            });
        } catch (RejectedExecutionException e) {
            draining.remove(county);
        }
    }

    /** @return how many deliveries were attempted */
    public int drain(String county, PlatformListener listener) {
        int attempted = 0;
        for (int round = 0; round < ROUNDS; round++) {
            List<Claim> claims = scope.call(county, () -> store.claim(List.of(listener.module()), batch, lease));
            if (claims.isEmpty()) {
                break;
            }
            List<Outcome> outcomes;
            try {
                listener.deliver(county, claims);
                outcomes = claims.stream().map(Outcome::delivered).toList();
            } catch (RuntimeException e) {
                String error = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
                outcomes = claims.stream().map(c -> Outcome.failed(c, error)).toList();
            }
            List<Outcome> done = outcomes;
            scope.run(county, () -> store.record(done, maxAttempts, backoff, maxPause));
            attempted += claims.size();
        }
        return attempted;
    }
}
