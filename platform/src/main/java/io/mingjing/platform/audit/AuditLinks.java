package io.mingjing.platform.audit;

import com.github.kagkarlsson.scheduler.task.helper.RecurringTask;
import com.github.kagkarlsson.scheduler.task.helper.Tasks;
import com.github.kagkarlsson.scheduler.task.schedule.FixedDelay;
import io.mingjing.platform.registry.TenantRegistry;
import io.mingjing.platform.tenancy.TenantScope;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import javax.sql.DataSource;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

/**
 * Links the entries transactions wrote unlinked ({@code audit_unlinked}) into their chains: each
 * transaction's own just after its commit, and, in a cluster job, whatever a process that died
 * between a commit and its linking left behind.
 *
 * <p>A linking takes every unlinked entry of the chain, not only its own transaction's, so writers
 * that commit together share one linking, and a linking that finds its entries gone (another took
 * them) is over. The head's lock keeps two linkings, on one replica or two, from ever linking an
 * entry twice: moving an entry out of {@code audit_unlinked} and into the chain is one transaction.
 */
@ApplicationScoped
public class AuditLinks {

    private static final Logger LOG = Logger.getLogger(AuditLinks.class);
    static final int BATCH = 5000;

    @Inject
    TenantScope scope;
    @Inject
    @io.quarkus.agroal.DataSource("audit-links")
    DataSource links;
    @Inject
    TenantRegistry registry;
    @ConfigProperty(name = "mingjing.audit.link-sweep-every", defaultValue = "10s")
    Duration every;

    @Produces
    RecurringTask<Void> unlinkedEntries() {
        return Tasks.recurring("audit-links", FixedDelay.of(every))
                .execute((instance, context) -> registry.serving()
                        .forEach(county -> linkQuietly(county, EnumSet.allOf(Chain.class))));
    }

    /**
     * Links what is unlinked in these chains; a failure is logged and left to the cluster job, never raised
     * to a committed caller.
     */
    void linkQuietly(String county, Set<Chain> chains) {
        try {
            link(county, chains);
        } catch (SQLException | RuntimeException e) {
            LOG.warnf("linking the audit entries of county %s failed (the next sweep tries again): %s", county,
                    e.getMessage());
        }
    }

    /** @return how many entries of the county's chains it linked */
    public int link(String county) throws SQLException {
        return link(county, EnumSet.allOf(Chain.class));
    }

    private int link(String county, Set<Chain> chains) throws SQLException {
        int linked = 0;
        for (Chain chain : chains) { // one transaction a chain: a receipt may hold either head
            int n;
            do {
                n = scope.jdbc(county, links, c -> linkBatch(c, chain));
                linked += n;
            } while (n == BATCH);
        }
        return linked;
    }

    private static int linkBatch(Connection c, Chain chain) throws SQLException {
        try (PreparedStatement any = c.prepareStatement("SELECT EXISTS (SELECT 1 FROM audit_unlinked WHERE chain = ?)")) {
            any.setInt(1, chain.head);
            try (ResultSet rs = any.executeQuery()) {
                rs.next();
                if (!rs.getBoolean(1)) {
                    return 0; // and no lock on the head
                }
            }
        }
        // Lost in a crash, a linking is lost whole: its entries are still unlinked, and the next one links
        // them. The writes they record were flushed with their own commits.
        try (PreparedStatement lazy = c.prepareStatement(TenantScope.REDOABLE)) {
            lazy.execute();
        }
        Head head = Head.lock(c, chain);
        List<AuditRecord> entries = new ArrayList<>();
        try (PreparedStatement take = c.prepareStatement("WITH taken AS (DELETE FROM audit_unlinked WHERE id IN "
                + "(SELECT id FROM audit_unlinked WHERE chain = ? ORDER BY id LIMIT ?) RETURNING *) SELECT at, actor, "
                + "action, entity, entity_id, payload_digest FROM taken ORDER BY id")) {
            take.setInt(1, chain.head);
            take.setInt(2, BATCH);
            try (ResultSet rs = take.executeQuery()) {
                while (rs.next()) {
                    entries.add(read(chain.entry.get(), rs, 1));
                }
            }
        }
        head.append(c, entries);
        return entries.size();
    }

