package io.mingjing.platform.audit;

import io.mingjing.platform.problem.ProblemException;
import io.mingjing.platform.tenancy.TenantScope;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import javax.sql.DataSource;
import org.jboss.logging.Logger;

/**
 * The province's own chain (省级操作留痕, {@code platform.audit_entry}): every operator action, hashed as a
 * county's public chain is. A county's chain records what was done to that county; only this one holds what
 * reached none, such as a plugin installed before any county enables it, or an onboarding that failed before
 * the county had a schema.
 *
 * <p>Operator actions are few and slow (a schema, a realm, a jar): each entry is linked at once, in a
 * transaction of its own, before the action is answered.
 */
@ApplicationScoped
public class ProvinceLog {

    private static final Logger LOG = Logger.getLogger(ProvinceLog.class);
    private static final String COLUMNS = "seq, at, actor, action, entity, entity_id, payload_digest, prev_hash, hash";

    /** One entry: anyone holding it can recompute its hash from the fields beside it. */
    public record Entry(long seq, Instant at, String actor, String action, String entity, String entityId,
            String payloadDigest, String prevHash, String hash) {
        static Entry of(AuditRecord e) {
            return new Entry(e.seq, e.at, e.actor, e.action, e.entity, e.entityId, e.payloadDigest, e.prevHash, e.hash);
        }
    }

    @Inject
    @io.quarkus.agroal.DataSource("audit-links")
    DataSource pool;

    /**
     * Records an operator's action; the payload is what it acted with (a jar, a description), of which
     * only its SHA-256 is kept.
     */
    public void append(String actor, String action, String entity, String entityId, byte[] payload) {
        AuditEntry e = new AuditEntry();
        e.at = Instant.now().truncatedTo(ChronoUnit.MICROS);
        e.actor = actor;
        e.action = action;
        e.entity = entity;
        e.entityId = entityId;
        e.payloadDigest = AuditRecord.sha256(payload);
        try {
            TenantScope.jdbcPlatform(pool, c -> AuditLinks.linkNow(c, Chain.PUBLIC, List.of(e)));
        } catch (SQLException ex) {
            LOG.errorf("the province's audit chain refused %s %s %s: %s", actor, action, entityId, ex.getMessage());
            throw ProblemException.unavailable("The action was carried out but could not be recorded in the "
                    + "province's audit chain; do it again once the database answers.", 10);
        }
    }

    /** The newest entries first, before {@code before} (a seq) when given. */
    public List<Entry> recent(Long before, int limit) throws SQLException {
        return TenantScope.jdbcPlatform(pool, c -> {
            try (PreparedStatement q = c.prepareStatement("SELECT " + COLUMNS + " FROM audit_entry WHERE seq < ? "
                    + "ORDER BY seq DESC LIMIT ?")) {
                q.setLong(1, before == null ? Long.MAX_VALUE : before);
                q.setInt(2, limit);
                return entries(q).stream().map(Entry::of).toList();
            }
        });
    }

    /** Recomputes the province's chain from its first entry. */
    public ChainVerification verify() throws SQLException {
        return TenantScope.jdbcPlatform(pool, c -> {
            List<AuditRecord> entries;
            try (PreparedStatement q = c.prepareStatement("SELECT " + COLUMNS + " FROM audit_entry ORDER BY seq")) {
                entries = entries(q);
            }
            ChainVerification.Head head = head(c); // after the entries, as the check expects
            return ChainVerification.of(entries.iterator(), () -> head);
        });
    }

    private static ChainVerification.Head head(Connection c) throws SQLException {
        try (PreparedStatement q = c.prepareStatement("SELECT seq, hash FROM audit_head WHERE id = ?")) {
            q.setInt(1, Chain.PUBLIC.head);
            try (ResultSet rs = q.executeQuery()) {
                rs.next();
                return new ChainVerification.Head(rs.getLong(1), rs.getString(2));
            }
        }
    }

    private static List<AuditRecord> entries(PreparedStatement q) throws SQLException {
        List<AuditRecord> entries = new ArrayList<>();
        try (ResultSet rs = q.executeQuery()) {
            while (rs.next()) {
                AuditRecord e = AuditLinks.read(new AuditEntry(), rs, 2);
                e.seq = rs.getLong(1);
                e.prevHash = rs.getString(8);
                e.hash = rs.getString(9);
                entries.add(e);
            }
        }
        return entries;
    }
}
