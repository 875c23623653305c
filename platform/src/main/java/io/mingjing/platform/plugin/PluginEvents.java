package io.mingjing.platform.plugin;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.mingjing.platform.event.DomainEvents;
import io.mingjing.platform.event.EventStore;
import io.mingjing.platform.event.EventStore.Claim;
import io.mingjing.platform.event.EventStore.Outcome;
import io.mingjing.platform.event.EventView;
import io.mingjing.platform.event.Subscriptions;
import io.mingjing.platform.tenancy.TenantScope;
import io.mingjing.sdk.Caller;
import io.mingjing.sdk.Event;
import io.mingjing.sdk.Listener;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

/**
 * Delivers the counties' recorded domain events to the listeners of the modules enabled there: claim
 * a batch (leased), call each module outside any platform transaction, note the outcomes. A county is
 * drained right after a commit in this replica recorded events there, and every poll interval for what
 * other replicas recorded, retries that fell due and leases that expired.
 */
@ApplicationScoped
public class PluginEvents implements Subscriptions {

    private static final Logger LOG = Logger.getLogger(PluginEvents.class);
    static final int BATCH = 100;
    /** Rounds per drain, so one busy county gives the thread back now and then. */
    static final int ROUNDS = 50;

    @Inject
    PluginCatalogue catalogue;
    @Inject
    ModuleStates states;
    @Inject
    ModuleCalls calls;
    @Inject
    TenantScope scope;
    @Inject
    EventStore store;
    @Inject
    ObjectMapper json;
    @ConfigProperty(name = "mingjing.events.max-attempts", defaultValue = "8")
    int maxAttempts;
    @ConfigProperty(name = "mingjing.events.backoff", defaultValue = "1s")
    Duration backoff;
    @ConfigProperty(name = "mingjing.events.max-pause", defaultValue = "10m")
    Duration maxPause;
    /** Longer than a module call may take (the module timeout), so a live claim never expires under it. */
    @ConfigProperty(name = "mingjing.events.lease", defaultValue = "60s")
    Duration lease;

    private final ExecutorService drains = Executors.newVirtualThreadPerTaskExecutor();
    private final Set<String> draining = ConcurrentHashMap.newKeySet();
    private final Set<String> again = ConcurrentHashMap.newKeySet();

    @Override
    public List<String> modulesFor(String county, String name) {
        List<String> modules = new ArrayList<>(1);
        for (LoadedModule module : catalogue.running()) {
            if (enabled(county, module) && module.manifest().listeners().stream().anyMatch(l -> accepts(l, name))) {
                modules.add(module.id());
            }
        }
        return modules;
    }

    @Override
    public void committed(String county) {
        submit(county);
    }

    /**
     * Runs on every replica (a Quarkus schedule is not cluster-wide); that is safe because each
     * delivery is claimed with a row lock and a lease before it is handed over, so replicas share the
     * work instead of repeating it.
     */
    @Scheduled(every = "${mingjing.events.every:250ms}", delayed = "5s",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void pollEverywhere() {
        Set<String> counties = new java.util.TreeSet<>();
        for (LoadedModule module : catalogue.running()) {
            if (!module.manifest().listeners().isEmpty()) {
                counties.addAll(states.enabledIn(module.id()));
            }
        }
        counties.forEach(this::submit);
    }

    void stop(@Observes ShutdownEvent event) {
        drains.shutdownNow();
    }

    private void submit(String county) {
        if (!draining.add(county)) {
            again.add(county); // the running drain goes round once more
            return;
        }
        try {
            drains.execute(() -> drainWhileAsked(county));
        } catch (RejectedExecutionException e) {
            draining.remove(county); // shutting down
        }
    }

    private void drainWhileAsked(String county) {
        try {
            do {
                again.remove(county);
                drain(county);
            } while (again.contains(county));
        } catch (RuntimeException e) {
            LOG.warnf("events of county %s could not be delivered this round: %s", county, e.getMessage());
        } finally {
            draining.remove(county);
        }
    }

    /** @return how many deliveries were attempted */
    int drain(String county) {
        List<String> modules = catalogue.running().stream().filter(m -> enabled(county, m)
                && !m.manifest().listeners().isEmpty()).map(LoadedModule::id).toList();
        int attempted = 0;
        for (int round = 0; round < ROUNDS && !modules.isEmpty(); round++) {
            List<Claim> claims = scope.call(county, () -> store.claim(modules, BATCH, lease));
            if (claims.isEmpty()) {
                break;
            }
            List<Outcome> outcomes = deliver(county, claims);
            scope.run(county, () -> store.record(outcomes, maxAttempts, backoff, maxPause));
            attempted += claims.size();
        }
        return attempted;
    }

    /** In event order; after a failure, that run's later events are not tried but given back. */
    private List<Outcome> deliver(String county, List<Claim> claims) {
        Set<String> failedRuns = new java.util.HashSet<>();
        List<Outcome> outcomes = new ArrayList<>(claims.size());
        for (Claim c : claims) {
            if (failedRuns.contains(c.run())) {
                outcomes.add(Outcome.released(c));
                continue;
            }
            String error = attempt(county, c);
            if (error != null) {
                failedRuns.add(c.run());
            }
            outcomes.add(error == null ? Outcome.delivered(c) : Outcome.failed(c, error));
        }
        return outcomes;
    }

    /** @return null when the module's listeners took it, else why not */
    private String attempt(String county, Claim claim) {
        LoadedModule module = catalogue.find(claim.module()).orElse(null);
        if (module == null || !enabled(county, module)) {
            return "module '" + claim.module() + "' is not running in this county";
        }
        Event event = new Event(claim.name(), county, claim.source(), claim.entityId(), payload(claim.payload()),
                claim.occurredAt(), EventView.id(county, claim.eventId()), claim.version());
        try {
            calls.call(module, county, Caller.SYSTEM, ctx -> {
                for (Listener listener : module.manifest().listeners()) {
                    if (listener.accepts(event)) {
                        listener.handler().on(ctx, event);
                    }
                }
                return Boolean.TRUE;
            }, ok -> true);
            return null;
        } catch (RuntimeException e) {
            LOG.debugf("module %s failed on event %s (attempt %d): %s", module.id(), event.id(), claim.attempts(),
                    e.getMessage());
            return e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
        }
    }

    private boolean enabled(String county, LoadedModule module) {
        ModuleStates.State state = states.get(county, module.id());
        return state.enabled() && state.allowed();
    }

    private static boolean accepts(Listener listener, String name) {
        return "*".equals(listener.type()) || listener.type().equals(name);
    }

    private Map<String, Object> payload(String text) {
        try {
            return DomainEvents.withoutNulls(json.readValue(text, new TypeReference<>() {
            }));
        } catch (JsonProcessingException e) {
            return Map.of();
        }
    }
}
