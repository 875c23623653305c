package io.mingjing.platform.inbox;

import io.mingjing.platform.sql.SqlValues;
import io.mingjing.sdk.Notification;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.time.Instant;
import java.util.List;

/**
 * The current county's messages to persons that a notification channel has yet to deliver, and what
 * became of each attempt. Callers run inside the county's {@code TenantScope}.
 */
@ApplicationScoped
public class ChannelOutbox {

    public static final int MAX_ATTEMPTS = 5;

    @Inject
    EntityManager em;

    /** Oldest first. */
    public List<Notification> pending(String channel, Instant since, String inboxLink, int limit) {
        List<Object[]> rows = em.createNativeQuery("""
                SELECT m.id, CASE WHEN m.recipient NOT LIKE 'tel:%' THEN m.recipient END,
                  COALESCE(r.phone, substring(m.recipient FROM '^tel:(.*)$')), m.text, m.at
                FROM inbox_message m
                LEFT JOIN resident r ON r.user_id = m.recipient
                WHERE m.to_person AND m.at > ?1 AND NOT EXISTS (SELECT 1 FROM inbox_delivery d
                  WHERE d.message_id = m.id AND d.channel = ?2 AND (d.delivered_at IS NOT NULL OR d.attempts >= ?3))
                ORDER BY m.at, m.id LIMIT ?4""", Object[].class).setParameter(1, since).setParameter(2, channel)
                .setParameter(3, MAX_ATTEMPTS).setParameter(4, limit).getResultList();
        return rows.stream().map(r -> new Notification(((Number) r[0]).longValue(), (String) r[1], (String) r[2],
                (String) r[3], r[1] == null ? null : inboxLink, SqlValues.instant(r[4]))).toList();
    }

    /** @param error null when delivered */
    public void record(long messageId, String channel, String error) {
        em.createNativeQuery("""
                INSERT INTO inbox_delivery (message_id, channel, attempts, delivered_at, last_error)
                VALUES (?1, ?2, 1, CASE WHEN ?3 THEN now() END, NULLIF(?4, ''))
                ON CONFLICT (message_id, channel) DO UPDATE SET attempts = inbox_delivery.attempts + 1,
                  delivered_at = excluded.delivered_at, last_error = excluded.last_error""")
                .setParameter(1, messageId).setParameter(2, channel).setParameter(3, error == null)
                .setParameter(4, error == null ? "" : error.substring(0, Math.min(500, error.length())))
                .executeUpdate();
    }
}
