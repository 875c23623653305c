package io.mingjing.platform.staff;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.mingjing.platform.audit.AuditLog;
import io.mingjing.platform.identity.CountyRealms;
import io.mingjing.platform.identity.Role;
import io.mingjing.platform.identity.StaffPasswords;
import io.mingjing.platform.orgunit.OrgUnit;
import io.mingjing.platform.orgunit.OrgUnitLevel;
import io.mingjing.platform.problem.ProblemException;
import io.mingjing.platform.tenancy.CurrentTenant;
import io.mingjing.platform.input.Text;
import io.quarkus.panache.common.Sort;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/** Creates staff accounts in the county realm with a temporary password, scoped to an org unit. */
@ApplicationScoped
public class StaffService {

    /** Which level of org unit each staff role belongs to; absent means county-wide. */
    private static final Map<String, OrgUnitLevel> ROLE_LEVEL = Map.of(Role.CADRE, OrgUnitLevel.VILLAGE,
            Role.SUPERVISOR, OrgUnitLevel.VILLAGE, Role.BOOKKEEPER, OrgUnitLevel.VILLAGE, Role.TOWN_OFFICIAL,
            OrgUnitLevel.TOWN, Role.AGENT, OrgUnitLevel.VILLAGE);

    public record NewStaff(
            @NotBlank(message = "is required") @Pattern(regexp = "^[a-z0-9][a-z0-9._-]{2,40}$",
                    message = "must be 3-41 lowercase letters, digits, '.', '_' or '-'") String username,
            @NotBlank(message = "is required") @Size(max = 50, message = "must be at most 50 characters")
            @Pattern(regexp = Text.NAME, message = Text.NAME_MESSAGE) String name,
            @NotBlank(message = "is required") String role,
            @Pattern(regexp = "^\\d{12}$", message = "must be a 12-digit org unit code") String orgUnit,
            @Pattern(regexp = "^1\\d{10}$", message = "must be an 11-digit mobile number") String phone) {
    }

    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record StaffView(String username, String name, String role, String orgUnit, String phone, boolean enabled,
            String temporaryPassword) {
    }

    @Inject
    CountyRealms realms;
    @Inject
    CurrentTenant tenant;
    @Inject
    AuditLog audit;

    static StaffView view(StaffMember s) {
        return new StaffView(s.username, s.name, s.role, s.orgUnit, s.phone, s.enabled, null);
    }

    @Transactional
    public StaffView create(NewStaff request, String actor) {
        checkRoleAndUnit(request);
        if (StaffMember.findById(request.username()) != null) {
            throw ProblemException.conflict("Staff account '" + request.username() + "' already exists.");
        }
        String password = StaffPasswords.generate();
        StaffMember s = add(request, password, true, actor);
        return new StaffView(s.username, s.name, s.role, s.orgUnit, s.phone, true, password);
    }

    /** Creates a demo account with a known, permanent password, unless it exists already. */
    @Transactional
    public void ensureDemo(NewStaff request, String password, String actor) {
        checkRoleAndUnit(request);
        if (StaffMember.findById(request.username()) == null) {
            add(request, password, false, actor);
        }
    }

    private StaffMember add(NewStaff request, String password, boolean temporary, String actor) {
        StaffMember s = new StaffMember();
        s.username = request.username();
        s.name = request.name();
        s.role = request.role();
        s.orgUnit = request.orgUnit();
        s.phone = request.phone();
        s.createdAt = Instant.now();
        s.userId = realms.ensureUser(tenant.require(), s.username, null, s.name, s.role, s.orgUnit, s.phone, password,
                temporary);
        s.persist();
        audit.append(actor, "staff.created", "Staff", s.username,
                (s.role + "@" + s.orgUnit).getBytes(StandardCharsets.UTF_8));
        return s;
    }

    @Transactional
    public StaffView disable(String username, String actor) {
        StaffMember s = StaffMember.findById(username);
        if (s == null) {
            throw ProblemException.notFound("No staff account '" + username + "'.");
        }
        if (s.enabled) {
            realms.disableUser(tenant.require(), s.userId);
            s.enabled = false;
            audit.append(actor, "staff.disabled", "Staff", username, username.getBytes(StandardCharsets.UTF_8));
        }
        return view(s);
    }

    /**
     * A new temporary password, which the person must change at their next login; the answer carries it
     * once. A disabled account stays disabled.
     */
    @Transactional
    public StaffView resetPassword(String username, String actor) {
        StaffMember s = StaffMember.findById(username);
        if (s == null) {
            throw ProblemException.notFound("No staff account '" + username + "'.");
        }
        String password = StaffPasswords.generate();
        realms.resetPassword(tenant.require(), s.userId, password);
        audit.append(actor, "staff.password-reset", "Staff", username, username.getBytes(StandardCharsets.UTF_8));
        return new StaffView(s.username, s.name, s.role, s.orgUnit, s.phone, s.enabled, password);
    }

    /** Every staff account of the county, by username. */
    @Transactional
    public List<StaffView> list() {
        return StaffMember.<StaffMember>listAll(Sort.by("username")).stream()
                .map(StaffService::view).toList();
    }

    private static void checkRoleAndUnit(NewStaff request) {
        if (!Role.COUNTY_ROLES.contains(request.role()) || Role.VILLAGER.equals(request.role())) {
            throw ProblemException.invalid(422, "Unknown staff role.", Map.of("role", "must be one of "
                    + Role.COUNTY_ROLES.subList(1, Role.COUNTY_ROLES.size())));
        }
        OrgUnitLevel wanted = ROLE_LEVEL.get(request.role());
        if (wanted == null) {
            return;
        }
        OrgUnit unit = request.orgUnit() == null ? null : OrgUnit.findById(request.orgUnit());
        if (unit == null || unit.level != wanted) {
            throw ProblemException.invalid(422, "A " + request.role() + " belongs to a " + wanted + ".",
                    Map.of("orgUnit", "must be the code of a " + wanted + " of this county"));
        }
    }
}
