package io.mingjing.platform.audit;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import java.time.Instant;
import java.time.temporal.ChronoUnit;

/**
 * Appends to the current county's hash chain, in the caller's transaction: the entry commits with
 * the write it describes, or neither does.
 */
@ApplicationScoped
public class AuditLog {

    @Inject
    EntityManager em;

    /**
     * @param payload the written content (JSON, CSV …); only its SHA-256 is kept
     * @return the new entry, whose hash is the receipt for the write
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public AuditEntry append(String actor, String action, String entity, String entityId, byte[] payload) {
        // Locking the head row serialises appenders, so the chain never forks.
        Object[] head = (Object[]) em.createNativeQuery("SELECT seq, hash FROM audit_head WHERE id = 1 FOR UPDATE")
                .getSingleResult();
        AuditEntry e = new AuditEntry();
        e.seq = ((Number) head[0]).longValue() + 1;
        e.prevHash = (String) head[1];
        e.at = Instant.now().truncatedTo(ChronoUnit.MICROS);
        e.actor = actor;
        e.action = action;
        e.entity = entity;
        e.entityId = entityId;
        e.payloadDigest = AuditEntry.sha256(payload);
        e.hash = e.computeHash();
        em.persist(e);
        em.createNativeQuery("UPDATE audit_head SET seq = ?1, hash = ?2 WHERE id = 1")
                .setParameter(1, e.seq).setParameter(2, e.hash).executeUpdate();
        return e;
    }
}
