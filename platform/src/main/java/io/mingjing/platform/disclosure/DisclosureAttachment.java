package io.mingjing.platform.disclosure;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Basic;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.FetchType;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/** A file attached to a disclosure version (a scanned voucher, a spreadsheet, a photo). */
@Entity
@Table(name = "disclosure_attachment")
public class DisclosureAttachment extends PanacheEntityBase {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;

    @Column(name = "disclosure_id")
    public Long disclosureId;

    public String filename;

    @Column(name = "content_type")
    public String contentType;

    public String sha256;

    @Basic(fetch = FetchType.LAZY)
    public byte[] data;
}
