package io.mingjing.platform.task;

import io.mingjing.platform.event.DomainEvents;
import java.util.LinkedHashMap;
import java.util.Map;

/** A task's domain events: ids, units, times and colours — never a person's name or phone. */
final class TaskEvents {

    static final String ENTITY = "task";

    private TaskEvents() {
    }

    static void record(DomainEvents events, String name, Task t, Map<String, Object> extra) {
        events.record(name, ENTITY, t.id.toString(), data(t, extra));
    }

    static DomainEvents.Draft draft(String name, Task t, Map<String, Object> extra) {
        return new DomainEvents.Draft(name, ENTITY, t.id.toString(), data(t, extra));
    }

    private static Map<String, Object> data(Task t, Map<String, Object> extra) {
        Map<String, Object> data = new LinkedHashMap<>();
        data.put("id", t.id);
        data.put("unit", t.unit);
        data.put("town", t.town);
        data.put("assignerUnit", t.assignerUnit);
        data.put("toPerson", t.assigneeUserId != null);
        data.put("deadline", t.deadline.toString());
        data.put("state", t.state.name());
        data.put("sla", t.sla.name());
        data.put("escalations", t.escalations);
        data.put("source", t.source);
        data.putAll(extra);
        return data;
    }
}
