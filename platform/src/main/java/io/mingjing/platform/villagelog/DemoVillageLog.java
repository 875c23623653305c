package io.mingjing.platform.villagelog;

import com.fasterxml.jackson.annotation.JsonProperty;
import io.mingjing.platform.identity.CurrentCaller;
import io.mingjing.platform.seed.DemoSeed;
import io.mingjing.platform.staff.DemoPeople;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;

/**
 * A county descriptor's {@code village-log.yaml}: cadres' entries of their work, recorded as the cadre
 * or town official it names through the same service and checks as their own (so each is indexed for
 * the keyword search), dated days back from the day it is applied; applied once per version of the file.
 */
@ApplicationScoped
public class DemoVillageLog {

    static final String FILE = "village-log.yaml";
    private static final String ACTION = "demo-village-log.applied";

    /**
     * @param daysAgo when it happened, in days before today; @param hour at what hour (9 when left out)
     * @param open written {@code public} in the file: residents read it too
     */
    public record Entry(String by, String village, int daysAgo, Integer hour, String place, List<String> tags,
            @JsonProperty("public") Boolean open, String body) {
    }

    public record File(List<Entry> entries) {
    }

    @Inject
    DemoSeed seed;
    @Inject
    CurrentCaller caller;
    @Inject
    VillageLogService log;

    public void apply(String tenant, Path county, String actor) throws IOException {
        seed.apply(tenant, county.resolve(FILE), File.class, ACTION, actor, file -> {
            for (Entry e : DemoSeed.each(file.entries())) {
                caller.actAs(DemoPeople.caller(tenant, e.by(), FILE));
                log.record(new VillageLogView.NewEntry(e.village(), e.body(), e.place(), e.tags(), e.open(),
                        DemoPeople.daysAgo(e.daysAgo(), e.hour())));
            }
        });
    }
}
