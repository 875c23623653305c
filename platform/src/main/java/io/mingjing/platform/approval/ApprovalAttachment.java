package io.mingjing.platform.approval;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Basic;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.FetchType;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;

/** A file of an approval: an invoice, a 村民代表会议 resolution, a quote, a contract, an acceptance record. */
@Entity
@Table(name = "approval_attachment")
public class ApprovalAttachment extends PanacheEntityBase {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;

    @Column(name = "approval_id")
    public Long approvalId;

    public String kind;

    public String filename;

    @Column(name = "content_type")
    public String contentType;

    @Basic(fetch = FetchType.LAZY)
    public byte[] data;

    public String sha256;

    @Column(name = "added_by")
    public String addedBy;

    @Column(name = "added_at")
    public Instant addedAt;
}
