package io.mingjing.platform.descriptor;

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
 * done — and apply the county descriptors.
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

    private final ExecutorService background = Executors.newSingleThreadExecutor(r -> {
        Thread t = new Thread(r, "mingjing-migrations");
        t.setDaemon(true);
        return t;
    });

    void start(@Observes @Priority(10) StartupEvent event) throws Exception {
        migrator.migratePlatform();
        registry.refresh();
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
