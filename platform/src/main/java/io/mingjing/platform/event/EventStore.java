package io.mingjing.platform.event;

import io.mingjing.platform.sql.SqlValues;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import java.sql.PreparedStatement;
import java.time.Duration;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import org.hibernate.Session;

/**
 * The current county's deliveries: claiming the next events of each entity for a short lease,
 * noting what became of them, and resetting dead ones. Callers run inside the county's transaction.
 *
 * <p>Claims are safe on any number of replicas at once: a claim locks its rows with
 * {@code FOR UPDATE SKIP LOCKED} and commits a lease (a later {@code next_attempt_at}) before anyone
 * calls a listener, so no two replicas hold one delivery. A replica that dies with a claim leaves it to
 * expire, and another replica delivers it again — at least once; the event id lets the listener dedupe.
 */
@ApplicationScoped
public class EventStore {

    /** One claimed delivery: the module and the event it gets. */
    public record Claim(String module, int attempts, long eventId, String name, String source, String entity,
            String entityId, String payload, int version, Instant occurredAt) {

        /** The run of deliveries this one belongs to: one module, one entity. */
        public String run() {
            return module + "/" + entity + ":" + entityId;
        }
    }

    /**
     * What became of a claim: {@code error} null when the listener took it; {@code released} when it was
     * not tried because an earlier event of its entity failed (the attempt does not count).
     */
    public record Outcome(String module, long eventId, String error, boolean released) {

        public static Outcome delivered(Claim c) {
            return new Outcome(c.module(), c.eventId(), null, false);
        }

        public static Outcome failed(Claim c, String error) {
            return new Outcome(c.module(), c.eventId(), error, false);
        }

        public static Outcome released(Claim c) {
            return new Outcome(c.module(), c.eventId(), null, true);
        }
    }

    // A claim takes the first open delivery of each (module, entity) that is due, locked so that no
    // other replica claims it meanwhile, and with it that entity's following open deliveries: holding
    // the head is what lets a claimer deliver a run of one entity's events in order. A failing event
    // holds back its entity's later events until it is delivered or dead.
    /**
     * How much of the oldest backlog a claim looks at for entities' first events. A prefix in event-id
     * order holds every older event of each entity in it, so its heads are true heads; reading only the
     * prefix keeps a claim's cost flat however long the backlog grows (reading all of it made each claim
     * slower as deliveries fell behind, so the backlog fed itself). The price: while this many of the
     * oldest deliveries all wait out a retry pause, newer entities wait with them.
     */
    static final int WINDOW = 5000;

    private static final String CLAIM = """
            WITH backlog AS (
              SELECT module, entity_key, event_id FROM event_delivery
              WHERE module = ANY (string_to_array(?1, ',')) AND delivered_at IS NULL AND NOT dead
              ORDER BY event_id LIMIT ?4),
            heads AS (
              SELECT DISTINCT ON (module, entity_key) module, entity_key, event_id FROM backlog
              ORDER BY module, entity_key, event_id),
            locked AS (
              SELECT d.module, d.entity_key, d.event_id FROM event_delivery d
              JOIN heads h ON h.module = d.module AND h.event_id = d.event_id
              WHERE d.next_attempt_at <= now() AND d.delivered_at IS NULL AND NOT d.dead
              ORDER BY d.event_id LIMIT ?2 FOR UPDATE OF d SKIP LOCKED),
            c AS (
              SELECT d.module, d.event_id FROM event_delivery d
              JOIN locked l ON l.module = d.module AND l.entity_key = d.entity_key
              WHERE d.event_id >= l.event_id AND d.delivered_at IS NULL AND NOT d.dead
              ORDER BY d.event_id LIMIT ?2 FOR UPDATE OF d)
            UPDATE event_delivery d SET attempts = d.attempts + 1,
              next_attempt_at = now() + ?3 * interval '1 millisecond'
            FROM c, domain_event e WHERE d.module = c.module AND d.event_id = c.event_id AND e.id = d.event_id
            RETURNING d.module, d.attempts, e.id, e.name, e.source, e.entity, e.entity_id, e.payload::text, e.version,
              e.occurred_at""";

    // Guarded by delivered_at, so a late or repeated outcome never undoes a delivery.
    private static final String DELIVERED = """
            UPDATE event_delivery SET delivered_at = now(), last_error = NULL
            WHERE module = ? AND event_id = ? AND delivered_at IS NULL""";
    private static final String RELEASED = """
            UPDATE event_delivery SET attempts = attempts - 1, next_attempt_at = now()
            WHERE module = ? AND event_id = ? AND delivered_at IS NULL""";
    private static final String FAILED = """
            UPDATE event_delivery SET last_error = ?, dead = attempts >= ?,
              next_attempt_at = now() + LEAST(?, ? * power(2, attempts - 1)) * interval '1 millisecond'
            WHERE module = ? AND event_id = ? AND delivered_at IS NULL""";

    @Inject
    EntityManager em;

    /** @return the claims, oldest event first */
    @Transactional(Transactional.TxType.MANDATORY)
    public List<Claim> claim(List<String> modules, int limit, Duration lease) {
        if (modules.isEmpty()) {
            return List.of();
        }
        List<Object[]> rows = em.createNativeQuery(CLAIM, Object[].class).setParameter(1, String.join(",", modules))
                .setParameter(2, limit).setParameter(3, lease.toMillis()).setParameter(4, WINDOW).getResultList();
        return rows.stream().map(r -> new Claim((String) r[0], ((Number) r[1]).intValue(), ((Number) r[2]).longValue(),
                (String) r[3], (String) r[4], (String) r[5], (String) r[6], (String) r[7], ((Number) r[8]).intValue(),
                SqlValues.instant(r[9]))).sorted(Comparator.comparingLong(Claim::eventId)).toList();
    }

    /** @param backoff the pause after the first failure, doubled after each further one up to {@code maxPause} */
    @Transactional(Transactional.TxType.MANDATORY)
    public void record(List<Outcome> outcomes, int maxAttempts, Duration backoff, Duration maxPause) {
        em.unwrap(Session.class).doWork(c -> {
            try (PreparedStatement ok = c.prepareStatement(DELIVERED); PreparedStatement bad = c.prepareStatement(FAILED);
                    PreparedStatement back = c.prepareStatement(RELEASED)) {
                for (Outcome o : outcomes) {
                    if (o.released()) {
                        back.setString(1, o.module());
                        back.setLong(2, o.eventId());
                        back.addBatch();
                    } else if (o.error() == null) {
                        ok.setString(1, o.module());
                        ok.setLong(2, o.eventId());
                        ok.addBatch();
                    } else {
                        bad.setString(1, o.error().substring(0, Math.min(500, o.error().length())));
                        bad.setInt(2, maxAttempts);
                        bad.setLong(3, maxPause.toMillis());
                        bad.setLong(4, backoff.toMillis());
                        bad.setString(5, o.module());
                        bad.setLong(6, o.eventId());
                        bad.addBatch();
                    }
                }
                ok.executeBatch();
                bad.executeBatch();
                back.executeBatch();
            }
        });
    }

    /**
     * Gives dead deliveries of an event a fresh start (all its modules', or one's); the last error stays to be read.
     *
     * @return how many were reset
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public int replay(long eventId, String module) {
        return em.createNativeQuery("""
                UPDATE event_delivery SET dead = false, attempts = 0, next_attempt_at = now()
                WHERE event_id = ?1 AND dead AND (?2 = '' OR module = ?2)""")
                .setParameter(1, eventId).setParameter(2, module == null ? "" : module).executeUpdate();
    }
}
