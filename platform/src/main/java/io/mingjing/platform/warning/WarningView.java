package io.mingjing.platform.warning;

import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * A warning as the API shows it: its rule, place, colour, "why" (fact values and thresholds compared),
 * who handles it and how it ended, its time limit, where its source record is and the audit receipt
 * (the hash of the source record's latest entry in the county's chain). {@code department}: the one a
 * DEPARTMENT warning goes to, null when its fact names none (then the inspectors handle it).
 */
public record WarningView(long id, String rule, String ruleNameZh, String ruleNameEn, String category, String severity,
        String tier, String department, String fact, String entityId, String village, String town, String colour,
        boolean shadow, Map<String, Object> why, Instant raisedAt, String handler, Instant takenAt, String disposition,
        String reason, Instant closedAt, String sla, Instant dueAt, int escalations, String source, String sourceReceipt,
        Long sourceReceiptSeq, String signedOverBy, String signedOverReason) {

    /** A page of a list; pass {@code next} as {@code before} for the next one. */
    public record Page(List<WarningView> items, Long next) {
    }

    /** Counts for the 红黄绿 overview and the cockpit: by category, village, rule, colour and disposition. */
    public record Counts(List<Row> rows) {
    }

    public record Row(String category, String village, String rule, String colour, String disposition, long count) {
    }
}
