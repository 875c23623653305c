package io.mingjing.platform.inbox;

import io.mingjing.platform.sql.SqlValues;
import io.mingjing.sdk.Notification;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

/**
 * The current county's messages to persons that a notification channel has yet to deliver, and what
 * became of each attempt. Callers run inside the county's {@code TenantScope}.
 *
 * <p>The module is called outside any transaction, so a message is first claimed for a channel
 * (claimed_by, lease_until, committed) and its result recorded after the call. Replicas never claim
 * the same message at once; a replica that dies after claiming leaves a lease that runs out, and
 * another replica retries. A channel therefore sees a message twice only when a replica dies between
 * the module's send and the commit of its result; {@link Notification#id()} is the key that lets the
 * channel drop that repeat (at least once plus an idempotency key: effectively once).
 */
@ApplicationScoped
public class ChannelOutbox {

    public static final int MAX_ATTEMPTS = 5;

    @Inject
    EntityManager em;

    /** Claims up to {@code limit} undelivered messages, oldest first, for {@code lease}. */
    public List<Notification> claim(String channel, Instant since, String inboxLink, int limit, String replica,
            Duration lease) {
        List<Object[]> rows = em.createNativeQuery("""
                WITH candidate AS (
                  SELECT m.id FROM inbox_message m
                  WHERE m.to_person AND m.at > ?1 AND NOT EXISTS (SELECT 1 FROM inbox_delivery d
                    WHERE d.message_id = m.id AND d.channel = ?2
                      AND (d.delivered_at IS NOT NULL OR d.attempts >= ?3 OR d.lease_until > now()))
                  ORDER BY m.at, m.id LIMIT ?4
                  FOR NO KEY UPDATE OF m SKIP LOCKED),
                claimed AS (
                  INSERT INTO inbox_delivery (message_id, channel, attempts, claimed_by, lease_until)
                  SELECT id, ?2, 0, ?5, now() + ?6 * interval '1 millisecond' FROM candidate
                  ON CONFLICT (message_id, channel) DO UPDATE
                    SET claimed_by = excluded.claimed_by, lease_until = excluded.lease_until
                    WHERE inbox_delivery.delivered_at IS NULL AND inbox_delivery.attempts < ?3
                      AND (inbox_delivery.lease_until IS NULL OR inbox_delivery.lease_until <= now())
                  RETURNING message_id)
                SELECT m.id, CASE WHEN m.recipient NOT LIKE 'tel:%' THEN m.recipient END,
                  COALESCE(r.phone, substring(m.recipient FROM '^tel:(.*)$')), m.text, m.at
                FROM claimed c JOIN inbox_message m ON m.id = c.message_id
                LEFT JOIN resident r ON r.user_id = m.recipient
                ORDER BY m.at, m.id""", Object[].class).setParameter(1, since).setParameter(2, channel)
                .setParameter(3, MAX_ATTEMPTS).setParameter(4, limit).setParameter(5, replica)
                .setParameter(6, lease.toMillis()).getResultList();
        return rows.stream().map(r -> new Notification(((Number) r[0]).longValue(), (String) r[1], (String) r[2],
                (String) r[3], r[1] == null ? null : inboxLink, SqlValues.instant(r[4]))).toList();
    }

    /**
     * Ends the claim. A delivery once recorded stays recorded, even if a slower replica whose lease ran
     * out reports a failure later.
     *
     * @param error null when delivered
     */
    public void record(long messageId, String channel, String error) {
        em.createNativeQuery("""
                UPDATE inbox_delivery SET attempts = attempts + 1,
                  delivered_at = COALESCE(delivered_at, CASE WHEN ?3 THEN now() END),
                  last_error = NULLIF(?4, ''), claimed_by = NULL, lease_until = NULL
                WHERE message_id = ?1 AND channel = ?2""")
                .setParameter(1, messageId).setParameter(2, channel).setParameter(3, error == null)
                .setParameter(4, error == null ? "" : error.substring(0, Math.min(500, error.length())))
                .executeUpdate();
    }
}
