package io.mingjing.platform.task;

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

/** 待办/督办: one piece of work for one village or person, from its assignment to its evidence. */
@Entity
@Table(name = "task")
public class Task extends PanacheEntityBase {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;

    public String title;

    public String body;

    /** The village (or town) the work is for. */
    public String unit;

    public String town;

    @Column(name = "assignee_user_id")
    public String assigneeUserId;

    @Column(name = "assignee_name")
    public String assigneeName;

    /** A town, a village committee (its own resolution), or null for the county. */
    @Column(name = "assigner_unit")
    public String assignerUnit;

    @Column(name = "assigned_by")
    public String assignedBy;

    @Column(name = "assigner_user_id")
    public String assignerUserId;

    /** Where it came from, e.g. {@code consultation:12}; null when assigned by hand. */
    public String source;

    public Instant deadline;

    @Enumerated(EnumType.STRING)
    public TaskState state;

    @Column(name = "created_at")
    public Instant createdAt;

    @Column(name = "completed_at")
    public Instant completedAt;

    @Column(name = "completed_by")
    public String completedBy;

    @Column(name = "completion_note")
    public String completionNote;

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
