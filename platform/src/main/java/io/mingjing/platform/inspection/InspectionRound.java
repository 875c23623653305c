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
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

/** 电子抽检: one round of remote inspection over a period, the kinds of record it samples and the seed of its draws. */
@Entity
@Table(name = "inspection_round")
public class InspectionRound extends PanacheEntityBase {

    public enum State {
        OPEN, CLOSED
    }

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;

    public String title;

    /** The town a random draw was confined to, or null for the county. */
    public String town;

    /** The town whose official opened the round (its officials record the results), or null for the county's inspectors. */
    @Column(name = "opener_unit")
    public String openerUnit;

    @Column(name = "period_from")
    public LocalDate periodFrom;

    @Column(name = "period_to")
    public LocalDate periodTo;

    @JdbcTypeCode(SqlTypes.ARRAY)
    public String[] kinds;

    @Column(name = "per_kind")
    public int perKind;

    /** How many villages were drawn at random; null when they were named. */
    @Column(name = "sample_size")
    public Integer sampleSize;

    public String seed;

    @Enumerated(EnumType.STRING)
    public State state;

    @Column(name = "opened_by")
    public String openedBy;

    @Column(name = "opener_user_id")
    public String openerUserId;

    @Column(name = "opened_at")
    public Instant openedAt;

    @Column(name = "closed_by")
    public String closedBy;

    @Column(name = "closed_at")
    public Instant closedAt;

    @Column(name = "close_note")
    public String closeNote;
}
