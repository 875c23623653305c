package io.mingjing.platform.plugin;

import io.mingjing.platform.audit.AuditLog;
import io.mingjing.platform.event.DomainEvents;
import io.mingjing.platform.problem.Problem;
import io.mingjing.platform.problem.ProblemException;
import io.mingjing.platform.tenancy.TenantScope;
import io.mingjing.sdk.Caller;
import io.mingjing.sdk.JdbcSql;
import io.mingjing.sdk.Settings;
import io.mingjing.sdk.TenantContext;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Predicate;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

/**
 * Runs one module callback for one county: on the module's own threads, in one transaction on the
 * county's plugin connection, with its audit entries and events, under a time limit. What goes
 * wrong inside is the module's problem, answered with a problem naming it — never the platform's.
 */
@ApplicationScoped
public class ModuleCalls {

    private static final Logger LOG = Logger.getLogger(ModuleCalls.class);

    /** A callback that receives the county's context. */
    @FunctionalInterface
    interface Callback<T> {
        T run(TenantContext ctx) throws Exception;
    }

    @Inject
    CountyPools pools;
    @Inject
    TenantScope scope;
    @Inject
    AuditLog audit;
    @Inject
    ModuleStates states;
    @Inject
    DomainEvents events;
    @ConfigProperty(name = "mingjing.plugins.timeout", defaultValue = "10s")
    Duration timeout;

    /**
     * @param commit whether the callback's result should be committed (a reply below 400)
     * @throws ProblemException 503 when the module is busy, 504 when it ran out of time, 500 when it failed
     */
    public <T> T call(LoadedModule module, String county, Caller caller, Callback<T> callback, Predicate<T> commit) {
        Future<T> future;
        try {
            future = module.workers().submit(() -> inTransaction(module, county, caller, callback, commit));
        } catch (RejectedExecutionException e) {
            throw busy(module);
        }
        try {
            return future.get(timeout.toMillis(), TimeUnit.MILLISECONDS);
        } catch (TimeoutException e) {
            future.cancel(true);
            LOG.warnf("module %s did not answer within %s in county %s; cut off", module.id(), timeout, county);
            throw new ProblemException(504, "Gateway Timeout", "Module '" + module.id() + "' did not answer within "
                    + timeout.toSeconds() + " s; it was cut off and nothing was changed.");
        } catch (InterruptedException e) {
            future.cancel(true);
            Thread.currentThread().interrupt();
            throw busy(module);
        } catch (ExecutionException e) {
            throw failed(module, county, e.getCause());
        }
    }

    private <T> T inTransaction(LoadedModule module, String county, Caller caller, Callback<T> callback,
            Predicate<T> commit) throws Exception {
        Settings settings = Settings.of(module.manifest(), states.get(county, module.id()).settings());
        try (Connection c = connect(county)) {
            PluginContext ctx = new PluginContext(county, module.id(), caller, settings,
                    new JdbcSql(c, (int) Math.max(1, timeout.toSeconds())), Clock.systemUTC());
            try {
                T result = callback.run(ctx);
                if (Thread.currentThread().isInterrupted() || !commit.test(result)) {
                    c.rollback();
                    return result;
                }
                recordWrites(module, county, caller, ctx);
                c.commit();
                return result;
            } catch (Exception | Error e) {
                rollbackQuietly(c);
                throw e;
            }
        }
    }

    /** The platform's side of the call: failing here is not the module's fault, so it is a 503. */
    private Connection connect(String county) {
        try {
            return pools.connect(county);
        } catch (SQLException | RuntimeException e) {
            LOG.warnf("no plugin connection for county %s: %s", county, e.getMessage());
            throw new ProblemException(new Problem("about:blank", "Service Unavailable", 503,
                    "The county's database cannot be reached right now; nothing was changed. Try again shortly.", null),
                    "10");
        }
    }

    /**
     * The module's audit entries and events, written just before its own commit: a write is never left
     * unaudited, and an event is recorded before anyone can see the change it announces.
     */
    private void recordWrites(LoadedModule module, String county, Caller caller, PluginContext ctx) {
        if (ctx.audits.isEmpty() && ctx.events.isEmpty()) {
            return;
        }
        String actor = caller.anonymous() ? "anonymous"
                : (caller.county() == null ? "platform" : caller.county()) + ":" + caller.displayName();
        String prefix = module.id() + ".";
        scope.run(county, () -> {
            events.recordAll(module.id(), ctx.events.stream().map(e -> new DomainEvents.Draft(e.type(), module.id(),
                    e.entityId() == null ? "" : e.entityId(), e.data())).toList());
            ctx.audits.forEach(a -> audit.append(actor, a.action().startsWith(prefix) ? a.action() : prefix + a.action(),
                    a.entity(), a.entityId(), a.payload().getBytes(StandardCharsets.UTF_8)));
        });
    }

    private static void rollbackQuietly(Connection c) {
        try {
            c.rollback();
        } catch (SQLException ignored) {
            // the connection is closed and evicted by the pool next
        }
    }

    private static ProblemException busy(LoadedModule module) {
        return new ProblemException(new Problem("about:blank", "Service Unavailable", 503, "Module '" + module.id()
                + "' is busy; try again shortly.", null), "1");
    }

    private static ProblemException failed(LoadedModule module, String county, Throwable cause) {
        if (cause instanceof ProblemException p) {
            return p;
        }
        if (sqlState(cause, "42501")) {
            LOG.warnf("module %s asked for data outside its allow-list in county %s: %s", module.id(), county,
                    cause.getMessage());
            return new ProblemException(403, "Forbidden", "Module '" + module.id() + "' asked the database for "
                    + "something it may not reach: a module reads only its own tables and the county views its SDK "
                    + "documents. Nothing was changed.");
        }
        if (unavailable(cause)) {
            return new ProblemException(new Problem("about:blank", "Service Unavailable", 503,
                    "The database cannot be reached right now; nothing was changed. Try again shortly.", null), "10");
        }
        LOG.errorf(cause, "module %s failed in county %s", module.id(), county);
        return new ProblemException(500, "Module Error", "Module '" + module.id() + "' failed while handling this "
                + "request (" + cause.getClass().getSimpleName() + "); nothing was changed and it has been logged.");
    }

    private static boolean sqlState(Throwable e, String state) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof SQLException sql && state.equals(sql.getSQLState())) {
                return true;
            }
        }
        return false;
    }

    private static boolean unavailable(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof SQLException sql && sql.getSQLState() != null
                    && (sql.getSQLState().startsWith("08") || sql.getSQLState().startsWith("57P0"))) {
                return true;
            }
        }
        return false;
    }
}
