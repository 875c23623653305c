package io.mingjing.platform.inspection;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import io.mingjing.platform.audit.AuditLog;
import io.mingjing.platform.identity.Caller;
import io.mingjing.platform.identity.CurrentCaller;
import io.mingjing.platform.inspection.InspectionRequests.NewRound;
import io.mingjing.platform.inspection.InspectionRequests.VillageResult;
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
 * Demo rounds of a county descriptor ({@code inspections.yaml}), opened and given results as the staff it
 * names through the same service and checks as their own requests; applied once per version of the file
 * (its digest is in the audit chain). Periods and deadlines are in days from the day it is applied, so the
 * records the other demo files filed that day fall in them.
 */
@ApplicationScoped
public class DemoInspections {

    private static final ObjectMapper YAML = YAMLMapper.builder()
            .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES).build().findAndRegisterModules();
    private static final String ACTION = "demo-inspections.applied";

    /** @param village the village's code, or {@code draw} its place in a random draw (1 first) */
    public record Outcome(String village, Integer draw, String by, String result, String correction,
            Integer deadlineInDays, String comment, String reason) {
    }

    public record Round(String by, String title, int fromDays, int toDays, List<String> kinds, Integer perKind,
            String town, Integer sample, List<String> villages, List<Outcome> results) {
    }

    public record File(List<Round> rounds) {
    }

    @Inject
    TenantScope scope;
    @Inject
    CurrentCaller caller;
    @Inject
    InspectionService inspections;
    @Inject
    AuditLog audit;

    public void apply(String tenant, Path county) throws IOException {
        Path yaml = county.resolve("inspections.yaml");
        if (!Files.isRegularFile(yaml)) {
            return;
        }
        byte[] bytes = Files.readAllBytes(yaml);
        File file = YAML.readValue(bytes, File.class);
        scope.run(tenant, () -> {
            if (audit.records(ACTION, bytes)) {
                return;
            }
            for (Round r : file.rounds() == null ? List.<Round>of() : file.rounds()) {
                run(tenant, r);
            }
            audit.append("system:descriptor", ACTION, "Descriptor", "inspections.yaml", bytes);
        });
    }

    private void run(String tenant, Round r) {
        caller.actAs(person(tenant, r.by()));
        LocalDate today = InspectionDraw.today();
        InspectionRound round = inspections.open(new NewRound(r.title(), today.plusDays(r.fromDays()),
                today.plusDays(r.toDays()), r.kinds(), r.perKind(), r.town(), r.sample(), r.villages()));
        for (Outcome o : r.results() == null ? List.<Outcome>of() : r.results()) {
            caller.actAs(person(tenant, o.by() == null ? r.by() : o.by()));
            String village = o.village() != null ? o.village() : InspectedVillage.<InspectedVillage>find(
                    "roundId = ?1 and draw = ?2", round.id, o.draw()).firstResult().village;
            inspections.record(round.id, village, new VillageResult(o.result(), o.correction(), o.deadlineInDays() == null
                    ? null : today.plusDays(o.deadlineInDays()), o.comment(), o.reason()));
        }
    }

    private static Caller person(String tenant, String username) {
        StaffMember staff = StaffMember.find("username", username).firstResult();
        if (staff == null) {
            throw new IllegalArgumentException("inspections.yaml names no staff member called " + username);
        }
        return new Caller(staff.userId, staff.username, Set.of(staff.role), staff.orgUnit, tenant);
    }
}
