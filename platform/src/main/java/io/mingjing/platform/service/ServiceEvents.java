package io.mingjing.platform.service;

import io.mingjing.platform.event.DomainEvents;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * An application's domain events, with what warning rules compare (times, states, the clock, the
 * score) — never the applicant's name, ID number, phone or form answers.
 */
@ApplicationScoped
class ServiceEvents {

    static final String ENTITY = "service-application";

    @Inject
    DomainEvents events;

    void record(String name, ServiceApplication a, String department, Map<String, Object> extra) {
        events.recordAll(DomainEvents.PLATFORM, List.of(draft(name, a, department, extra)));
    }

    static DomainEvents.Draft draft(String name, ServiceApplication a, String department, Map<String, Object> extra) {
        Map<String, Object> data = new LinkedHashMap<>();
        data.put("id", a.id);
        data.put("item", a.itemCode);
        data.put("department", department);
        data.put("village", a.village);
        data.put("town", a.town);
        data.put("via", a.via.name());
        data.put("state", a.state.name());
        data.put("stage", a.stage);
        data.put("seq", a.seq);
        data.put("sla", a.sla.name());
        data.put("dueAt", a.dueAt == null ? null : a.dueAt.toString());
        data.put("submittedAt", a.submittedAt == null ? null : a.submittedAt.toString());
        data.put("handlingStartedAt", a.handlingStartedAt == null ? null : a.handlingStartedAt.toString());
        data.putAll(extra);
        return new DomainEvents.Draft(name, ENTITY, a.id.toString(), DomainEvents.withoutNulls(data));
    }
}
