package io.mingjing.platform.appeal;

import io.mingjing.platform.event.DomainEvents;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A case's domain events. A report (举报) records none at all — not a reduced one — so neither an
 * event's content nor the number of events can tell that a report was filed or moved.
 */
@ApplicationScoped
class AppealEvents {

    static final String ENTITY = "appeal";

    @Inject
    DomainEvents events;

    void record(String name, Appeal a) {
        record(name, a, null);
    }

    /** @param reason why it escalated or is supervised, or null */
    void record(String name, Appeal a, String reason) {
        draft(name, a, reason).ifPresent(d -> events.recordAll(DomainEvents.PLATFORM, List.of(d)));
    }

    static Optional<DomainEvents.Draft> draft(String name, Appeal a, String reason) {
        if (a.kind == AppealKind.REPORT) {
            return Optional.empty();
        }
        Map<String, Object> data = new LinkedHashMap<>();
        data.put("trackingNo", a.trackingNo);
        data.put("kind", a.kind.name());
        data.put("category", a.category);
        data.put("village", a.village);
        data.put("level", a.level.name());
        data.put("state", a.state.name());
        data.put("reason", reason);
        return Optional.of(new DomainEvents.Draft(name, ENTITY, a.trackingNo, data));
    }
}
