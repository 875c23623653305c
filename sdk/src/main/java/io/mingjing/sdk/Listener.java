package io.mingjing.sdk;

/**
 * Subscribes the module to a domain event type ({@link Events} lists the platform's).
 *
 * <p><b>Who calls it, when:</b> the platform, within about a second of the commit of the transaction
 * that recorded the event, only if the module is enabled in the event's county. Delivery is at least
 * once and in order per entity (one case's events in the order they were written); a listener that
 * throws gets the event again after a growing pause, and after the last attempt it is dead until the
 * county admin replays it ({@code POST /api/t/{county}/events/{id}/replay}), while that entity's later
 * events wait meanwhile. The same event can arrive twice: deduplicate on {@link Event#id()}.
 * <b>Thread:</b> a worker thread of the module's own pool, asynchronously — the publisher never waits.
 * <b>Tenant:</b> the event's county, with {@link Caller#SYSTEM}. <b>Transaction:</b> one module
 * transaction may carry several consecutive events of one entity (a few at most), committed once the
 * listener has returned for all of them; when it throws for one, the transaction is rolled back and
 * the events before it are delivered again without it, so only what the listener did for delivered
 * events stays.
 *
 * <pre>{@code
 * Listener.on(Events.ORG_UNITS_IMPORTED, (ctx, event) ->
 *         ctx.sql().update("UPDATE market_village_cache SET stale = true"))
 * }</pre>
 *
 * @param type the event type, or {@code *} for every event
 */
public record Listener(String type, EventListener handler) implements ModuleManifest.Part {

    public static Listener on(String type, EventListener handler) {
        return new Listener(type, handler);
    }

    public boolean accepts(Event event) {
        return "*".equals(type) || type.equals(event.type());
    }
}
