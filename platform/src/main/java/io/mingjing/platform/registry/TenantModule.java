package io.mingjing.platform.registry;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Embeddable;
import jakarta.persistence.EmbeddedId;
import jakarta.persistence.Entity;
import jakarta.persistence.Table;
import java.io.Serializable;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

/** Whether a county may use, and has enabled, a module, with its settings. */
@Entity
@Table(name = "tenant_module")
public class TenantModule extends PanacheEntityBase {

    @EmbeddedId
    public Key key;

    public boolean allowed = true;

    public boolean enabled;

    @JdbcTypeCode(SqlTypes.JSON)
    public Map<String, Object> settings = new LinkedHashMap<>();

    @Column(name = "schema_version")
    public String schemaVersion;

    @Column(name = "updated_at")
    public Instant updatedAt;

    @Embeddable
    public record Key(@Column(name = "tenant_id") String tenantId, @Column(name = "module_id") String moduleId)
            implements Serializable {
    }
}
