package io.mingjing.platform.approval;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;

/** One line of an approval's timeline: a filing, a decision, a form, a skip, a payment, an overdue. */
@Entity
@Table(name = "approval_step")
public class ApprovalStep extends PanacheEntityBase {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;

    @Column(name = "approval_id")
    public Long approvalId;

    public int seq;

    public int stage;

    public int step;

    public Instant at;

    public String actor;

    @Column(name = "user_id")
    public String userId;

    public String action;

    public String note;
}
