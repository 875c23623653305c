package io.mingjing.platform.approval;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;

/** 用印登记: one use of a seal, written when its approval is approved, and linked to it. */
@Entity
@Table(name = "seal_use")
public class SealUse extends PanacheEntityBase {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;

    @Column(name = "seal_id")
    public Long sealId;

    @Column(name = "approval_id")
    public Long approvalId;

    public String village;

    public String document;

    public String purpose;

    @Column(name = "approved_at")
    public Instant approvedAt;
}
