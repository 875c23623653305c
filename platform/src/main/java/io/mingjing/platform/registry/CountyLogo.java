package io.mingjing.platform.registry;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;

/** A county's logo as its admin uploaded it; the portal links it by digest, so a browser caches it for good. */
@Entity
@Table(name = "county_logo")
public class CountyLogo extends PanacheEntityBase {

    @Id
    @Column(name = "tenant_id")
    public String tenantId;

    public byte[] data;

    /** SHA-256 of the bytes, hex. */
    public String digest;

    @Column(name = "updated_at")
    public Instant updatedAt;
}
