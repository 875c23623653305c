package io.mingjing.platform.tenancy;

import io.quarkus.arc.Arc;
import io.quarkus.arc.InjectableContext;
import io.quarkus.arc.ManagedContext;
import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.function.Supplier;

/**
 * Runs work for one county outside the request that named it (jobs, onboarding, descriptors): a
 * fresh request scope holding only that county, and a new transaction, so no county state can leak
 * in or out through a thread or a pooled connection.
 */
@ApplicationScoped
public class TenantScope {

    @Inject
    CurrentTenant current;

    public void run(String tenantId, Runnable work) {
        call(tenantId, () -> {
            work.run();
            return null;
        });
    }

    public <T> T call(String tenantId, Supplier<T> work) {
        if (!TenantIds.isValid(tenantId)) {
            throw new IllegalArgumentException("not a county id");
        }
        ManagedContext requests = Arc.container().requestContext();
        InjectableContext.ContextState outer = requests.isActive() ? requests.getState() : null;
        if (outer != null) {
            requests.deactivate();
        }
        requests.activate();
        try {
            current.set(tenantId);
            return QuarkusTransaction.requiringNew().call(work::get);
        } finally {
            requests.terminate();
            if (outer != null) {
                requests.activate(outer);
            }
        }
    }
}
