package io.mingjing.platform.warning;

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
import java.util.Map;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

/**
 * 预警: one rule's flag on one entity, with its "why" (the fact's values and the thresholds compared).
 * RED new → YELLOW a handler took it → GREEN handled, with a {@link Disposition}. One per (rule,
 * entity), which the database enforces. A shadow warning is the rule's trial: kept, never routed.
 */
@Entity
@Table(name = "warning")
public class Warning extends PanacheEntityBase {

    /** 红黄绿: RED new, YELLOW being handled, GREEN handled. */
    public enum Colour {
        RED, YELLOW, GREEN
    }

    /**
     * How it was handled: confirmed and corrected, a false alarm (with its reason), referred to the
     * discipline inspectors; WITHDRAWN when a county changed the rule and the entity no longer meets it
     * before anyone took it.
     */
    public enum Disposition {
        CONFIRMED, FALSE_ALARM, REFERRED, WITHDRAWN
    }

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;

    @Column(name = "rule_id")
    public String ruleId;

    @Column(name = "rule_version")
    public int ruleVersion;

    @Column(name = "entity_id")
    public String entityId;

    public String fact;

    public String category;

    public String severity;

    /** Who handles it: VILLAGE, TOWN, DEPARTMENT or INSPECTORS; raised one step when it is overdue. */
    public String tier;

    public String village;

    public String town;

    /** The department a DEPARTMENT warning goes to, as its fact names it; null: the inspectors handle it. */
    public String department;

    @Enumerated(EnumType.STRING)
    public Colour colour;

    public boolean shadow;

    @JdbcTypeCode(SqlTypes.JSON)
    public Map<String, Object> why = new LinkedHashMap<>();

    @Column(name = "raised_at")
    public Instant raisedAt;

    public String handler;

    @Column(name = "taken_at")
    public Instant takenAt;

    @Enumerated(EnumType.STRING)
    public Disposition disposition;

    public String reason;

    @Column(name = "closed_by")
    public String closedBy;

    @Column(name = "closed_at")
    public Instant closedAt;

    @Column(name = "signed_over_by")
    public String signedOverBy;

    @Column(name = "signed_over_reason")
    public String signedOverReason;

    @Enumerated(EnumType.STRING)
    public SlaState sla = SlaState.GREEN;

    @Column(name = "yellow_at")
    public Instant yellowAt;

    @Column(name = "due_at")
    public Instant dueAt;

    public int escalations;

    void clock(Deadline d) {
        sla = d.colour();
        yellowAt = d.yellowAt();
        dueAt = d.dueAt();
    }
}
