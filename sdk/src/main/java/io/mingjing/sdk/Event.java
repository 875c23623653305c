package io.mingjing.sdk;

import java.time.Instant;
import java.util.Map;
import java.util.UUID;

/**
 * A domain event in one county, e.g. {@code appeal.created} from the platform or
 * {@code market.listing-posted} from a module. {@link Events} lists the platform's events with their
 * payload fields.
 *
 * <p>Delivery is at least once (SDK 1.3): after a crash or a listener that failed, the same event can
 * arrive again, always with the same {@link #id()}. A listener that must act once keeps the ids it has
 * handled in its own table, in the same transaction as its work:
 *
 * <pre>{@code
 * Listener.on(Events.APPEAL_CREATED, (ctx, event) -> {
 *     if (ctx.sql().update("INSERT INTO ferry_seen(event_id) VALUES (?) ON CONFLICT DO NOTHING", event.id()) == 0) {
 *         return; // handled before
 *     }
 *     ctx.sql().update("UPDATE ferry_counts SET appeals = appeals + 1 WHERE village = ?", event.data().get("village"));
 * })
 * }</pre>
 *
 * @param source the module that published it, or {@code platform}
 * @param id unique across counties and stable across redeliveries (SDK 1.3); a listener deduplicates on it
 * @param version the version of the payload's shape for this type (SDK 1.3); new fields do not raise it
 */
public record Event(String type, String county, String source, String entityId, Map<String, Object> data,
        Instant at, String id, int version) {

    public Event {
        data = data == null ? Map.of() : Map.copyOf(data);
        id = id == null ? county + ":" + UUID.randomUUID() : id;
        version = Math.max(1, version);
    }

    /** The SDK 1.0 shape: a fresh id, version 1. */
    public Event(String type, String county, String source, String entityId, Map<String, Object> data, Instant at) {
        this(type, county, source, entityId, data, at, null, 1);
    }
}
