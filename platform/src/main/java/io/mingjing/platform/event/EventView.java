package io.mingjing.platform.event;

import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * A recorded event as an operator sees it, with its delivery to each subscribing module.
 *
 * @param id the id listeners deduplicate on, {@code <county>:<seq>}
 */
public record EventView(String id, long seq, String name, String source, String entity, String entityId, int version,
        Instant occurredAt, Map<String, Object> data, List<Delivery> deliveries) {

    /** {@code state}: PENDING (waiting or being retried), DELIVERED, DEAD (no more attempts until replayed). */
    public record Delivery(String module, String state, int attempts, Instant nextAttemptAt, Instant deliveredAt,
            String lastError) {
    }

    public static String id(String county, long seq) {
        return county + ":" + seq;
    }
}
