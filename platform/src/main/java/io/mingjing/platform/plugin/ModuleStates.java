package io.mingjing.platform.plugin;

import io.mingjing.platform.feature.FeatureSwitches;
import io.mingjing.platform.registry.TenantModule;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Which module is allowed and enabled in which county, with its settings — what every module request
 * asks first, answered from memory. Kept current by this replica's writes and refreshed from the
 * registry for the others'. Also whether a county switched a built-in feature off.
 */
@ApplicationScoped
public class ModuleStates implements FeatureSwitches {

    /** A module in one county. {@code schemaVersion} is the module version whose changelog ran there. */
    public record State(boolean allowed, boolean enabled, Map<String, Object> settings, String schemaVersion) {

        static final State DEFAULT = new State(true, false, Map.of(), null);
        static final State BUILT_IN = new State(true, true, Map.of(), null);
    }

    private volatile Map<String, Map<String, State>> byCounty = Map.of();

    public State get(String county, String module) {
        return byCounty.getOrDefault(county, Map.of()).getOrDefault(module, State.DEFAULT);
    }

    /** A built-in feature is on unless a row switches it off, where a plugin is off unless one enables it. */
    public State ofFeature(String county, String feature) {
        return of(county).getOrDefault(feature, State.BUILT_IN);
    }

    @Override
    public boolean on(String county, String feature) {
        State s = ofFeature(county, feature);
        return s.allowed() && s.enabled();
    }

    @Override
    public Map<String, Object> settings(String county, String feature) {
        return ofFeature(county, feature).settings();
    }

    public Map<String, State> of(String county) {
        return byCounty.getOrDefault(county, Map.of());
    }

    /** Counties where the module is enabled (and still allowed). */
    public List<String> enabledIn(String module) {
        return byCounty.entrySet().stream()
                .filter(e -> e.getValue().containsKey(module) && e.getValue().get(module).enabled()
                        && e.getValue().get(module).allowed())
                .map(Map.Entry::getKey).sorted().toList();
    }

    /** Every replica refreshes its own copy: per replica by nature, not a cluster job. */
    @Scheduled(every = "15s", delayed = "15s", concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    public void refresh() {
        Map<String, Map<String, State>> fresh = new HashMap<>();
        QuarkusTransaction.requiringNew().run(() -> TenantModule.<TenantModule>streamAll().forEach(tm -> fresh
                .computeIfAbsent(tm.key.tenantId(), k -> new ConcurrentHashMap<>())
                .put(tm.key.moduleId(), new State(tm.allowed, tm.enabled,
                        copy(tm.settings), tm.schemaVersion))));
        byCounty = fresh;
    }

    private static Map<String, Object> copy(Map<String, Object> settings) {
        return settings == null ? Map.of() : java.util.Collections.unmodifiableMap(new HashMap<>(settings));
    }

    /** Reloads one row after this replica changed it. */
    void reload(String county, String module) {
        TenantModule tm = QuarkusTransaction.requiringNew()
                .call(() -> TenantModule.findById(new TenantModule.Key(county, module)));
        Map<String, Map<String, State>> next = new HashMap<>(byCounty);
        Map<String, State> modules = new ConcurrentHashMap<>(next.getOrDefault(county, Map.of()));
        if (tm == null) {
            modules.remove(module);
        } else {
            modules.put(module, new State(tm.allowed, tm.enabled,
                    copy(tm.settings), tm.schemaVersion));
        }
        next.put(county, modules);
        byCounty = next;
    }
}
