package io.mingjing.platform.inspection;

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
import java.time.LocalDate;

/** One version of a village's result in a round; a later version amends it and says why. */
@Entity
@Table(name = "inspection_result")
public class InspectionResult extends PanacheEntityBase {

    /** 合格 · 需整改 · 不合格. */
    public enum Outcome {
        PASS, RECTIFY, FAIL
    }

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;

    @Column(name = "round_id")
    public long roundId;

    public String village;

    public int version;

    @Enumerated(EnumType.STRING)
    public Outcome result;

    /** What the village must correct (需整改). */
    public String correction;

    /** By when (需整改), a day in Beijing time. */
    public LocalDate deadline;

    public String comment;

    /** Why the previous version was amended; null for the first. */
    public String reason;

    /** The village's task of the correction, when one was assigned. */
    @Column(name = "task_id")
    public Long taskId;

    @Column(name = "recorded_by")
    public String recordedBy;

    @Column(name = "recorder_user_id")
    public String recorderUserId;

    @Column(name = "recorded_at")
    public Instant recordedAt;
}
