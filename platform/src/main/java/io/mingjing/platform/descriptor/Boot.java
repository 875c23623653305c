package io.mingjing.platform.descriptor;

import io.mingjing.platform.feature.FeatureManifest;
import io.mingjing.platform.feature.Features;
import io.mingjing.platform.registry.ModuleEntry;
import io.mingjing.platform.registry.TenantRegistry;
import io.mingjing.platform.tenancy.SchemaMigrator;
import io.mingjing.platform.registry.Tenant;
import io.mingjing.platform.registry.TenantStatus;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.jboss.logging.Logger;

/**
 * Boot stays flat as counties grow: migrate the registry, load it, then migrate only the counties
 * whose recorded schema version lags — one at a time, in the background, each answering 503 until
 * done — and apply the county descriptors. The registry's built-in modules are the features this
 * build runs, written at each boot.
 */
@ApplicationScoped
public class Boot {

    private static final Logger LOG = Logger.getLogger(Boot.class);

    @Inject
    SchemaMigrator migrator;
    @Inject
    TenantRegistry registry;
    @Inject
    Descriptors descriptors;
    @Inject
    Features features;

    private final ExecutorService background = Executors.newSingleThreadExecutor(r -> {
        Thread t = new Thread(r, "mingjing-migrations");
        t.setDaemon(true);
        return t;
    });

    void start(@Observes @Priority(10) StartupEvent event) throws Exception {
        migrator.migratePlatform();
        registry.refresh();
        QuarkusTransaction.requiringNew().run(this::catalogueFeatures);
        int current = migrator.currentTenantVersion();
        List<String> lagging = QuarkusTransaction.requiringNew().call(() -> Tenant.<Tenant>list(
                "schemaVersion < ?1 and status in ?2", current, List.of(TenantStatus.ACTIVE, TenantStatus.SUSPENDED))
                .stream().map(t -> t.id).toList());
        lagging.forEach(id -> registry.migrating(id, true));
        if (!lagging.isEmpty()) {
            LOG.infof("%d counties lag schema version %d; migrating them in the background", lagging.size(), current);
        }
        lagging.forEach(id -> background.submit(() -> upgrade(id)));
        background.submit(descriptors::applyAll);
    }

    /**
     * Upserts a row per feature and drops rows of features this build no longer has. An upsert, not
     * find-then-persist, so two replicas booting at once both succeed.
     */
    private void catalogueFeatures() {
        var em = ModuleEntry.getEntityManager();
        for (FeatureManifest f : features.all()) {
            em.createNativeQuery("INSERT INTO platform.module(id, version, name, description, source) "
                    + "VALUES (?1, ?2, ?3, ?4, 'builtin') ON CONFLICT (id) DO UPDATE SET version = EXCLUDED.version, "
                    + "name = EXCLUDED.name, description = EXCLUDED.description, source = 'builtin'")
                    .setParameter(1, f.id()).setParameter(2, f.module().version())
                    .setParameter(3, f.module().name().zh()).setParameter(4, f.module().description())
                    .executeUpdate();
        }
        ModuleEntry.delete("source = 'builtin' and id not in ?1", features.all().stream().map(FeatureManifest::id)
                .toList());
    }

    void stop(@Observes ShutdownEvent event) {
        background.shutdownNow();
    }

    private void upgrade(String id) {
        try {
            int version = migrator.migrateTenant(id);
            QuarkusTransaction.requiringNew().run(() -> Tenant.update("schemaVersion = ?1 where id = ?2", version, id));
        } catch (Exception e) {
            LOG.errorf("county %s could not be migrated: %s", id, e.getMessage());
        } finally {
            registry.migrating(id, false);
        }
    }
}
