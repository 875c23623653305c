package io.mingjing.platform.villagelog;

import io.mingjing.platform.sample.SampleSource;
import io.mingjing.sdk.Names;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;

/** 村情记录 in a remote inspection: a village's entries of the period, public or not, by the time of the work. */
@ApplicationScoped
public class VillageLogSamples implements SampleSource {

    @Override
    public String kind() {
        return "VILLAGE_LOG";
    }

    @Override
    public String feature() {
        return VillageLogFeature.ID;
    }

    @Override
    public Names names() {
        return new Names("村情记录", "Village log");
    }

    @Override
    public String sql() {
        return "SELECT id::text, at, left(body, 80), id::text FROM village_log"
                + " WHERE village = p.village AND at >= p.since AND at < p.until";
    }

    @Override
    public String auditEntity() {
        return "VillageLog";
    }

    /** The search page has no page per entry: it opens on the village's entries, this one among them. */
    @Override
    public String page(String id, String village, Instant at) {
        return "/village-log?village=" + village;
    }

    @Override
    public String api(String id, String village, Instant at) {
        return "/village-log/" + id;
    }
}
