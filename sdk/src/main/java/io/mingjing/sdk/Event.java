package io.mingjing.sdk;

import java.time.Instant;
import java.util.Map;

/**
 * A domain event in one county, e.g. {@code appeal.created} from the platform or
 * {@code market.listing-posted} from a module.
 *
 * @param source the module that published it, or {@code platform}
 */
public record Event(String type, String county, String source, String entityId, Map<String, Object> data,
        Instant at) {

    public Event {
        data = data == null ? Map.of() : Map.copyOf(data);
    }
}
