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
     * SQL in the county's schema, as the county's plugin login role, in one transaction per callback.
     * It reaches an allow-list, enforced by PostgreSQL whatever the SQL says:
     * <ul>
     * <li>the module's own tables (named {@code <id>_…}, created by its changelog): read and write;</li>
     * <li>read-only views of the county's public data, and nothing else of the county's:
     *   <ul>
     *   <li>{@code v_org_unit(code, name, level, parent_code)} — towns, villages, grids;</li>
     *   <li>{@code v_appeal_category(code, name_zh, name_en, route, department, urgent)};</li>
     *   <li>{@code v_published_disclosure(id, series_id, version, village_code, category, title, period,
     *       body, lines, published_at, superseded_by)} — published versions visible to everyone;</li>
     *   <li>{@code v_policy(id, title, category, department, summary, body, published_at)}.</li>
     *   </ul></li>
     * </ul>
     * Residents, staff, payments, cases, reports, messages and the audit chain are not readable; other
     * counties' schemas, the platform registry, {@code SET ROLE} and creating objects fail with
     * <em>permission denied</em> (SQLState {@code 42501}). Changes to the county's state go through
     * {@link #audit}, {@link #publish} and the notification channels, which the platform writes itself.
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