    /** Reads an entry's own fields (at, actor, action, entity, entity_id, payload_digest) from column {@code first} on. */
    static AuditRecord read(AuditRecord e, ResultSet rs, int first) throws SQLException {
        e.at = rs.getObject(first, OffsetDateTime.class).toInstant();
        e.actor = rs.getString(first + 1);
        e.action = rs.getString(first + 2);
        e.entity = rs.getString(first + 3);
        e.entityId = rs.getString(first + 4);
        e.payloadDigest = rs.getString(first + 5);
        return e;
    }

    /** A transaction's drafts, unlinked, in its own commit (Hibernate's before-completion step). */
    static void store(Connection c, Map<Chain, List<AuditLog.Draft>> drafts) throws SQLException {
        Instant at = Instant.now().truncatedTo(ChronoUnit.MICROS);
        try (PreparedStatement insert = c.prepareStatement("INSERT INTO audit_unlinked (chain, at, actor, action, "
                + "entity, entity_id, payload_digest) VALUES (?, ?, ?, ?, ?, ?, ?)")) {
            for (Map.Entry<Chain, List<AuditLog.Draft>> e : drafts.entrySet()) {
                for (AuditLog.Draft d : e.getValue()) {
                    insert.setInt(1, e.getKey().head);
                    insert.setObject(2, at.atOffset(ZoneOffset.UTC));
                    insert.setString(3, d.actor());
                    insert.setString(4, d.action());
                    insert.setString(5, d.entity());
                    insert.setString(6, d.entityId());
                    insert.setString(7, AuditRecord.sha256(d.payload()));
                    insert.addBatch();
                }
            }
            insert.executeBatch();
        }
    }

    /** Links entries now, in the caller's transaction: the head stays locked to its commit. */
    static List<AuditRecord> linkNow(Connection c, Chain chain, List<AuditRecord> entries) throws SQLException {
        Head.lock(c, chain).append(c, entries);
        return entries;
    }

    /** A chain's head, locked: appenders take turns, so the chain never forks. */
    private static final class Head {
        private final Chain chain;
        private long seq;
        private String hash;

        private Head(Chain chain, long seq, String hash) {
            this.chain = chain;
            this.seq = seq;
            this.hash = hash;
        }

        static Head lock(Connection c, Chain chain) throws SQLException {
            try (PreparedStatement head = c.prepareStatement("SELECT seq, hash FROM audit_head WHERE id = ? FOR UPDATE")) {
                head.setInt(1, chain.head);
                try (ResultSet rs = head.executeQuery()) {
                    rs.next();
                    return new Head(chain, rs.getLong(1), rs.getString(2));
                }
            }
        }

        void append(Connection c, List<AuditRecord> entries) throws SQLException {
            if (entries.isEmpty()) {
                return;
            }
            try (PreparedStatement insert = c.prepareStatement("INSERT INTO " + chain.table + " (seq, prev_hash, at, "
                    + "actor, action, entity, entity_id, payload_digest, hash) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)")) {
                for (AuditRecord e : entries) {
                    e.seq = ++seq;
                    e.prevHash = hash;
                    e.hash = e.computeHash();
                    hash = e.hash;
                    insert.setLong(1, e.seq);
                    insert.setString(2, e.prevHash);
                    insert.setObject(3, e.at.atOffset(ZoneOffset.UTC));
                    insert.setString(4, e.actor);
                    insert.setString(5, e.action);
                    insert.setString(6, e.entity);
                    insert.setString(7, e.entityId);
                    insert.setString(8, e.payloadDigest);
                    insert.setString(9, e.hash);
                    insert.addBatch();
                }
                insert.executeBatch();
            }
            try (PreparedStatement move = c.prepareStatement("UPDATE audit_head SET seq = ?, hash = ? WHERE id = ?")) {
                move.setLong(1, seq);
                move.setString(2, hash);
                move.setInt(3, chain.head);
                move.executeUpdate();
            }
        }
    }
}
