package io.mingjing.sdk;

/**
 * Subscribes the module to a domain event type.
 *
 * <p><b>Who calls it, when:</b> the platform, after the transaction that published the event has
 * committed, once per event, only if the module is enabled in the event's county. <b>Thread:</b> a
 * worker thread of the module's own pool, asynchronously — the publisher never waits, and a listener
 * that throws is logged and does not affect the publisher or other listeners. <b>Tenant:</b> the
 * event's county, with {@link Caller#SYSTEM}; its SQL is its own transaction.
 *
 * <pre>{@code
 * Listener.on("org-units.imported", (ctx, event) ->
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
