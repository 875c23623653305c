package io.mingjing.platform.consultation;

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
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

/** 码上协商: one village matter from its topic to its resolution. */
@Entity
@Table(name = "consultation")
public class Consultation extends PanacheEntityBase {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;

    public String village;

    public String town;

    public String title;

    public String body;

    /** What the ballot offers, in order; a ballot holds the chosen index. */
    @JdbcTypeCode(SqlTypes.JSON)
    public List<String> options = new ArrayList<>();

    @Enumerated(EnumType.STRING)
    public ConsultationState state;

    @Column(name = "raised_by")
    public String raisedBy;

    @Column(name = "raiser_user_id")
    public String raiserUserId;

    @Column(name = "by_residents")
    public boolean byResidents;

    @Column(name = "supporters_needed")
    public int supportersNeeded;

    @Column(name = "created_at")
    public Instant createdAt;

    @Column(name = "voting_from")
    public Instant votingFrom;

    @Column(name = "voting_until")
    public Instant votingUntil;

    /** The county's quorum and threshold when the vote opened: a later change of settings does not move them. */
    @Column(name = "quorum_percent")
    public Integer quorumPercent;

    @Column(name = "pass_percent")
    public Integer passPercent;

    @JdbcTypeCode(SqlTypes.JSON)
    public Map<String, Object> result;

    public String resolution;

    @Column(name = "resolved_at")
    public Instant resolvedAt;

    @Column(name = "task_id")
    public Long taskId;

    @Column(name = "disclosure_id")
    public Long disclosureId;
}
