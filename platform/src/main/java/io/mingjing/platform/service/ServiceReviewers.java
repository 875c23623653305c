package io.mingjing.platform.service;

import io.mingjing.platform.identity.Role;
import io.mingjing.platform.staff.StaffMember;
import java.util.List;

/**
 * Who takes a step: the village's agents and cadres take an online application on; a town step
 * waits for the town officials of the application's town; a department step for the staff the county
 * named for that department (any one of them decides for it).
 */
final class ServiceReviewers {

    private ServiceReviewers() {
    }

    static List<StaffMember> intake(ServiceApplication a) {
        return StaffMember.list("role in ?1 and orgUnit = ?2 and enabled = true and userId is not null order by username",
                List.of(Role.AGENT, Role.CADRE), a.village);
    }

    static List<StaffMember> of(ServiceApplication a, ServiceItemSpec.Step step) {
        if (Role.TOWN_OFFICIAL.equals(step.role())) {
            return StaffMember.list("role = ?1 and orgUnit = ?2 and enabled = true and userId is not null "
                    + "order by username", Role.TOWN_OFFICIAL, a.town);
        }
        return StaffMember.list("role = ?1 and enabled = true and userId is not null and username in (select m.username "
                + "from ServiceDepartmentMember m where m.department = ?2) order by username", Role.DEPARTMENT_STAFF,
                step.department());
    }

    static StaffMember departmentStaff(String username) {
        return username == null ? null
                : StaffMember.find("username = ?1 and role = ?2", username, Role.DEPARTMENT_STAFF).firstResult();
    }
}
