package io.mingjing.platform.approval;

import io.mingjing.platform.approval.ApprovalRequests.NewApproval;
import io.mingjing.platform.identity.CurrentCaller;
import io.mingjing.platform.seed.DemoSeed;
import io.mingjing.platform.staff.DemoPeople;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.io.IOException;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;

/**
 * Demo approvals of a county descriptor ({@code approvals.yaml}): its seals, and approvals filed and
 * moved on as the staff it names (under the county's own definitions, {@link CountyWorkflows}), through
 * the same service and checks as their own requests; applied once per version of the file (its digest
 * is in the audit chain).
 * Labour periods are given in days from the day the file is applied, so the demo stays valid.
 */
@ApplicationScoped
public class DemoApprovals {

    static final String FILE = "approvals.yaml";
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
    DemoSeed seed;
    @Inject
    CurrentCaller caller;
    @Inject
    ApprovalService approvals;
    @Inject
    Seals seals;

    public void apply(String tenant, Path county, String actor) throws IOException {
        seed.apply(tenant, county.resolve(FILE), File.class, ACTION, actor, file -> {
            DemoSeed.each(file.seals()).forEach(s -> seals.ensure(s.village(), s.name(), s.keeper(), actor));
            DemoSeed.each(file.approvals()).forEach(c -> run(tenant, c));
        });
    }

    private void run(String tenant, Case c) {
        caller.actAs(DemoPeople.caller(tenant, c.by(), FILE));
        long id = approvals.file(request(c)).id;
        for (Step s : DemoSeed.each(c.steps())) {
            caller.actAs(DemoPeople.caller(tenant, s.by(), FILE));
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
}
