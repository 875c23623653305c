package io.mingjing.platform.payment;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.math.BigDecimal;
import java.time.LocalDate;

/** 惠民/惠农资金: one payment of a programme to a resident, imported from a department's list. */
@Entity
@Table(name = "benefit_payment")
public class BenefitPayment extends PanacheEntityBase {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;

    @Column(name = "resident_id")
    public Long residentId;

    /** The resident's registered village when the payment was imported. */
    @Column(name = "village_code")
    public String villageCode;

    public String programme;

    public BigDecimal amount;

    @Column(name = "paid_on")
    public LocalDate paidOn;

    public String department;

    @Column(name = "batch_id")
    public Long batchId;
}
