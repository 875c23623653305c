package io.mingjing.platform.approval;

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
import java.math.BigDecimal;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

/**
 * 三资审批, "one form to the end": the same record from the filing through every stage and step to
 * the payment. {@code data} holds the filing and each stage's form by section name.
 */
@Entity
@Table(name = "approval")
public class Approval extends PanacheEntityBase {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;

    @Enumerated(EnumType.STRING)
    public ApprovalKind kind;

    public String village;

    public String town;

    public String title;

    public BigDecimal amount;

    @JdbcTypeCode(SqlTypes.JSON)
    public Map<String, Object> data = new LinkedHashMap<>();

    @Enumerated(EnumType.STRING)
    public ApprovalState state;

    @Column(name = "definition_version")
    public int definitionVersion;

    /** The current stage and step of the definition (indexes). */
    public int stage;

    public int step;

    /** Raised each time a step opens: an approver acts on the seq they saw, or gets a 409. */
    public int seq;

    /** How many approvals the open step still counts to. */
    public int required;

    @Column(name = "filed_by")
    public String filedBy;

    @Column(name = "filer_user_id")
    public String filerUserId;

    @Column(name = "created_at")
    public Instant createdAt;

    @Column(name = "updated_at")
    public Instant updatedAt;

    @Column(name = "step_started_at")
    public Instant stepStartedAt;

    @Column(name = "yellow_at")
    public Instant yellowAt;

    @Column(name = "due_at")
    public Instant dueAt;

    @Enumerated(EnumType.STRING)
    public SlaState sla = SlaState.GREEN;

    public int escalations;

    @Column(name = "paid_at")
    public Instant paidAt;

    @Column(name = "bank_ref")
    public String bankRef;

    @Column(name = "disclosure_id")
    public Long disclosureId;

    void clock(Deadline d) {
        stepStartedAt = d.startedAt();
        sla = d.colour();
        yellowAt = d.yellowAt();
        dueAt = d.dueAt();
    }

    @SuppressWarnings("unchecked")
    Map<String, Object> section(String name) {
        Object s = data.get(name);
        return s instanceof Map<?, ?> m ? (Map<String, Object>) m : Map.of();
    }
}
