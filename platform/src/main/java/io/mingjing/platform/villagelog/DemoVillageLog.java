package io.mingjing.platform.villagelog;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import io.mingjing.platform.audit.AuditLog;
import io.mingjing.platform.identity.CurrentCaller;
import io.mingjing.platform.staff.DemoPeople;
import io.mingjing.platform.tenancy.TenantScope;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.io.IOException;
import java.nio.file.Files;
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
    private static final ObjectMapper YAML = YAMLMapper.builder()
            .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES).build().findAndRegisterModules();
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
    TenantScope scope;
    @Inject
    CurrentCaller caller;
    @Inject
    VillageLogService log;
    @Inject
    AuditLog audit;

    public void apply(String tenant, Path county, String actor) throws IOException {
        Path yaml = county.resolve(FILE);
        if (!Files.isRegularFile(yaml)) {
            return;
        }
        byte[] bytes = Files.readAllBytes(yaml);
        File file = YAML.readValue(bytes, File.class);
        scope.run(tenant, () -> {
            if (audit.records(ACTION, bytes)) {
                return;
            }
            for (Entry e : file.entries() == null ? List.<Entry>of() : file.entries()) {
                caller.actAs(DemoPeople.caller(tenant, e.by(), FILE));
                log.record(new VillageLogView.NewEntry(e.village(), e.body(), e.place(), e.tags(), e.open(),
                        DemoPeople.daysAgo(e.daysAgo(), e.hour())));
            }
            audit.append(actor, ACTION, "Descriptor", FILE, bytes);
        });
    }
}
