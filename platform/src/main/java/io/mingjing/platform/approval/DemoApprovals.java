package io.mingjing.platform.approval;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import io.mingjing.platform.approval.ApprovalRequests.NewApproval;
import io.mingjing.platform.audit.AuditLog;
import io.mingjing.platform.identity.Caller;
import io.mingjing.platform.identity.CurrentCaller;
import io.mingjing.platform.staff.StaffMember;
import io.mingjing.platform.tenancy.TenantScope;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.Set;

/**
 * Demo approvals of a county descriptor ({@code approvals.yaml}): its seals, and approvals filed and
 * moved on as the staff it names (under the county's own definitions, {@link CountyWorkflows}), through
 * the same service and checks as their own requests; applied once per version of the file (its digest
 * is in the audit chain).
 * Labour periods are given in days from the day the file is applied, so the demo stays valid.
 */
@ApplicationScoped
public class DemoApprovals {

    private static final ObjectMapper YAML = YAMLMapper.builder()
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES).build().findAndRegisterModules();
    private static final String ACTION = "demo-approvals.applied";

    public record SealSpec(String village, String name, String keeper) {
    }

    /** @param action APPROVE, REJECT, RETURN, RESUBMIT, FORM (with form and body) or PAY (with bankRef) */
    public record Step(String by, String action, String note, String form, ApprovalRequests.StageForm body,
            String bankRef) {
    }

    public record Case(String by, NewApproval request, Integer startInDays, Integer endInDays, String sealName,
            List<Step> steps) {
    }

    public record File(List<SealSpec> seals, List<Case> approvals) {
    }

    @Inject
    TenantScope scope;
    @Inject
    CurrentCaller caller;
    @Inject
    ApprovalService approvals;
    @Inject
    Seals seals;
    @Inject
    AuditLog audit;

    public void apply(String tenant, Path county) throws IOException {
        Path yaml = county.resolve("approvals.yaml");
        if (!Files.isRegularFile(yaml)) {
            return;
        }
        byte[] bytes = Files.readAllBytes(yaml);
        File file = YAML.readValue(bytes, File.class);
        scope.run(tenant, () -> {
            if (audit.records(ACTION, bytes)) {
                return;
            }
            for (SealSpec s : file.seals() == null ? List.<SealSpec>of() : file.seals()) {
                seals.ensure(s.village(), s.name(), s.keeper(), "system:descriptor");
            }
            for (Case c : file.approvals() == null ? List.<Case>of() : file.approvals()) {
                run(tenant, c);
            }
            audit.append("system:descriptor", ACTION, "Descriptor", "approvals.yaml", bytes);
        });
    }

    private void run(String tenant, Case c) {
        caller.actAs(person(tenant, c.by()));
        long id = approvals.file(request(c)).id;
        for (Step s : c.steps() == null ? List.<Step>of() : c.steps()) {
            caller.actAs(person(tenant, s.by()));
            Approval a = approvals.readable(id);
            switch (s.action()) {
                case "FORM" -> approvals.submitForm(id, s.form(), s.body());
                case "PAY" -> approvals.pay(id, new ApprovalRequests.Payment(s.bankRef(), null));
                case "RESUBMIT" -> approvals.resubmit(id, s.note());
                default -> approvals.decide(id, new ApprovalRequests.Decision(
                        ApprovalRequests.Action.valueOf(s.action()), a.seq, s.note()));
            }
        }
    }

    private static NewApproval request(Case c) {
        NewApproval r = c.request();
        LocalDate today = LocalDate.now(ApprovalChecks.CHINA);
        Long seal = c.sealName() == null ? r.seal() : Seal.<Seal>find("village = ?1 and name = ?2", r.village(),
                c.sealName()).firstResultOptional().map(s -> s.id).orElse(null);
        return new NewApproval(r.kind(), r.village(), r.title(), r.amount(), r.payee(), r.purpose(), r.budgetLine(),
                r.workers(), c.startInDays() == null ? r.plannedStart() : today.plusDays(c.startInDays()),
                c.endInDays() == null ? r.plannedEnd() : today.plusDays(c.endInDays()), r.dailyRate(), r.need(), seal,
                r.document());
    }

    private static Caller person(String tenant, String username) {
        StaffMember staff = StaffMember.find("username", username).firstResult();
        if (staff == null) {
            throw new IllegalArgumentException("approvals.yaml names no staff member called " + username);
        }
        return new Caller(staff.userId, staff.username, Set.of(staff.role), staff.orgUnit, tenant);
    }
}
