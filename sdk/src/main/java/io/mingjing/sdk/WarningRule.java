package io.mingjing.sdk;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * A warning rule (预警规则, SDK 1.5): watches one {@link Facts fact} of the county and raises a warning
 * (预警) for each entity it flags, with its "why" — the fact's values and the thresholds compared.
 *
 * <p>The test is either a CEL expression over the fact ({@link #cel}), which the platform type-checks
 * against the fact's declared fields and the rule's thresholds, bounds in size and time, and runs as set
 * SQL where it can, or Java ({@link #java}) for what CEL cannot say: "nothing happened within N hours",
 * sums over a period. A county admin changes the thresholds (typed {@link Setting}s with bounds, each
 * county its own values), never the Java.
 *
 * <p><b>Who calls a Java check, when:</b> the platform, (1) for the entities an event concerned, right
 * after the event ({@link Scope#entities()} names them), (2) in the sweep every few minutes and after a
 * county changed one of the rule's thresholds ({@link Scope#entities()} empty: every entity), and (3) for
 * a backtest over a period. <b>Thread:</b> a worker thread of the module's own pool, under the module
 * timeout; a check that throws or hangs is stopped and reported on the rule, and the other rules go on.
 * <b>Tenant:</b> one county per call; {@link TenantContext#settings()} holds the module's settings,
 * {@link Scope#thresholds()} this rule's thresholds. A check reads only the documented {@code v_fact_…}
 * views ({@link Facts}) through {@link TenantContext#sql()} — never reports (举报) or who filed them,
 * which no fact holds — and returns its hits; the platform keeps one warning per (rule, entity).
 *
 * <pre>{@code
 * WarningRule.cel("labour-before-application", "labour", new Names("未经审批用工", "Labour before its application"),
 *         WarningRule.Severity.RED, WarningRule.Tier.TOWN, Facts.LABOUR,
 *         "fact.plannedStart < fact.filedAt - hours(threshold.graceHours)",
 *         Setting.number("graceHours", 0, 0, 72));
 *
 * WarningRule.java("labour-not-declared", "labour", new Names("务工逾期未申报", "Labour not declared"),
 *         WarningRule.Severity.YELLOW, WarningRule.Tier.VILLAGE, Facts.LABOUR,
 *         (ctx, scope) -> ctx.sql().query("SELECT entity_id, village FROM v_fact_labour WHERE declared_at IS NULL"
 *                 + " AND planned_end < now() - make_interval(days => ?)", scope.thresholds().number("days"))
 *                 .stream().map(r -> new WarningRule.Hit((String) r.get("entity_id"), (String) r.get("village"),
 *                         Map.of("plannedEnd", "…"))).toList(),
 *         Setting.number("days", 7, 1, 60));
 * }</pre>
 *
 * @param id lowercase letters, digits and '-', unique within its module; the platform names it
 *        {@code <module>/<id>} (built-in rules: {@code builtin/<id>})
 * @param category one of the county's warning categories, e.g. {@code labour}, {@code payment},
 *        {@code seal}, {@code procurement}, {@code project}, {@code finance}, {@code complaint}, {@code disclosure}
 * @param fact the name of the {@link Facts} view it reads, e.g. {@link Facts#LABOUR}
 * @param expression the CEL test (null for a Java rule): a bool over {@code fact.<field>} and
 *        {@code threshold.<key>}, plus {@code hours(int)} and {@code days(int)} giving a duration
 * @param check the Java test (null for a CEL rule)
 * @param thresholds the rule's settings: their keys are what {@code threshold.<key>} names
 */
public record WarningRule(String id, String category, Names name, Severity severity, Tier tier, String fact,
        String expression, Check check, List<Setting> thresholds) implements ModuleManifest.Part {

    public static final Pattern ID = Pattern.compile("^[a-z][a-z0-9-]{1,47}$");

    /** How serious a flag is: YELLOW asks for a look, RED stops a signature without a written reason. */
    public enum Severity {
        YELLOW, RED
    }

    /**
     * Who handles the warning first: efficiency warnings the village, serious ones the town (督办),
     * irregularities the county department or the discipline inspectors (纪委).
     */
    public enum Tier {
        VILLAGE, TOWN, DEPARTMENT, INSPECTORS
    }

    public WarningRule {
        if (id == null || !ID.matcher(id).matches()) {
            throw new IllegalArgumentException("warning rule id must match " + ID.pattern() + ": " + id);
        }
        Objects.requireNonNull(category, "category");
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(severity, "severity");
        Objects.requireNonNull(tier, "tier");
        if (Facts.find(fact) == null) {
            throw new IllegalArgumentException("warning rule " + id + " reads an unknown fact: " + fact);
        }
        if ((expression == null) == (check == null)) {
            throw new IllegalArgumentException("warning rule " + id + " has either a CEL expression or a Java check");
        }
        thresholds = List.copyOf(thresholds);
    }

    public static WarningRule cel(String id, String category, Names name, Severity severity, Tier tier, String fact,
            String expression, Setting... thresholds) {
        return new WarningRule(id, category, name, severity, tier, fact, expression, null, List.of(thresholds));
    }

    public static WarningRule java(String id, String category, Names name, Severity severity, Tier tier, String fact,
            Check check, Setting... thresholds) {
        return new WarningRule(id, category, name, severity, tier, fact, null, check, List.of(thresholds));
    }

    /** The same rule with the CEL test a county admin wrote (checked by the platform before it is kept). */
    public WarningRule withExpression(String cel) {
        return new WarningRule(id, category, name, severity, tier, fact, cel, null, thresholds);
    }

    /** A rule's Java test; see {@link WarningRule} for who calls it, when and on which thread. */
    @FunctionalInterface
    public interface Check {

        List<Hit> find(TenantContext ctx, Scope scope) throws Exception;
    }

    /**
     * What one call covers.
     *
     * @param entities the fact's entity ids an event concerned; empty for every entity
     * @param from start of a backtest's period (inclusive), or null outside a backtest
     * @param to end of a backtest's period (exclusive), or null
     * @param thresholds this county's values of the rule's thresholds
     */
    public record Scope(List<String> entities, java.time.Instant from, java.time.Instant to, Settings thresholds) {

        public Scope {
            entities = List.copyOf(entities);
        }
    }

    /**
     * One flagged entity.
     *
     * @param entityId the fact's entity id (for approval-based facts the approval's id)
     * @param village the village's code, or null
     * @param why the fact's values the rule compared, by field name; the platform adds the thresholds
     */
    public record Hit(String entityId, String village, Map<String, Object> why) {

        public Hit {
            Objects.requireNonNull(entityId, "entityId");
            why = why == null ? Map.of() : Map.copyOf(why);
        }
    }

    /** The thresholds' keys, for a CEL environment. */
    public List<String> thresholdKeys() {
        List<String> keys = new ArrayList<>();
        thresholds.forEach(s -> keys.add(s.key()));
        return keys;
    }
}
