package io.mingjing.platform.registry;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

/** A county (县/区/县级市) in the provincial registry. */
@Entity
@Table(name = "tenant")
public class Tenant extends PanacheEntityBase {

    @Id
    public String id;

    public String name;

    @Column(name = "region_code")
    public String regionCode;

    @Enumerated(EnumType.STRING)
    public TenantStatus status;

    @Column(name = "failure_reason")
    public String failureReason;

    @JdbcTypeCode(SqlTypes.JSON)
    public Map<String, String> branding = new LinkedHashMap<>();

    @Column(name = "admin_username")
    public String adminUsername;

    @Column(name = "admin_email")
    public String adminEmail;

    /** The county's own abuse limits per minute ({@code Limit} keys); absent keys take the defaults. */
    @JdbcTypeCode(SqlTypes.JSON)
    public Map<String, Integer> limits = new LinkedHashMap<>();

    /** A demo county keeps the documented passwords of its README: no password policy in its realm. */
    public boolean demo;

    @Column(name = "schema_version")
    public int schemaVersion;

    @Column(name = "created_at")
    public Instant createdAt;

    @Column(name = "updated_at")
    public Instant updatedAt;
}
