package io.mingjing.platform.inspection;

import io.mingjing.platform.event.DomainEvents;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** A round's domain events: ids, codes, days and outcomes — never a comment, a correction or a person. */
final class InspectionEvents {

    static final String ENTITY = "inspection";

    private InspectionEvents() {
    }

    static void record(DomainEvents events, String name, InspectionRound r, Map<String, Object> extra) {
        Map<String, Object> data = new LinkedHashMap<>();
        data.put("id", r.id);
        data.put("town", r.town == null ? null : r.town.strip());
        data.put("openerUnit", r.openerUnit == null ? null : r.openerUnit.strip());
        data.put("from", r.periodFrom.toString());
        data.put("to", r.periodTo.toString());
        data.put("kinds", List.of(r.kinds));
        data.put("state", r.state.name());
        data.putAll(extra);
        events.record(name, ENTITY, r.id.toString(), DomainEvents.withoutNulls(data));
    }

    /** A village's result was recorded or amended: common fields plus the village, its town, the outcome, the version and the task. */
    static void result(DomainEvents events, InspectionRound r, InspectedVillage v, InspectionResult x) {
        Map<String, Object> extra = new LinkedHashMap<>();
        extra.put("village", v.village.strip());
        extra.put("villageTown", v.town == null ? null : v.town.strip());
        extra.put("result", x.result.name());
        extra.put("version", x.version);
        extra.put("task", x.taskId);
        record(events, "inspection.result", r, extra);
    }
}
