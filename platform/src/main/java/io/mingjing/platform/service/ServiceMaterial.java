package io.mingjing.platform.service;

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

/** A material of an application: the photographed original (高拍仪, the phone's camera) or a scan. */
@Entity
@Table(name = "service_material")
public class ServiceMaterial extends PanacheEntityBase {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;

    @Column(name = "application_id")
    public Long applicationId;

    /** The id of the item's material it is. */
    public String material;

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
