package io.mingjing.platform.tenancy;

import io.quarkus.arc.Arc;
import io.quarkus.arc.InjectableContext;
import io.quarkus.arc.ManagedContext;
import io.quarkus.narayana.jta.QuarkusTransaction;
import java.time.Duration;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.function.Supplier;
import javax.sql.DataSource;

/**
 * Runs work for one county outside the request that named it (jobs, onboarding, descriptors): a
 * fresh request scope holding only that county, and a new transaction, so no county state can leak
 * in or out through a thread or a pooled connection.
 */
@ApplicationScoped
public class TenantScope {

    @Inject
    CurrentTenant current;
    @Inject
    EntityManager em;

    /** Plain JDBC work of one county. */
    @FunctionalInterface
    public interface JdbcWork<T> {
        T apply(Connection county) throws SQLException;
    }

    public void run(String tenantId, Runnable work) {
        call(tenantId, () -> {
            work.run();
            return null;
        });
    }

    public <T> T call(String tenantId, Supplier<T> work) {
        return call(tenantId, null, work);
    }

    /** The statement that lets a transaction's commit return before its WAL is on disk. */
    public static final String REDOABLE = "SET LOCAL synchronous_commit = off";

    /**
     * Work that keeps derived data (figures, warnings), which whatever it read would produce again if it
     * were lost: its commit does not wait for the disk. A crash loses such a transaction whole, with the
     * marks or deliveries it consumed, so it runs again; a later durable commit makes it durable too.
     */
    public <T> T callRedoable(String tenantId, Supplier<T> work) {
        return call(tenantId, () -> {
            em.createNativeQuery(REDOABLE).executeUpdate();
            return work.get();
        });
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

    /**
     * Plain JDBC work for one county in a database transaction of its own, on a connection of a pool
     * without JTA: what must run just after another transaction committed (its afterCompletion).
     */
    public <T> T jdbc(String tenantId, DataSource dataSource, JdbcWork<T> work) throws SQLException {
        if (!TenantIds.isValid(tenantId)) {
            throw new IllegalArgumentException("not a county id");
        }
        return transaction(dataSource, c -> {
            SchemaConnectionResolver.enter(c, tenantId); // SET LOCAL: gone with the transaction
            return work.apply(c);
        });
    }

    /** The same on the platform's own schema, as the platform's login: the province's audit chain. */
    public static <T> T jdbcPlatform(DataSource dataSource, JdbcWork<T> work) throws SQLException {
        return transaction(dataSource, c -> {
            try (var s = c.createStatement()) {
                s.execute("SET LOCAL search_path = platform");
            }
            return work.apply(c);
        });
    }

    private static <T> T transaction(DataSource dataSource, JdbcWork<T> work) throws SQLException {
        try (Connection c = dataSource.getConnection()) {
            c.setAutoCommit(false);
            try {
                T result = work.apply(c);
                c.commit();
                return result;
            } catch (SQLException | RuntimeException e) {
                c.rollback();
                throw e;
            } finally {
                c.setAutoCommit(true);
            }
        }
    }
}
