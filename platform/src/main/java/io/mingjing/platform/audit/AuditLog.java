package io.mingjing.platform.audit;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import jakarta.transaction.TransactionSynchronizationRegistry;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.time.temporal.ChronoUnit;
import java.util.Iterator;
import java.util.stream.Stream;
import org.hibernate.Session;
import org.hibernate.engine.spi.SharedSessionContractImplementor;
import org.hibernate.engine.spi.TransactionCompletionCallbacks.BeforeCompletionCallback;

/**
 * Appends to the current county's hash chains, in the caller's transaction: the entry commits with
 * the write it describes, or neither does.
 *
 * <p>Entries are linked into their chain as the transaction completes, not when they are written:
 * linking locks the chain's head until the commit, and a lock taken mid-transaction made every
 * county write wait for the slowest one before it. A caller that must hand out the hash before the
 * commit (a receipt, a stored audit hash) asks for a {@link #receipt}, as the last thing it does.
 */
@ApplicationScoped
public class AuditLog {

    @Inject
    EntityManager em;
    @Inject
    TransactionSynchronizationRegistry transactions;

    /** One write to record; the payload is the written content (JSON, CSV …), of which only its SHA-256 is kept. */
    public record Draft(String actor, String action, String entity, String entityId, byte[] payload) {
    }

    /**
     * Whether the public chain already records {@code action} over exactly these bytes: a county file
     * (descriptor, demo seed) applied before is not applied, nor audited, again.
     */
    public boolean records(String action, byte[] payload) {
        return AuditEntry.count("action = ?1 and payloadDigest = ?2", action, AuditRecord.sha256(payload)) > 0;
    }

    /** Records a write on the public chain, linked at the commit. */
    @Transactional(Transactional.TxType.MANDATORY)
    public void append(String actor, String action, String entity, String entityId, byte[] payload) {
        append(Chain.PUBLIC, actor, action, entity, entityId, payload);
    }

    @Transactional(Transactional.TxType.MANDATORY)
    public void append(Chain chain, String actor, String action, String entity, String entityId, byte[] payload) {
        appendAll(chain, List.of(new Draft(actor, action, entity, entityId, payload)));
    }

    /** Records writes in order, linked at the commit (the time-limit sweep writes hundreds). */
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
            session.getTransactionCompletionCallbacks().registerCallback((BeforeCompletionCallback) completing -> {
                Session s = (Session) completing;
                // chains in one order in every transaction, so two never wait on each other's head
                created.forEach((chain, written) -> link(s, chain, written));
            });
            drafts = created;
        }
        return drafts;
    }

    private static List<AuditRecord> link(Session session, Chain chain, List<Draft> drafts) {
        if (drafts.isEmpty()) {
            return List.of(); // and no lock on the chain's head
        }
        // Locking the head row serialises appenders, so the chain never forks. The transaction's pending
        // writes go out first, and under the lock only the chain's own statements run, over JDBC: Hibernate
        // would flush the session again before each of its queries, and the writes it found dirty (and their
        // triggers) would hold the head for every other writer of the county.
        session.flush();
        List<AuditRecord> entries = new ArrayList<>(drafts.size());
        session.doWork(c -> {
            long seq;
            String prev;
            try (PreparedStatement head = c.prepareStatement("SELECT seq, hash FROM audit_head WHERE id = ? FOR UPDATE")) {
                head.setInt(1, chain.head);
                try (ResultSet rs = head.executeQuery()) {
                    rs.next();
                    seq = rs.getLong(1);
                    prev = rs.getString(2);
                }
            }
            Instant at = Instant.now().truncatedTo(ChronoUnit.MICROS);
            try (PreparedStatement insert = c.prepareStatement("INSERT INTO " + chain.table + " (seq, prev_hash, at, "
                    + "actor, action, entity, entity_id, payload_digest, hash) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)")) {
                for (Draft d : drafts) {
                    AuditRecord e = chain.entry.get();
                    e.seq = ++seq;
                    e.prevHash = prev;
                    e.at = at;
                    e.actor = d.actor();
                    e.action = d.action();
                    e.entity = d.entity();
                    e.entityId = d.entityId();
                    e.payloadDigest = AuditEntry.sha256(d.payload());
                    e.hash = e.computeHash();
                    bind(insert, e);
                    insert.addBatch();
                    prev = e.hash;
                    entries.add(e);
                }
                insert.executeBatch();
            }
            try (PreparedStatement move = c.prepareStatement("UPDATE audit_head SET seq = ?, hash = ? WHERE id = ?")) {
                move.setLong(1, seq);
                move.setString(2, prev);
                move.setInt(3, chain.head);
                move.executeUpdate();
            }
        });
        return entries;
    }

    private static void bind(PreparedStatement insert, AuditRecord e) throws SQLException {
        insert.setLong(1, e.seq);
        insert.setString(2, e.prevHash);
        insert.setObject(3, e.at.atOffset(ZoneOffset.UTC));
        insert.setString(4, e.actor);
        insert.setString(5, e.action);
        insert.setString(6, e.entity);
        insert.setString(7, e.entityId);
        insert.setString(8, e.payloadDigest);
        insert.setString(9, e.hash);
    }

    /** Recomputes a chain from its first entry: intact, or the first entry that breaks it. */
    @Transactional(Transactional.TxType.MANDATORY)
    public ChainVerification verify(Chain chain) {
        String expectedPrev = AuditRecord.GENESIS;
        long count = 0;
        try (Stream<? extends AuditRecord> entries = em.createQuery("from " + chain.type.getSimpleName() + " order by seq",
                chain.type).getResultStream()) {
            for (Iterator<? extends AuditRecord> it = entries.iterator(); it.hasNext();) {
                AuditRecord e = it.next();
                count++;
                if (e.seq != count) {
                    return broken(count - 1, e, "entry " + count + " is missing");
                }
                if (!e.prevHash.equals(expectedPrev)) {
                    return broken(count - 1, e, "does not link to the previous entry");
                }
                if (!e.computeHash().equals(e.hash)) {
                    return broken(count - 1, e, "its content does not match its hash");
                }
                expectedPrev = e.hash;
            }
        }
        Object[] head = (Object[]) em.createNativeQuery("SELECT seq, hash FROM audit_head WHERE id = ?1")
                .setParameter(1, chain.head).getSingleResult();
        if (((Number) head[0]).longValue() != count || !expectedPrev.equals(head[1])) {
            return new ChainVerification(false, count, null, count + 1,
                    "the chain ends at entry " + count + " but its recorded head is entry " + head[0]);
        }
        return new ChainVerification(true, count, expectedPrev, null, null);
    }

    private static ChainVerification broken(long good, AuditRecord e, String reason) {
        return new ChainVerification(false, good, null, e.seq, "entry " + e.seq + " " + reason);
    }
}
