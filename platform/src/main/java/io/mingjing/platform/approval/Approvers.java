package io.mingjing.platform.approval;

import io.mingjing.platform.identity.Role;
import io.mingjing.platform.resident.Resident;
import io.mingjing.platform.staff.StaffMember;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * Who takes a step: the staff with the step's role at the approval's place (village staff at its
 * village, town officials at its town, department staff county-wide), minus the filer (no one
 * approves their own request) and minus anyone the money goes to or to their household (回避).
 */
final class Approvers {

    /** @param eligible who may act; @param excused who had the role and place but must stay out, and why */
    record Pick(List<StaffMember> eligible, List<Excused> excused) {
    }

    record Excused(StaffMember who, String why) {
    }

    private Approvers() {
    }

    static Pick pick(Approval a, WorkflowDefinition.Step step) {
        List<StaffMember> candidates = candidates(a, step.role());
        Set<String> payeePhones = payeePhones(a);
        Set<Long> payeeHouseholds = households(payeePhones);
        List<StaffMember> eligible = new ArrayList<>();
        List<Excused> excused = new ArrayList<>();
        for (StaffMember s : candidates) {
            String why = a.filerUserId.equals(s.userId) ? "filed this request"
                    : conflicted(s, payeePhones, payeeHouseholds);
            if (why == null) {
                eligible.add(s);
            } else {
                excused.add(new Excused(s, why));
            }
        }
        return new Pick(eligible, excused);
    }

    private static List<StaffMember> candidates(Approval a, String role) {
        String place = switch (role) {
            case Role.TOWN_OFFICIAL -> a.town;
            case Role.DEPARTMENT_STAFF -> null;
            default -> a.village;
        };
        List<StaffMember> found = place == null
                ? StaffMember.list("role = ?1 and enabled = true and userId is not null order by username", role)
                : StaffMember.list("role = ?1 and orgUnit = ?2 and enabled = true and userId is not null "
                        + "order by username", role, place);
        return found;
    }

    /** The phones of whoever the approval pays: the payee, or the workers of a labour approval. */
    static Set<String> payeePhones(Approval a) {
        Map<String, Object> filing = a.section("filing");
        Stream<Object> parties = Stream.concat(Stream.ofNullable(filing.get("payee")),
                filing.get("workers") instanceof List<?> l ? l.stream().map(Object.class::cast) : Stream.empty());
        return parties.filter(p -> p instanceof Map<?, ?>).map(p -> ((Map<?, ?>) p).get("phone"))
                .filter(Objects::nonNull).map(Object::toString).collect(Collectors.toSet());
    }

    private static Set<Long> households(Set<String> phones) {
        if (phones.isEmpty()) {
            return Set.of();
        }
        return Resident.<Resident>list("phone in ?1", phones).stream().map(r -> r.householdId)
                .filter(Objects::nonNull).collect(Collectors.toCollection(HashSet::new));
    }

    /** @return why this staff member must not approve the payment to these people, or null */
    private static String conflicted(StaffMember s, Set<String> phones, Set<Long> households) {
        if (s.phone == null) {
            return null;
        }
        if (phones.contains(s.phone)) {
            return "is the payee";
        }
        if (households.isEmpty()) {
            return null;
        }
        Resident own = Resident.find("phone", s.phone).firstResult();
        return own != null && own.householdId != null && households.contains(own.householdId)
                ? "is of the payee's household" : null;
    }
}
