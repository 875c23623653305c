package io.mingjing.platform.service;

import io.mingjing.platform.clock.Deadline;
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
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

/**
 * One resident's application for a service item, from the draft through the village and the
 * departments' joint review to its result and the applicant's rating.
 */
@Entity
@Table(name = "service_application")
public class ServiceApplication extends PanacheEntityBase {

    /** Filed by the resident online, or by the village agent for them. */
    public enum Via {
        ONLINE, AGENT
    }

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;

    @Column(name = "item_code")
    public String itemCode;

    @Column(name = "item_version")
    public int itemVersion;

    public String village;

    public String town;

    @Column(name = "resident_id")
    public Long residentId;

    @Column(name = "applicant_user_id")
    public String applicantUserId;

    @Enumerated(EnumType.STRING)
    public Via via;

    @Column(name = "filed_by")
    public String filedBy;

    @Column(name = "filer_user_id")
    public String filerUserId;

    @JdbcTypeCode(SqlTypes.JSON)
    public Map<String, Object> form = new LinkedHashMap<>();

    @Enumerated(EnumType.STRING)
    public ServiceState state;

    /** The open review stage (index); -1 at the village's intake. */
    public int stage;

    /** Raised each time a stage opens: a reviewer acts on the seq they saw, or gets a 409. */
    public int seq;

    /** How many of the open stage's steps must approve. */
    public int required;

    /** 补正: the materials asked for, while the applicant gathers them. */
    @JdbcTypeCode(SqlTypes.JSON)
    public List<String> missing;

    /** The stage that asked for 补正 (it opens again), or null when none has: one request per application. */
    @Column(name = "supplement_stage")
    public Integer supplementStage;

    public Boolean granted;

    public String result;

    public Integer score;

    @Column(name = "rating_note")
    public String ratingNote;

    @Column(name = "rated_at")
    public Instant ratedAt;

    @Column(name = "created_at")
    public Instant createdAt;

    @Column(name = "updated_at")
    public Instant updatedAt;

    @Column(name = "submitted_at")
    public Instant submittedAt;

    @Column(name = "handling_started_at")
    public Instant handlingStartedAt;

    @Column(name = "completed_at")
    public Instant completedAt;

    @Column(name = "step_started_at")
    public Instant stepStartedAt;

    @Column(name = "yellow_at")
    public Instant yellowAt;

    @Column(name = "due_at")
    public Instant dueAt;

    @Enumerated(EnumType.STRING)
    public SlaState sla = SlaState.GREEN;

    public int escalations;

    void clock(Deadline d) {
        stepStartedAt = d.startedAt();
        sla = d.colour();
        yellowAt = d.yellowAt();
        dueAt = d.dueAt();
    }
}
