package io.mingjing.platform.warning;

import io.mingjing.sdk.Facts;
import io.mingjing.sdk.Settings;
import io.mingjing.sdk.WarningRule;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * One rule as it runs in one county: its declaration, the county's thresholds and CEL, whether it is in
 * shadow mode, its version, and its test compiled (CEL) and, where CEL says nothing SQL cannot, as SQL.
 *
 * @param id {@code <module>/<rule id>}, e.g. {@code builtin/labour-declared-too-soon}
 * @param compiled null for a Java rule
 * @param sql null for a Java rule or a CEL test that runs in Java
 * @param broken why a module's rule cannot run (its CEL does not check), else null; such a rule is off
 */
record ActiveRule(String id, String module, WarningRule rule, Facts.Fact fact, Settings thresholds, String expression,
        boolean shadow, boolean enabled, int version, RuleCel.Compiled compiled, CelSql.Condition sql,
        String broken) {

    boolean java() {
        return rule.check() != null;
    }

    boolean builtin() {
        return BuiltinRules.MODULE.equals(module);
    }

    /**
     * Whether time alone can make it true (it reads {@code now}, or a fact that counts up to now): the
     * sweep evaluates these; the others change only when their entity does, which an event says.
     */
    boolean timeBased() {
        return java() || expression.contains("now") || fact.name().equals(Facts.COMPLAINTS_NAMING)
                || fact.name().equals(Facts.DISCLOSURE_COVERAGE) || expression.contains("openHours");
    }

    /** The thresholds the rule compares, for its "why". */
    Map<String, Object> thresholdValues() {
        Map<String, Object> v = new LinkedHashMap<>();
        rule.thresholds().forEach(s -> v.put(s.key(), thresholds.values().get(s.key())));
        return v;
    }
}
