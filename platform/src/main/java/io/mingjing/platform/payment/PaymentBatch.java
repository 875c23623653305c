package io.mingjing.platform.payment;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.math.BigDecimal;
import java.time.Instant;

/** One imported payment list: all its rows or none. */
@Entity
@Table(name = "payment_batch")
public class PaymentBatch extends PanacheEntityBase {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;

    public String filename;

    public int rows;

    public BigDecimal total;

    public String actor;

    @Column(name = "imported_at")
    public Instant importedAt;

    @Column(name = "audit_hash")
    public String auditHash;
}
