package io.mingjing.platform.approval;

import io.mingjing.platform.event.DomainEvents;
import io.mingjing.platform.staff.StaffMember;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * An approval's domain events, with what later warning rules compare: times, amounts, how many people
 * and whether staff are among those paid, the org units — never a payee's or worker's name or phone.
 */
@ApplicationScoped
class ApprovalEvents {

    static final String ENTITY = "approval";

    @Inject
    DomainEvents events;

    void record(String name, Approval a, Map<String, Object> extra) {
        events.recordAll(DomainEvents.PLATFORM, List.of(draft(name, a, extra)));
    }

    static DomainEvents.Draft draft(String name, Approval a, Map<String, Object> extra) {
        Map<String, Object> data = new LinkedHashMap<>();
        data.put("id", a.id);
        data.put("kind", a.kind.name());
        data.put("village", a.village);
        data.put("town", a.town);
        data.put("state", a.state.name());
        data.put("definitionVersion", a.definitionVersion);
        data.put("stage", a.stage);
        data.put("step", a.step);
        data.put("seq", a.seq);
        data.put("amount", a.amount == null ? null : a.amount.toPlainString());
        data.put("filedBy", a.filedBy);
        data.put("filedAt", a.createdAt.toString());
        data.put("sla", a.sla.name());
        Map<String, Object> filing = a.section("filing");
        if (a.kind == ApprovalKind.LABOUR) {
            data.put("plannedStart", filing.get("plannedStart"));
            data.put("plannedEnd", filing.get("plannedEnd"));
            data.put("dailyRate", String.valueOf(filing.get("dailyRate")));
            data.put("workers", filing.get("workers") instanceof List<?> l ? l.size() : 0);
        }
        Set<String> paid = Approvers.payeePhones(a);
        if (!paid.isEmpty()) {
            data.put("staffAmongPaid", StaffMember.count("phone in ?1", paid));
        }
        data.putAll(extra);
        return new DomainEvents.Draft(name, ENTITY, a.id.toString(), data);
    }
}
