package io.mingjing.platform.push;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;

/** 个性定制: one push of a notice, a policy or the sender's own words to the residents an audience chose. */
@Entity
@Table(name = "push")
public class Push extends PanacheEntityBase {

    public enum Source {
        NOTICE, POLICY, TEXT
    }

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;

    public String title;

    @Enumerated(EnumType.STRING)
    public Source source;

    @Column(name = "notice_id")
    public Long noticeId;

    @Column(name = "policy_id")
    public Long policyId;

    /** The sender's own text (source TEXT). */
    public String body;

    /** The audience as chosen, JSON. */
    public String audience;

    /** The village or town it was sent in; null for the county. */
    @Column(name = "scope_unit")
    public String scopeUnit;

    @Column(name = "sent_by")
    public String sentBy;

    @Column(name = "sender_user_id")
    public String senderUserId;

    /** How many residents it was queued for. */
    public int queued;

    /** The channels on when it was queued, {@code module/channel}, comma-separated. */
    public String channels;

    @Column(name = "idempotency_key")
    public String idempotencyKey;

    @Column(name = "request_digest")
    public String requestDigest;

    @Column(name = "created_at")
    public Instant createdAt;

    @Column(name = "audit_hash")
    public String auditHash;
}
