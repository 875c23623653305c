package io.mingjing.platform.inspection;

import io.mingjing.platform.identity.CurrentCaller;
import io.mingjing.platform.inspection.InspectionRequests.NewRound;
import io.mingjing.platform.inspection.InspectionRequests.VillageResult;
import io.mingjing.platform.seed.DemoSeed;
import io.mingjing.platform.staff.DemoPeople;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.io.IOException;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;

/**
 * Demo rounds of a county descriptor ({@code inspections.yaml}), opened and given results as the staff it
 * names through the same service and checks as their own requests; applied once per version of the file
 * (its digest is in the audit chain). Periods and deadlines are in days from the day it is applied, so the
 * records the other demo files filed that day fall in them.
 */
@ApplicationScoped
public class DemoInspections {

    static final String FILE = "inspections.yaml";
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
    DemoSeed seed;
    @Inject
    CurrentCaller caller;
    @Inject
    InspectionService inspections;

    public void apply(String tenant, Path county, String actor) throws IOException {
        seed.apply(tenant, county.resolve(FILE), File.class, ACTION, actor,
                file -> DemoSeed.each(file.rounds()).forEach(r -> run(tenant, r)));
    }

    private void run(String tenant, Round r) {
        caller.actAs(DemoPeople.caller(tenant, r.by(), FILE));
        LocalDate today = InspectionDraw.today();
        InspectionRound round = inspections.open(new NewRound(r.title(), today.plusDays(r.fromDays()),
                today.plusDays(r.toDays()), r.kinds(), r.perKind(), r.town(), r.sample(), r.villages()));
        for (Outcome o : DemoSeed.each(r.results())) {
            caller.actAs(DemoPeople.caller(tenant, o.by() == null ? r.by() : o.by(), FILE));
            String village = o.village() != null ? o.village() : InspectedVillage.<InspectedVillage>find(
                    "roundId = ?1 and draw = ?2", round.id, o.draw()).firstResult().village;
            inspections.record(round.id, village, new VillageResult(o.result(), o.correction(), o.deadlineInDays() == null
                    ? null : today.plusDays(o.deadlineInDays()), o.comment(), o.reason()));
        }
    }
}
