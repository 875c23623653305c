package io.mingjing.platform.appeal;

import io.mingjing.platform.audit.AuditEntry;
import io.mingjing.platform.identity.CurrentCaller;
import io.mingjing.platform.seed.DemoSeed;
import io.mingjing.platform.staff.DemoPeople;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;

/**
 * Demo cases of a county descriptor ({@code appeals.yaml}), filed and handled as the residents and
 * staff it names, through the same service and checks as their own requests; applied once per
 * version of the file (its digest is remembered in the audit chain).
 */
@ApplicationScoped
public class DemoAppeals {

    static final String FILE = "appeals.yaml";
    private static final String ACTION = "demo-appeals.applied";

    public record Step(String by, AppealState to, String note, Boolean satisfied) {
    }

    public record Case(String by, AppealKind kind, String category, String village, String subject, String body,
            List<Step> steps) {
    }

    public record File(List<Case> appeals) {
    }

    @Inject
    DemoSeed seed;
    @Inject
    CurrentCaller caller;
    @Inject
    AppealService appeals;

    public void apply(String tenant, Path county, String actor) throws IOException {
        seed.apply(tenant, county.resolve(FILE), File.class, ACTION, actor,
                file -> DemoSeed.each(file.appeals()).forEach(c -> file(tenant, c)));
    }

    private void file(String tenant, Case c) {
        caller.actAs(DemoPeople.caller(tenant, c.by(), FILE));
        String no = appeals.submit(new AppealRequest(c.kind(), c.category(), c.subject(), c.body(), c.village(), null,
                null, null, null, null), List.of(), null, AuditEntry.sha256(c.toString()), null).trackingNo();
        for (Step s : DemoSeed.each(c.steps())) {
            caller.actAs(DemoPeople.caller(tenant, s.by(), FILE));
            if (s.to() == AppealState.RATED) {
                appeals.rate(no, Boolean.TRUE.equals(s.satisfied()), s.note());
            } else {
                appeals.advance(no, s.to(), s.note());
            }
        }
    }
}
