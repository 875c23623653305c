package io.mingjing.platform.inspection;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;

/** A record drawn for a village of a round, as it stood when drawn: its receipt in the audit chain then. */
@Entity
@Table(name = "inspection_sample")
public class InspectionSample extends PanacheEntityBase {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;

    @Column(name = "round_id")
    public long roundId;

    public String village;

    public String kind;

    @Column(name = "record_id")
    public String recordId;

    public Instant at;

    public String title;

    public int rank;

    @Column(name = "audit_seq")
    public Long auditSeq;

    @Column(name = "audit_hash")
    public String auditHash;
}
