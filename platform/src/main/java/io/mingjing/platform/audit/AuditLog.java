package io.mingjing.platform.audit;

import io.mingjing.platform.tenancy.CurrentTenant;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Status;
import jakarta.transaction.Synchronization;
import jakarta.transaction.Transactional;
import jakarta.transaction.TransactionSynchronizationRegistry;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;
import org.hibernate.Session;
import org.hibernate.engine.spi.SharedSessionContractImplementor;
import org.hibernate.engine.spi.TransactionCompletionCallbacks.BeforeCompletionCallback;

/**
 * Appends to the current county's hash chains, in the caller's transaction: the entry commits with
 * the write it describes, or neither does.
 *
 * <p>An entry is written unlinked as the transaction completes and linked into its chain just after
 * the commit ({@link AuditLinks}): linking locks the chain's head, and a head locked up to a commit
 * held every county write behind the slowest one's disk flush. A caller that must hand out the hash
 * before the commit (a receipt, a stored audit hash) asks for a {@link #receipt}, as the last thing it
 * does: that one entry holds the head to the commit.
 */
@ApplicationScoped
public class AuditLog {

    @Inject
    EntityManager em;
    @Inject
    TransactionSynchronizationRegistry transactions;
    @Inject
    CurrentTenant county;
    @Inject
    AuditLinks links;

    /** One write to record; the payload is the written content (JSON, CSV …), of which only its SHA-256 is kept. */
    public record Draft(String actor, String action, String entity, String entityId, byte[] payload) {
    }

    /**
     * Whether the public chain already records {@code action} over exactly these bytes: a county file
     * (descriptor, demo seed) applied before is not applied, nor audited, again.
     */
    public boolean records(String action, byte[] payload) {
        return !em.createNativeQuery("SELECT 1 FROM audit_entry WHERE action = ?1 AND payload_digest = ?2 UNION ALL "
                + "SELECT 1 FROM audit_unlinked WHERE chain = 1 AND action = ?1 AND payload_digest = ?2 LIMIT 1")
                .setParameter(1, action).setParameter(2, AuditRecord.sha256(payload)).getResultList().isEmpty();
    }

    /** Records a write on the public chain, linked just after the commit. */
    @Transactional(Transactional.TxType.MANDATORY)
    public void append(String actor, String action, String entity, String entityId, byte[] payload) {
        append(Chain.PUBLIC, actor, action, entity, entityId, payload);
    }

    @Transactional(Transactional.TxType.MANDATORY)
    public void append(Chain chain, String actor, String action, String entity, String entityId, byte[] payload) {
        appendAll(chain, List.of(new Draft(actor, action, entity, entityId, payload)));
    }

    /** Records writes in order, linked just after the commit (the time-limit sweep writes hundreds). */
    @Transactional(Transactional.TxType.MANDATORY)
    public void appendAll(Chain chain, List<Draft> drafts) {
        if (!drafts.isEmpty()) {
            pending().get(chain).addAll(drafts);
        }
    }

    /** @return the new entry of the public chain, whose hash is the receipt for the write */
    @Transactional(Transactional.TxType.MANDATORY)
    public AuditRecord receipt(String actor, String action, String entity, String entityId, byte[] payload) {
        return receipt(Chain.PUBLIC, actor, action, entity, entityId, payload);
    }

    /** Links the entry now: the chain stays locked from here to the commit, so call it last. */
    @Transactional(Transactional.TxType.MANDATORY)
    public AuditRecord receipt(Chain chain, String actor, String action, String entity, String entityId, byte[] payload) {
        return link(em.unwrap(Session.class), chain, List.of(new Draft(actor, action, entity, entityId, payload)))
                .getFirst();
    }

    private Map<Chain, List<Draft>> pending() {
        @SuppressWarnings("unchecked")
        Map<Chain, List<Draft>> drafts = (Map<Chain, List<Draft>>) transactions.getResource(AuditLog.class);
        if (drafts == null) {
            Map<Chain, List<Draft>> created = new EnumMap<>(Chain.class);
            for (Chain c : Chain.values()) {
                created.put(c, new ArrayList<>());
            }
            transactions.putResource(AuditLog.class, created);
            // Hibernate's own commit step: after its flush and before the commit, with the session's
            // connection still held (a JTA synchronization would come after Hibernate let it go)
            SharedSessionContractImplementor session = em.unwrap(SharedSessionContractImplementor.class);
            session.joinTransaction();
            session.getTransactionCompletionCallbacks().registerCallback((BeforeCompletionCallback) completing ->
                    ((Session) completing).doWork(c -> AuditLinks.store(c, created)));
            String tenant = county.require();
            // then, once committed, linked by this thread before it answers: a caller reads its own entry
            transactions.registerInterposedSynchronization(new Synchronization() {
                @Override
                public void beforeCompletion() {
                }

                @Override
                public void afterCompletion(int status) {
                    if (status == Status.STATUS_COMMITTED) {
                        links.linkQuietly(tenant, written(created)); // only its own chains: no transaction for the other
                    }
                }
            });
            drafts = created;
        }
        return drafts;
    }

    private static Set<Chain> written(Map<Chain, List<Draft>> drafts) {
        Set<Chain> chains = EnumSet.noneOf(Chain.class);
        drafts.forEach((chain, d) -> {
            if (!d.isEmpty()) {
                chains.add(chain);
            }
        });
        return chains;
    }

    private static List<AuditRecord> link(Session session, Chain chain, List<Draft> drafts) {
        // the transaction's pending writes go out first: under the head's lock only the chain's own
        // statements run, over JDBC (Hibernate flushes the session again before each of its queries)
        session.flush();
        Instant at = Instant.now().truncatedTo(ChronoUnit.MICROS);
        return session.doReturningWork(c -> AuditLinks.linkNow(c, chain, drafts.stream().map(d -> {
            AuditRecord e = chain.entry.get();
            e.at = at;
            e.actor = d.actor();
            e.action = d.action();
            e.entity = d.entity();
            e.entityId = d.entityId();
            e.payloadDigest = AuditEntry.sha256(d.payload());
            return e;
        }).toList()));
    }

    /** Recomputes a chain from its first entry: intact, or the first entry that breaks it. */
    @Transactional(Transactional.TxType.MANDATORY)
    public ChainVerification verify(Chain chain) {
        try (Stream<? extends AuditRecord> entries = em.createQuery("from " + chain.type.getSimpleName() + " order by seq",
                chain.type).getResultStream()) {
            return ChainVerification.of(entries.iterator(), () -> {
                Object[] head = (Object[]) em.createNativeQuery("SELECT seq, hash FROM audit_head WHERE id = ?1")
                        .setParameter(1, chain.head).getSingleResult();
                return new ChainVerification.Head(((Number) head[0]).longValue(), (String) head[1]);
            });
        }
    }
}
