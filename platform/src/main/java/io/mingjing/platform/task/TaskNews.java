package io.mingjing.platform.task;

import io.mingjing.platform.identity.Role;
import io.mingjing.platform.inbox.InboxMessage;
import io.mingjing.platform.orgunit.OrgUnit;
import io.mingjing.platform.orgunit.OrgUnitLevel;
import io.mingjing.platform.staff.StaffMember;
import java.util.List;

/**
 * Who hears of a task. Messages to persons also go out through the county's notification channels
 * (WeChat, SMS modules), which deliver only to persons: a village's task is told to each of its cadres.
 */
final class TaskNews {

    private TaskNews() {
    }

    static String label(Task t) {
        return "待办 #" + t.id + "「" + t.title + "」";
    }

    /** The person it is assigned to, or the cadres (of a village) or officials (of a town) of its unit. */
    static void toAssignees(Task t, String text) {
        if (t.assigneeUserId != null) {
            InboxMessage.toPerson(t.assigneeUserId, null, text);
            return;
        }
        InboxMessage.toUnit(t.unit, null, text);
        OrgUnit u = OrgUnit.findById(t.unit);
        String role = u != null && u.level == OrgUnitLevel.TOWN ? Role.TOWN_OFFICIAL : Role.CADRE;
        people("orgUnit = ?1 and role = ?2 and enabled = true", t.unit, role)
                .forEach(m -> InboxMessage.toPerson(m.userId, null, text));
    }

    /**
     * 督办 goes one level up from whoever assigned it: a village committee's task to its town, a town's
     * to the county's department staff and admins, the county's to the discipline inspectors.
     */
    static void toSuperior(Task t, String text) {
        InboxMessage.toPerson(t.assignerUserId, null, text);
        OrgUnit assigner = t.assignerUnit == null ? null : OrgUnit.findById(t.assignerUnit);
        if (assigner == null) {
            InboxMessage.toUnit("inspectors", null, text);
            people("role = ?1 and enabled = true", Role.INSPECTOR).forEach(m -> InboxMessage.toPerson(m.userId, null, text));
        } else if (assigner.level != OrgUnitLevel.TOWN) {
            InboxMessage.toUnit(assigner.parentCode, null, text);
            people("orgUnit = ?1 and role = ?2 and enabled = true", assigner.parentCode, Role.TOWN_OFFICIAL)
                    .forEach(m -> InboxMessage.toPerson(m.userId, null, text));
        } else {
            people("role in ?1 and enabled = true", List.of(Role.DEPARTMENT_STAFF, Role.TENANT_ADMIN))
                    .forEach(m -> InboxMessage.toPerson(m.userId, null, text));
        }
    }

    private static List<StaffMember> people(String query, Object... params) {
        return StaffMember.<StaffMember>list(query, params).stream().filter(m -> m.userId != null).toList();
    }
}
