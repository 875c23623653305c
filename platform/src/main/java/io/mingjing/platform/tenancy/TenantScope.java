package io.mingjing.platform.tenancy;

import io.quarkus.arc.Arc;
import io.quarkus.arc.InjectableContext;
import io.quarkus.arc.ManagedContext;
import io.quarkus.narayana.jta.QuarkusTransaction;
import java.time.Duration;
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
        return call(tenantId, null, work);
    }

    /** In the county's scope, in a transaction of its own that may run up to {@code timeout} (null: the default). */
    public <T> T call(String tenantId, Duration timeout, Supplier<T> work) {
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
            var transaction = QuarkusTransaction.requiringNew();
            return (timeout == null ? transaction : transaction.timeout((int) timeout.toSeconds())).call(work::get);
        } finally {
            requests.terminate();
            if (outer != null) {
                requests.activate(outer);
            }
        }
    }
}
