package io.mingjing.platform.disclosure;

import io.mingjing.platform.sample.SampleSource;
import io.mingjing.sdk.Names;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;

/** 三务公开 in a remote inspection: what a village published in the period, each version with its receipt. */
@ApplicationScoped
public class DisclosureSamples implements SampleSource {

    @Override
    public String kind() {
        return "DISCLOSURE";
    }

    @Override
    public String feature() {
        return DisclosureFeature.ID;
    }

    @Override
    public Names names() {
        return new Names("三务公开", "Disclosures");
    }

    @Override
    public String sql() {
        return "SELECT id::text, published_at, title || coalesce(' · ' || period, ''), id::text FROM disclosure"
                + " WHERE village_code = p.village AND status = 'PUBLISHED' AND published_at >= p.since"
                + " AND published_at < p.until";
    }

    @Override
    public String auditEntity() {
        return "Disclosure";
    }

    @Override
    public String page(String id, String village, Instant at) {
        return "/d/" + id;
    }

    @Override
    public String api(String id, String village, Instant at) {
        return "/disclosures/" + id;
    }

    @Override
    public String receiptPage(String id) {
        return "/d/" + id + "/receipt";
    }
}
