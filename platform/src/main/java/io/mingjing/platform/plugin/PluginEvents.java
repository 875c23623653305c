package io.mingjing.platform.plugin;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.mingjing.platform.event.DomainEvents;
import io.mingjing.platform.event.EventDrains;
import io.mingjing.platform.event.EventStore.Claim;
import io.mingjing.platform.event.EventStore.Outcome;
import io.mingjing.platform.event.EventView;
import io.mingjing.platform.event.Subscriptions;
import io.mingjing.sdk.Caller;
import io.mingjing.sdk.Event;
import io.mingjing.sdk.Listener;
import io.quarkus.scheduler.Scheduled;
import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Queue;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import org.jboss.logging.Logger;

/**
 * Delivers the counties' recorded domain events to the listeners of the modules enabled there: claim
 * a batch (leased), call each module outside any platform transaction — different entities' runs at
 * once on a few lanes, a run's events a few to a module transaction — and note the outcomes. A county is
 * drained right after a commit in this replica recorded events there, and every poll interval for what
 * other replicas recorded, retries that fell due and leases that expired.
 */
@ApplicationScoped
public class PluginEvents implements Subscriptions {

    private static final Logger LOG = Logger.getLogger(PluginEvents.class);
    /** Events of one entity handed over in one module transaction: fewer round trips, a short call still. */
    static final int PER_CALL = 20;

    @Inject
    PluginCatalogue catalogue;
    @Inject
    ModuleStates states;
    @Inject
    ModuleCalls calls;
    @Inject
    ObjectMapper json;
    @Inject
    EventDrains drains;

    private EventDrains.Runner runner;

    @PostConstruct
    void init() {
        runner = drains.runner("events", this::drain);
    }

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
        runner.submit(county);
    }

    /**
     * Runs on every replica (a Quarkus schedule is not cluster-wide); that is safe because each
     * delivery is claimed with a row lock and a lease before it is handed over, so replicas share the
     * work instead of repeating it.
     */
    @Scheduled(every = "${mingjing.events.every:1s}", delayed = "5s",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void pollEverywhere() {
        Set<String> counties = new TreeSet<>();
        for (LoadedModule module : catalogue.running()) {
            if (!module.manifest().listeners().isEmpty()) {
                counties.addAll(states.enabledIn(module.id()));
            }
        }
        counties.forEach(runner::submit);
    }

    /** @return how many deliveries were attempted */
    int drain(String county) {
        List<String> modules = catalogue.running().stream().filter(m -> enabled(county, m)
                && !m.manifest().listeners().isEmpty()).map(LoadedModule::id).toList();
        return drains.rounds(county, modules, claims -> deliver(county, claims));
    }

    /**
     * Order is promised per entity only, so different runs go to the module at once, on a few lanes
     * (fewer than the county's plugin connections, which the module's own requests need as well).
     */
    private List<Outcome> deliver(String county, List<Claim> claims) {
        Map<String, List<Claim>> runs = new LinkedHashMap<>();
        claims.forEach(c -> runs.computeIfAbsent(c.run(), k -> new ArrayList<>()).add(c));
        Queue<List<Claim>> todo = new ConcurrentLinkedQueue<>(runs.values());
        List<Outcome> outcomes = Collections.synchronizedList(new ArrayList<>(claims.size()));
        Runnable lane = () -> {
            for (List<Claim> run = todo.poll(); run != null; run = todo.poll()) {
                outcomes.addAll(deliverRun(county, run));
            }
        };
        int lanes = Math.min(drains.settings().parallel(), runs.size());
        if (lanes <= 1) {
            lane.run();
            return outcomes;
        }
        try (ExecutorService pool = Executors.newVirtualThreadPerTaskExecutor()) {
            for (int i = 0; i < lanes; i++) {
                pool.execute(lane);
            }
        }
        return outcomes;
    }

    /** One entity's claimed events, in order, a few to a module transaction. */
    private List<Outcome> deliverRun(String county, List<Claim> run) {
        List<Outcome> outcomes = new ArrayList<>(run.size());
        for (int from = 0; from < run.size(); from += PER_CALL) {
            List<Outcome> part = attempt(county, run.subList(from, Math.min(run.size(), from + PER_CALL)));
            outcomes.addAll(part);
            if (part.stream().anyMatch(o -> o.error() != null || o.released())) {
                // an event failed: its entity's later events wait for it
                run.subList(outcomes.size(), run.size()).forEach(c -> outcomes.add(Outcome.released(c)));
                break;
            }
        }
        return outcomes;
    }

    /**
     * Calls the listeners of events in one transaction. When one fails, the transaction takes the
     * events before it down too; they are delivered again without it, and the failing one waits for
     * its retry with the rest behind it.
     *
     * @return one outcome per event, in order
     */
    private List<Outcome> attempt(String county, List<Claim> events) {
        LoadedModule module = catalogue.find(events.getFirst().module()).orElse(null);
        if (module == null || !enabled(county, module)) {
            return failedAt(events, 0, "module '" + events.getFirst().module() + "' is not running in this county");
        }
        AtomicInteger reached = new AtomicInteger();
        try {
            calls.call(module, county, Caller.SYSTEM, ctx -> {
                for (Claim c : events) {
                    Event event = event(county, c);
                    for (Listener listener : module.manifest().listeners()) {
                        if (listener.accepts(event)) {
                            listener.handler().on(ctx, event);
                        }
                    }
                    reached.incrementAndGet();
                }
                return Boolean.TRUE;
            }, ok -> true);
            return events.stream().map(Outcome::delivered).toList();
        } catch (RuntimeException e) {
            int failing = Math.min(reached.get(), events.size() - 1);
            Claim c = events.get(failing);
            LOG.debugf("module %s failed on event %s (attempt %d): %s", module.id(), EventView.id(county, c.eventId()),
                    c.attempts(), e.getMessage());
            List<Outcome> outcomes = new ArrayList<>(events.size());
            if (failing > 0) {
                outcomes.addAll(attempt(county, events.subList(0, failing)));
                if (outcomes.stream().anyMatch(o -> o.error() != null)) {
                    events.subList(failing, events.size()).forEach(x -> outcomes.add(Outcome.released(x)));
                    return outcomes;
                }
            }
            outcomes.addAll(failedAt(events.subList(failing, events.size()), 0,
                    e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage()));
            return outcomes;
        }
    }

    /** The event at {@code index} failed; those before it are not part of the answer, those after are released. */
    private static List<Outcome> failedAt(List<Claim> events, int index, String error) {
        List<Outcome> outcomes = new ArrayList<>(events.size() - index);
        outcomes.add(Outcome.failed(events.get(index), error));
        events.subList(index + 1, events.size()).forEach(c -> outcomes.add(Outcome.released(c)));
        return outcomes;
    }

    private Event event(String county, Claim claim) {
        return new Event(claim.name(), county, claim.source(), claim.entityId(), payload(claim.payload()),
                claim.occurredAt(), EventView.id(county, claim.eventId()), claim.version());
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
