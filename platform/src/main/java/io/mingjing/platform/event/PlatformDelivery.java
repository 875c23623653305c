package io.mingjing.platform.event;

import io.mingjing.platform.event.EventStore.Outcome;
import io.mingjing.platform.registry.TenantRegistry;
import io.quarkus.scheduler.Scheduled;
import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Instance;
import jakarta.inject.Inject;
import java.util.List;

/**
 * Delivers the outbox to the built-in {@link PlatformListener}s: right after a commit in this replica
 * recorded events, and every poll for what other replicas recorded and for retries. Claims lock and
 * lease their rows, so any number of replicas share the work and none delivers a claimed event.
 */
@ApplicationScoped
public class PlatformDelivery {

    @Inject
    Instance<PlatformListener> listeners;
    @Inject
    TenantRegistry registry;
    @Inject
    EventDrains drains;

    private EventDrains.Runner runner;

    @PostConstruct
    void init() {
        runner = drains.runner("platform events", county -> listeners.forEach(l -> drain(county, l)));
    }

    /** The built-in listeners that want this event. */
    List<String> modulesFor(String county, String name) {
        return listeners.stream().filter(l -> l.wants(county, name)).map(PlatformListener::module).toList();
    }

    void committed(String county) {
        if (!listeners.isUnsatisfied()) {
            runner.submit(county);
        }
    }

    @Scheduled(every = "${mingjing.events.every:1s}", delayed = "5s",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void pollEverywhere() {
        if (!listeners.isUnsatisfied()) {
            registry.serving().forEach(runner::submit);
        }
    }

    /** @return how many deliveries were attempted */
    public int drain(String county, PlatformListener listener) {
        return drains.rounds(county, List.of(listener.module()), claims -> {
            try {
                listener.deliver(county, claims);
                return claims.stream().map(Outcome::delivered).toList();
            } catch (RuntimeException e) {
                String error = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
                return claims.stream().map(c -> Outcome.failed(c, error)).toList();
            }
        });
    }
}
