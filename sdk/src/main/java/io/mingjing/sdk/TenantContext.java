package io.mingjing.sdk;

import java.time.Clock;
import java.util.Map;

/**
 * Everything a callback may use, for exactly one county. Passed into every route handler, listener
 * and job; never stored beyond the call, never looked up statically. Not thread-safe: use it on the
 * thread that received it.
 */
public interface TenantContext {

    /** The county id, e.g. {@code hepu}. */
    String county();

    /** This module's id. */
    String module();

    /** Who is calling; {@link Caller#SYSTEM} in jobs and listeners. */
    Caller caller();

    /** The county's values of this module's settings. */
    Settings settings();

    /**
     * SQL in the county's schema, as the county's own database role: other counties' schemas and the
     * platform registry are out of reach whatever the SQL says. One transaction per callback.
     */
    Sql sql();

    /**
     * Records a write in the county's tamper-evident audit chain, together with the call's SQL (both
     * commit or neither). Every write a module makes should be audited.
     *
     * @param action e.g. {@code listing.created}
     * @param payload what was written (JSON text is fine); only its SHA-256 is kept
     */
    void audit(String action, String entity, String entityId, String payload);

    /**
     * Publishes a domain event to the listeners of every module enabled in this county, after the
     * call's transaction commits (never if it rolls back).
     */
    void publish(String type, String entityId, Map<String, Object> data);

    /** The clock to read "now" from, so tests can move time. */
    Clock clock();
}
