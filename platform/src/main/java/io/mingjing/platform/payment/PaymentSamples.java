package io.mingjing.platform.payment;

import io.mingjing.platform.sample.SampleSource;
import io.mingjing.sdk.Names;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.time.ZoneId;

/**
 * 惠民资金台账 in a remote inspection: payments to a village's residents in the period, by programme and
 * amount — never the resident in the title; the receipt is the audited import of the payment's file.
 */
@ApplicationScoped
public class PaymentSamples implements SampleSource {

    private static final ZoneId BEIJING = ZoneId.of("Asia/Shanghai");

    @Override
    public String kind() {
        return "PAYMENT";
    }

    @Override
    public String feature() {
        return PaymentFeature.ID;
    }

    @Override
    public Names names() {
        return new Names("惠民资金台账", "Benefit payments ledger");
    }

    @Override
    public String sql() {
        return "SELECT id::text, paid_on::timestamp AT TIME ZONE 'Asia/Shanghai', programme || ' · ¥' || amount::text,"
                + " batch_id::text FROM benefit_payment"
                + " WHERE village_code = p.village AND paid_on >= p.first_day AND paid_on <= p.last_day";
    }

    @Override
    public String auditEntity() {
        return "PaymentBatch";
    }

    /** The village's payment list of that year, where staff of the village's places read names unmasked. */
    @Override
    public String page(String id, String village, Instant at) {
        return "/v/" + village + "/funds?year=" + at.atZone(BEIJING).getYear();
    }

    @Override
    public String api(String id, String village, Instant at) {
        return "/villages/" + village + "/payments?year=" + at.atZone(BEIJING).getYear();
    }
}
