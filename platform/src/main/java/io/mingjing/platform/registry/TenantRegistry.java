package io.mingjing.platform.registry;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * What every request asks first — does this county exist and may it serve? — answered from memory.
 * Kept current by the writes of this replica and refreshed from the database for the others.
 */
@ApplicationScoped
public class TenantRegistry {

    /** The serving state of a county as the request path sees it. */
    public record Entry(TenantStatus status, String regionCode, boolean migrating) {
    }

    /** What a county's pages show of it. */
    public record Description(String name, Map<String, String> branding, Map<String, Integer> limits) {
    }

    private final Map<String, Description> descriptions = new ConcurrentHashMap<>();

    private final Map<String, Entry> entries = new ConcurrentHashMap<>();
    private final Set<String> migrating = ConcurrentHashMap.newKeySet();

    public Optional<Entry> find(String id) {
        Entry e = entries.get(id);
        return e == null ? Optional.empty()
                : Optional.of(new Entry(e.status(), e.regionCode(), migrating.contains(id)));
    }

    /** Counties that serve now: ACTIVE and not being migrated. */
    public List<String> serving() {
        return entries.entrySet().stream().filter(e -> e.getValue().status() == TenantStatus.ACTIVE
                && !migrating.contains(e.getKey())).map(Map.Entry::getKey).sorted().toList();
    }

    public String regionCode(String id) {
        return entries.get(id).regionCode();
    }

    public void put(Tenant t) {
        entries.put(t.id, new Entry(t.status, t.regionCode, false));
        descriptions.put(t.id, new Description(t.name, Map.copyOf(t.branding),
                t.limits == null ? Map.of() : Map.copyOf(t.limits)));
    }

    public Description describe(String id) {
        return descriptions.get(id);
    }

    public void migrating(String id, boolean on) {
        if (on) {
            migrating.add(id);
        } else {
            migrating.remove(id);
        }
    }

    /**
     * Loads every county; also run at boot before the first request. Every replica runs this for its
     * own in-memory copy (Quarkus {@code @Scheduled} fires on each replica), so it is not a cluster
     * job: it only reads, and a replica that skipped it would serve stale counties.
     */
    @Scheduled(every = "15s", delayed = "15s", concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    public void refresh() {
        QuarkusTransaction.requiringNew().run(() -> {
            Set<String> ids = new java.util.HashSet<>();
            Tenant.<Tenant>streamAll().forEach(t -> {
                put(t);
                ids.add(t.id);
            });
            entries.keySet().retainAll(ids);
            descriptions.keySet().retainAll(ids);
        });
    }
}
