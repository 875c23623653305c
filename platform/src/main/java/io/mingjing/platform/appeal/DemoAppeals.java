package io.mingjing.platform.appeal;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import io.mingjing.platform.audit.AuditEntry;
import io.mingjing.platform.audit.AuditLog;
import io.mingjing.platform.identity.Caller;
import io.mingjing.platform.identity.CurrentCaller;
import io.mingjing.platform.identity.Role;
import io.mingjing.platform.resident.Resident;
import io.mingjing.platform.staff.StaffMember;
import io.mingjing.platform.tenancy.TenantScope;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;

/**
 * Demo cases of a county descriptor ({@code appeals.yaml}), filed and handled as the residents and
 * staff it names, through the same service and checks as their own requests; applied once per
 * version of the file (its digest is remembered in the audit chain).
 */
@ApplicationScoped
public class DemoAppeals {

    private static final ObjectMapper YAML = YAMLMapper.builder()
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES).build();
    private static final String ACTION = "demo-appeals.applied";

    public record Step(String by, AppealState to, String note, Boolean satisfied) {
    }

    public record Case(String by, AppealKind kind, String category, String village, String subject, String body,
            List<Step> steps) {
    }

    public record File(List<Case> appeals) {
    }

    @Inject
    TenantScope scope;
    @Inject
    CurrentCaller caller;
    @Inject
    AppealService appeals;
    @Inject
    AuditLog audit;

    public void apply(String tenant, Path county) throws IOException {
        Path yaml = county.resolve("appeals.yaml");
        if (!Files.isRegularFile(yaml)) {
            return;
        }
        byte[] bytes = Files.readAllBytes(yaml);
        File file = YAML.readValue(bytes, File.class);
        scope.run(tenant, () -> {
            if (audit.records(ACTION, bytes)) {
                return;
            }
            for (Case c : file.appeals() == null ? List.<Case>of() : file.appeals()) {
                file(tenant, c);
            }
            audit.append("system:descriptor", ACTION, "Descriptor", "appeals.yaml", bytes);
        });
    }

    private void file(String tenant, Case c) {
        caller.actAs(person(tenant, c.by()));
        String no = appeals.submit(new AppealRequest(c.kind(), c.category(), c.subject(), c.body(), c.village(), null,
                null, null, null, null), List.of(), null, AuditEntry.sha256(c.toString()), null).trackingNo();
        for (Step s : c.steps() == null ? List.<Step>of() : c.steps()) {
            caller.actAs(person(tenant, s.by()));
            if (s.to() == AppealState.RATED) {
                appeals.rate(no, Boolean.TRUE.equals(s.satisfied()), s.note());
            } else {
                appeals.advance(no, s.to(), s.note());
            }
        }
    }

    /** A staff member by username, else a resident by phone (their username). */
    private static Caller person(String tenant, String username) {
        StaffMember staff = StaffMember.find("username", username).firstResult();
        if (staff != null) {
            return new Caller(staff.userId, staff.username, Set.of(staff.role), staff.orgUnit, tenant);
        }
        Resident r = Resident.find("phone", username).firstResult();
        if (r == null || r.userId == null) {
            throw new IllegalArgumentException("appeals.yaml names nobody called " + username);
        }
        return new Caller(r.userId, username, Set.of(Role.VILLAGER), null, tenant);
    }
}
