package io.mingjing.platform.sample;

import io.mingjing.sdk.Names;
import java.time.Instant;

/**
 * A feature's records an inspector may draw a sample of (电子抽检): which of a village's records fall in
 * a period, where each is read, and which entity of the county's audit chain is its receipt. The feature
 * that owns the table says this once; the sampling feature draws from every source without reading any
 * feature's tables itself. Called when a round is opened, in the county's transaction.
 *
 * <pre>{@code
 * @ApplicationScoped
 * class NoticeSamples implements SampleSource {
 *     public String sql() {
 *         return "SELECT id::text, published_at, title, id::text FROM notice"
 *                 + " WHERE village = p.village AND published_at >= p.since AND published_at < p.until";
 *     }
 * }
 * }</pre>
 */
public interface SampleSource {

    /** The kind's code in a round's request and view, e.g. {@code DISCLOSURE}; upper case, unique. */
    String kind();

    /** The built-in feature whose records these are: where a county switched it off, the kind is not offered. */
    String feature();

    Names names();

    /**
     * A query of rows {@code (id, at, title, receipt)}: the record's id as text, when it happened
     * (timestamptz), a title of a line without personal data, and the id (as text) of the
     * {@link #auditEntity()} whose latest audit entry is the record's receipt. It reads the village and
     * period from {@code p}: {@code p.village} ({@code char(12)}), {@code p.since} and {@code p.until}
     * (timestamptz, the first day's start and the day after the last, Beijing time), {@code p.first_day}
     * and {@code p.last_day} (dates, both inclusive).
     */
    String sql();

    /** The {@code entity} of the audit entries that are receipts of these records, e.g. {@code Approval}. */
    String auditEntity();

    /** The record's page, relative to the county's portal ({@code /staff/approvals/12}). */
    String page(String id, String village, Instant at);

    /** The record in the county API, relative to {@code /api/t/{t}} ({@code /approvals/12}). */
    String api(String id, String village, Instant at);

    /** A page showing the record's receipt, relative to the county's portal; null when the record's page shows it. */
    default String receiptPage(String id) {
        return null;
    }
}
