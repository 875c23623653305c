package io.mingjing.platform.audit;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.time.temporal.ChronoUnit;

/**
 * Appends to the current county's hash chain, in the caller's transaction: the entry commits with
 * the write it describes, or neither does.
 */
@ApplicationScoped
public class AuditLog {

    @Inject
    EntityManager em;

    /** One write to record; the payload is the written content (JSON, CSV …), of which only its SHA-256 is kept. */
    public record Draft(String actor, String action, String entity, String entityId, byte[] payload) {
    }

    /** @return the new entry, whose hash is the receipt for the write */
    @Transactional(Transactional.TxType.MANDATORY)
    public AuditEntry append(String actor, String action, String entity, String entityId, byte[] payload) {
        return appendAll(List.of(new Draft(actor, action, entity, entityId, payload))).getFirst();
    }

    /** Appends in order, reading and moving the chain's head once (the time-limit sweep writes hundreds). */
    @Transactional(Transactional.TxType.MANDATORY)
    public List<AuditEntry> appendAll(List<Draft> drafts) {
        if (drafts.isEmpty()) {
            return List.of(); // and no lock on the chain's head
        }
        // Locking the head row serialises appenders, so the chain never forks; the caller's pending writes
        // go out first, so the lock is held only for the entries, the head and the commit.
        em.flush();
        Object[] head = (Object[]) em.createNativeQuery("SELECT seq, hash FROM audit_head WHERE id = 1 FOR UPDATE")
                .getSingleResult();
        long seq = ((Number) head[0]).longValue();
        String prev = (String) head[1];
        Instant at = Instant.now().truncatedTo(ChronoUnit.MICROS);
        List<AuditEntry> entries = new ArrayList<>(drafts.size());
        for (Draft d : drafts) {
            AuditEntry e = new AuditEntry();
            e.seq = ++seq;
            e.prevHash = prev;
            e.at = at;
            e.actor = d.actor();
            e.action = d.action();
            e.entity = d.entity();
            e.entityId = d.entityId();
            e.payloadDigest = AuditEntry.sha256(d.payload());
            e.hash = e.computeHash();
            em.persist(e);
            prev = e.hash;
            entries.add(e);
        }
        em.createNativeQuery("UPDATE audit_head SET seq = ?1, hash = ?2 WHERE id = 1")
                .setParameter(1, seq).setParameter(2, prev).executeUpdate();
        return entries;
    }
}
