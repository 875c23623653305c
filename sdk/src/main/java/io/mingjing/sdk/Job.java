package io.mingjing.sdk;

/**
 * A scheduled job.
 *
 * <p><b>Who calls it, when:</b> the platform's scheduler, at each time the cron expression names
 * (Quartz syntax with seconds: {@code "0 0 3 * * ?"} is 03:00 daily), once for every county where the
 * module is enabled, one county after another; a run still going when the next is due is skipped.
 * <b>Thread:</b> a worker thread of the module's own pool, under the same timeout as routes.
 * <b>Tenant:</b> one county per call, with {@link Caller#SYSTEM}; each county's run is its own
 * transaction, so one county's failure does not stop the others.
 *
 * <pre>{@code
 * Job.cron("expire", "0 0 * * * ?", ctx -> ctx.sql().update(
 *         "UPDATE market_listing SET status = 'EXPIRED' WHERE expires_at < ?", ctx.clock().instant()))
 * }</pre>
 */
public record Job(String name, String cron, JobHandler handler) implements ModuleManifest.Part {

    public static Job cron(String name, String cron, JobHandler handler) {
        return new Job(name, cron, handler);
    }
}
