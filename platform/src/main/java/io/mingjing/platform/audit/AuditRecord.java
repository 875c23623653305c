package io.mingjing.platform.audit;

import io.mingjing.platform.secure.Digests;
import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Id;
import jakarta.persistence.MappedSuperclass;
import java.nio.charset.StandardCharsets;
import java.time.Instant;

/** One write in a county, chained to the previous one of its chain by SHA-256 (操作留痕). */
@MappedSuperclass
public abstract class AuditRecord extends PanacheEntityBase {

    public static final String GENESIS = "0".repeat(64);

    @Id
    public long seq;

    public Instant at;

    public String actor;

    public String action;

    public String entity;

    @Column(name = "entity_id")
    public String entityId;

    @Column(name = "payload_digest")
    public String payloadDigest;

    @Column(name = "prev_hash")
    public String prevHash;

    public String hash;

    /** The hash this entry must carry: anyone can recompute it from the visible fields. */
    public String computeHash() {
        return sha256(String.join("\n", prevHash, Long.toString(seq), at.toString(), actor, action, entity,
                entityId == null ? "" : entityId, payloadDigest));
    }

    public static String sha256(String text) {
        return sha256(text.getBytes(StandardCharsets.UTF_8));
    }

    public static String sha256(byte[] bytes) {
        return Digests.sha256Hex(bytes);
    }
}
