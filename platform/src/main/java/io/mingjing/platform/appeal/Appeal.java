package io.mingjing.platform.appeal;

import io.mingjing.platform.clock.SlaState;
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

/** A case: suggestion, complaint, report or inquiry, with its place in the loop and its clock. */
@Entity
@Table(name = "appeal")
public class Appeal extends PanacheEntityBase {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;

    @Column(name = "tracking_no")
    public String trackingNo;

    @Enumerated(EnumType.STRING)
    public AppealKind kind;

    public String category;

    public String subject;

    public String body;

    public String village;

    public Double latitude;

    public Double longitude;

    @Enumerated(EnumType.STRING)
    public AppealState state;

    @Enumerated(EnumType.STRING)
    public HandlingLevel level;

    public String department;

    @Column(name = "appellant_user_id")
    public String appellantUserId;

    @Column(name = "appellant_name")
    public String appellantName;

    @Column(name = "appellant_phone")
    public String appellantPhone;

    @Column(name = "receipt_code_hash")
    public String receiptCodeHash;

    /** PORTAL, API, IN_PERSON or PHONE. */
    public String channel;

    @Column(name = "filed_by")
    public String filedBy;

    /** Usernames of staff a report names; they never handle or see the case. */
    public String accused;

    @Column(name = "payment_ref")
    public String paymentRef;

    public boolean reopened;

    public Boolean satisfied;

    @Column(name = "rating_reason")
    public String ratingReason;

    public String reply;

    @Enumerated(EnumType.STRING)
    public SlaState sla;

    @Column(name = "step_started_at")
    public Instant stepStartedAt;

    @Column(name = "yellow_at")
    public Instant yellowAt;

    @Column(name = "due_at")
    public Instant dueAt;

    public int escalations;

    public boolean supervised;

    @Column(name = "supervision_reason")
    public String supervisionReason;

    @Column(name = "idempotency_key")
    public String idempotencyKey;

    @Column(name = "request_digest")
    public String requestDigest;

    @Column(name = "receipt_hash")
    public String receiptHash;

    @Column(name = "created_at")
    public Instant createdAt;

    @Column(name = "closed_at")
    public Instant closedAt;

    public boolean names(String username) {
        if (accused == null || username == null) {
            return false;
        }
        for (String name : accused.split(",")) {
            if (name.strip().equalsIgnoreCase(username)) {
                return true;
            }
        }
        return false;
    }

    /**
     * Where the appellant's messages go: their user id, or {@code tel:<phone>} for someone staff filed
     * for who has no account (channels reach them by SMS; no inbox shows it), or null (anonymous).
     */
    public String appellantAddress() {
        return appellantUserId != null ? appellantUserId : appellantPhone != null ? "tel:" + appellantPhone : null;
    }
}
