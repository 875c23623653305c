package io.mingjing.platform.warning;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

/**
 * A county's own settings of one warning rule; no row means the rule's defaults, on, and routing for a
 * built-in rule, in shadow mode for a module's rule the county has not seen yet.
 */
@Entity
@Table(name = "warning_rule")
public class RuleSetting extends PanacheEntityBase {

    @Id
    @Column(name = "rule_id")
    public String ruleId;

    @JdbcTypeCode(SqlTypes.JSON)
    public Map<String, Object> thresholds = new LinkedHashMap<>();

    /** The county's CEL, when its admin rewrote the rule's test; null: the rule's own. */
    public String expression;

    public boolean shadow;

    /**
     * The module's own CEL when the county last switched the rule live: a plugin update that changes it
     * puts the rule back in shadow mode. Null: not recorded (a Java test, or live before this was kept).
     */
    public String reviewed;

    public boolean enabled = true;

    /** Raised with every change, so a warning says which version of the rule raised it. */
    public int version = 1;

    @Column(name = "updated_by")
    public String updatedBy;

    @Column(name = "updated_at")
    public Instant updatedAt;

    @Column(name = "last_error")
    public String lastError;

    @Column(name = "last_error_at")
    public Instant lastErrorAt;
}
