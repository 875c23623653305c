package io.mingjing.platform.warning;

import io.mingjing.platform.feature.ModuleRules;
import io.mingjing.platform.problem.ProblemException;
import io.mingjing.platform.tenancy.CurrentTenant;
import io.mingjing.sdk.Facts;
import io.mingjing.sdk.Setting;
import io.mingjing.sdk.Settings;
import io.mingjing.sdk.WarningRule;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Instance;
import jakarta.inject.Inject;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The rule catalogue of the current county: the built-in rules, those of the plugin modules it has
 * on and its own ({@link CountyRule}), each with the county's settings over its defaults. Compiled CEL
 * is kept per expression and rule, since a county's rules change rarely and are read on every event.
 */
@ApplicationScoped
class Rules {

    @Inject
    CurrentTenant tenant;
    @Inject
    Instance<ModuleRules> modules;

    private final Map<String, RuleCel.Compiled> compiled = new ConcurrentHashMap<>();

    /** Every rule of the county, on or off, in catalogue order. */
    List<ActiveRule> all() {
        Map<String, RuleSetting> settings = new LinkedHashMap<>();
        RuleSetting.<RuleSetting>listAll().forEach(s -> settings.put(s.ruleId, s));
        List<ActiveRule> rules = new ArrayList<>();
        for (WarningRule r : BuiltinRules.ALL) {
            rules.add(active(BuiltinRules.MODULE, r, settings.get(BuiltinRules.MODULE + "/" + r.id())));
        }
        if (modules.isResolvable()) {
            for (ModuleRules.Contributed c : modules.get().enabledIn(tenant.require())) {
                rules.add(active(c.module(), c.rule(), settings.get(c.module() + "/" + c.rule().id())));
            }
        }
        for (CountyRule c : CountyRule.<CountyRule>list("order by createdAt, ruleId")) {
            rules.add(active(CountyRule.MODULE, c.rule(), settings.get(c.ruleId)));
        }
        return rules;
    }

    /** The rules that run: switched on. */
    List<ActiveRule> enabled() {
        return all().stream().filter(ActiveRule::enabled).toList();
    }

    Optional<ActiveRule> find(String id) {
        return all().stream().filter(r -> r.id().equals(id)).findFirst();
    }

    ActiveRule require(String id) {
        return find(id).orElseThrow(() -> ProblemException.notFound("No warning rule " + id + "."));
    }

    private ActiveRule active(String module, WarningRule r, RuleSetting s) {
        String id = module + "/" + r.id();
        Facts.Fact fact = Facts.find(r.fact());
        Settings thresholds = thresholds(r, s == null ? Map.of() : s.thresholds);
        String expression = s != null && s.expression != null ? s.expression : r.expression();
        RuleCel.Compiled c = null;
        String broken = null;
        try {
            c = expression == null ? null : compiled.computeIfAbsent(id + "\n" + expression,
                    k -> RuleCel.compile(expression, fact, r.thresholds()));
        } catch (RuleCel.Invalid e) {
            broken = "its CEL does not check at " + e.position() + ": " + e.getMessage(); // a module's own mistake: off, reported
        }
        CelSql.Condition sql = c == null ? null : CelSql.of(c.ast(), fact, thresholds);
        return new ActiveRule(id, module, r, fact, thresholds, expression == null ? "" : expression,
                shadow(module, r, s), (s == null || s.enabled) && broken == null, s == null ? 1 : s.version, c, sql,
                broken);
    }

    /**
     * A new or changed rule first runs in shadow mode: a built-in rule ships live with the platform; a
     * module's rule the county has not seen runs in shadow until its admin switches it live, and so does
     * one whose module changed its CEL since (unless the county runs its own CEL instead).
     */
    static boolean shadow(String module, WarningRule r, RuleSetting s) {
        if (s == null) {
            return !BuiltinRules.MODULE.equals(module);
        }
        return s.shadow || s.reviewed != null && s.expression == null && !s.reviewed.equals(r.expression());
    }

    /** The county's values over the rule's defaults; a stored value that no longer validates falls back to the default. */
    static Settings thresholds(WarningRule r, Map<String, Object> stored) {
        Map<String, Object> values = new LinkedHashMap<>();
        for (Setting s : r.thresholds()) {
            Object v = stored == null ? null : stored.get(s.key());
            values.put(s.key(), v != null && s.validate(v) == null ? v : s.defaultValue());
        }
        return new Settings(values);
    }
}
