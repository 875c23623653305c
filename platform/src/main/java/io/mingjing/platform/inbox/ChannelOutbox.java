package io.mingjing.platform.inbox;

import io.mingjing.platform.sql.SqlValues;
import io.mingjing.sdk.Notification;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.sql.PreparedStatement;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.hibernate.Session;

/**
 * The current county's messages to persons that a notification channel has yet to deliver, and what
 * became of each attempt. Callers run inside the county's {@code TenantScope}.
 *
 * <p>The module is called outside any transaction, so a batch of messages is first claimed for a channel
 * (claimed_by, lease_until, committed) and its results recorded after the call. Replicas never claim
 * the same message at once; a replica that dies after claiming leaves a lease that runs out, and
 * another replica retries. A channel therefore sees a message twice only when a replica dies between
 * the module's send and the commit of its result; {@link Notification#id()} is the key that lets the
 * channel drop that repeat (at least once plus an idempotency key: effectively once).
 *
 * <p>Two ways into the queue. Any message to a person is found by its missing delivery row among the
 * day's messages that were not queued in bulk, as before; these are claimed first, as they are few and
 * about someone's own case, so a push to a whole county never holds them up. A message queued in bulk (a
 * push to thousands, {@link BulkMessages}) comes with a waiting delivery row per channel on at the time,
 * so claiming it walks an index of waiting rows however long the backlog.
 */
@ApplicationScoped
public class ChannelOutbox {

    public static final int MAX_ATTEMPTS = 5;
    static final String EXPIRED = "not sent: older than a day when its turn came";

    // The literal bounds match the partial index inbox_delivery_waiting_idx, which a bound parameter
    // would not. A waiting row whose message has grown older than the window is closed (attempts used up)
    // instead of leased, so it leaves the index rather than being walked past on every round.
    private static final String CLAIM_QUEUED = """
            WITH candidate AS (
              SELECT d.message_id, m.at > ?1 AS fresh FROM inbox_delivery d JOIN inbox_message m ON m.id = d.message_id
              WHERE d.channel = ?2 AND d.delivered_at IS NULL AND d.attempts < %1$d
                AND (d.lease_until IS NULL OR d.lease_until <= now())
              ORDER BY d.message_id LIMIT ?3
              FOR NO KEY UPDATE OF d SKIP LOCKED),
            claimed AS (
              UPDATE inbox_delivery d SET claimed_by = CASE WHEN c.fresh THEN ?4 END,
                lease_until = CASE WHEN c.fresh THEN now() + ?5 * interval '1 millisecond' END,
                attempts = CASE WHEN c.fresh THEN d.attempts ELSE %1$d END,
                last_error = CASE WHEN c.fresh THEN d.last_error ELSE COALESCE(d.last_error, '%2$s') END
              FROM candidate c WHERE d.message_id = c.message_id AND d.channel = ?2
              RETURNING d.message_id, c.fresh)
            %3$s WHERE c.fresh""";

    private static final String CLAIM_UNQUEUED = """
            WITH candidate AS (
              SELECT m.id FROM inbox_message m
              WHERE m.to_person AND m.push_id IS NULL AND m.at > ?1 AND NOT EXISTS (SELECT 1 FROM inbox_delivery d
                WHERE d.message_id = m.id AND d.channel = ?2
                  AND (d.delivered_at IS NOT NULL OR d.attempts >= %1$d OR d.lease_until > now()))
              ORDER BY m.at, m.id LIMIT ?3
              FOR NO KEY UPDATE OF m SKIP LOCKED),
            claimed AS (
              INSERT INTO inbox_delivery (message_id, channel, attempts, claimed_by, lease_until)
              SELECT id, ?2, 0, ?4, now() + ?5 * interval '1 millisecond' FROM candidate
              ON CONFLICT (message_id, channel) DO UPDATE
                SET claimed_by = excluded.claimed_by, lease_until = excluded.lease_until
                WHERE inbox_delivery.delivered_at IS NULL AND inbox_delivery.attempts < %1$d
                  AND (inbox_delivery.lease_until IS NULL OR inbox_delivery.lease_until <= now())
              RETURNING message_id)
            %3$s""";

    private static final String NOTIFICATIONS = """
            SELECT m.id, CASE WHEN m.recipient NOT LIKE 'tel:%' THEN m.recipient END,
              COALESCE(r.phone, substring(m.recipient FROM '^tel:(.*)$')), m.text, m.at
            FROM claimed c JOIN inbox_message m ON m.id = c.message_id
            LEFT JOIN resident r ON r.user_id = m.recipient""";

    // A delivery once recorded stays recorded, even if a slower replica whose lease ran out reports a
    // failure later.
    private static final String RECORD = """
            UPDATE inbox_delivery d SET attempts = d.attempts + 1,
              delivered_at = COALESCE(d.delivered_at, CASE WHEN o.error IS NULL THEN now() END),
              last_error = o.error, claimed_by = NULL, lease_until = NULL
            FROM unnest(CAST(? AS bigint[]), CAST(? AS text[])) AS o(id, error)
            WHERE d.message_id = o.id AND d.channel = ?""";

    @Inject
    EntityManager em;

    /**
     * Claims up to {@code limit} undelivered messages for {@code lease}: first those not queued in bulk,
     * oldest first, then those queued in bulk for the channel (and earlier failures), oldest first.
     */
    public List<Notification> claim(String channel, Instant since, String inboxLink, int limit, String replica,
            Duration lease) {
        List<Notification> claimed = new ArrayList<>(claim(CLAIM_UNQUEUED, channel, since, inboxLink, limit, replica,
                lease));
        if (claimed.size() < limit) {
            claimed.addAll(claim(CLAIM_QUEUED, channel, since, inboxLink, limit - claimed.size(), replica, lease));
        }
        return claimed;
    }

    private List<Notification> claim(String sql, String channel, Instant since, String inboxLink, int limit,
            String replica, Duration lease) {
        List<Object[]> rows = em.createNativeQuery(sql.formatted(MAX_ATTEMPTS, EXPIRED, NOTIFICATIONS) + " ORDER BY m.at, m.id",
                Object[].class).setParameter(1, since).setParameter(2, channel).setParameter(3, limit)
                .setParameter(4, replica).setParameter(5, lease.toMillis()).getResultList();
        return rows.stream().map(r -> new Notification(((Number) r[0]).longValue(), (String) r[1], (String) r[2],
                (String) r[3], r[1] == null ? null : inboxLink, SqlValues.instant(r[4]))).toList();
    }

    /**
     * Ends the claims of a batch, in one statement.
     *
     * @param claimed the batch's message ids
     * @param failed those of them not delivered, with why; every other one was delivered
     */
    public void recordAll(String channel, List<Long> claimed, Map<Long, String> failed) {
        if (claimed.isEmpty()) {
            return;
        }
        Object[] errors = claimed.stream().map(id -> failed.containsKey(id) ? why(failed.get(id)) : null).toArray();
        em.unwrap(Session.class).doWork(c -> {
            try (PreparedStatement st = c.prepareStatement(RECORD)) {
                st.setArray(1, c.createArrayOf("bigint", claimed.toArray()));
                st.setArray(2, c.createArrayOf("text", errors));
                st.setString(3, channel);
                st.executeUpdate();
            }
        });
    }

    private static String why(String error) {
        String e = error == null || error.isBlank() ? "not delivered" : error;
        return e.substring(0, Math.min(500, e.length()));
    }
}
