package io.mingjing.platform.warning;

import io.mingjing.sdk.Names;
import io.mingjing.sdk.Setting;
import io.mingjing.sdk.WarningRule;
import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

/**
 * A county's own CEL rule, written by its admin: declared here as a plugin declares its rules, set
 * (thresholds' values, an edited CEL, shadow mode, on or off) in {@link RuleSetting} like every rule.
 * It lives in the county's schema: no other county can name it.
 */
@Entity
@Table(name = "warning_county_rule")
public class CountyRule extends PanacheEntityBase {

    /** The module county rules belong to: their ids are {@code county/<id>}. */
    static final String MODULE = "county";

    @Id
    @Column(name = "rule_id")
    public String ruleId;

    public String category;

    @Column(name = "name_zh")
    public String nameZh;

    @Column(name = "name_en")
    public String nameEn;

    public String severity;

    public String tier;

    public String fact;

    public String expression;

    /** The thresholds declared: {@code {key, type: number|flag, default, min, max}} each. */
    @JdbcTypeCode(SqlTypes.JSON)
    public List<Map<String, Object>> thresholds = new ArrayList<>();

    @Column(name = "created_by")
    public String createdBy;

    @Column(name = "created_at")
    public Instant createdAt;

    /** The rule as a module would declare it. */
    WarningRule rule() {
        return WarningRule.cel(ruleId.substring(MODULE.length() + 1), category, new Names(nameZh, nameEn),
                WarningRule.Severity.valueOf(severity), WarningRule.Tier.valueOf(tier), fact, expression,
                thresholds.stream().map(CountyRule::setting).toArray(Setting[]::new));
    }

    static Setting setting(Map<String, Object> t) {
        String key = (String) t.get("key");
        return "flag".equals(t.get("type")) ? Setting.flag(key, (Boolean) t.get("default"))
                : Setting.number(key, ((Number) t.get("default")).longValue(), ((Number) t.get("min")).longValue(),
                        ((Number) t.get("max")).longValue());
    }
}
