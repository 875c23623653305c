package io.mingjing.platform.villagelog;

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

/** A photo of a village log entry (JPEG, PNG or WebP, as the file rules decide). */
@Entity
@Table(name = "village_log_photo")
public class VillageLogPhoto extends PanacheEntityBase {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;

    @Column(name = "log_id")
    public Long logId;

    @Column(name = "content_type")
    public String contentType;

    @Basic(fetch = FetchType.LAZY)
    public byte[] data;

    public String sha256;

    @Column(name = "added_at")
    public Instant addedAt;
}
