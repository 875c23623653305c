package io.mingjing.platform.approval;

import io.mingjing.platform.sample.SampleSource;
import io.mingjing.sdk.Names;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;

/** 三资台账 in a remote inspection: a village's approvals of every kind filed in the period. */
@ApplicationScoped
public class ApprovalSamples implements SampleSource {

    @Override
    public String kind() {
        return "APPROVAL";
    }

    @Override
    public String feature() {
        return ApprovalFeature.ID;
    }

    @Override
    public Names names() {
        return new Names("三资审批台账", "Approvals ledger");
    }

    @Override
    public String sql() {
        return "SELECT id::text, created_at, title || coalesce(' · ¥' || amount::text, ''), id::text FROM approval"
                + " WHERE village = p.village AND created_at >= p.since AND created_at < p.until";
    }

    @Override
    public String auditEntity() {
        return "Approval";
    }

    @Override
    public String page(String id, String village, Instant at) {
        return "/staff/approvals/" + id;
    }

    @Override
    public String api(String id, String village, Instant at) {
        return "/approvals/" + id;
    }
}
