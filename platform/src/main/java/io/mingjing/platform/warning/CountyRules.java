package io.mingjing.platform.warning;

import io.mingjing.platform.audit.AuditLog;
import io.mingjing.platform.identity.CurrentCaller;
import io.mingjing.platform.identity.Role;
import io.mingjing.platform.problem.ProblemException;
import io.mingjing.platform.tenancy.CurrentTenant;
import io.mingjing.sdk.Facts;
import io.mingjing.sdk.Setting;
import io.mingjing.sdk.WarningRule;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * A county admin's own CEL rules: declared as a module declares its rules (id, category, names,
 * severity, tier, fact, typed thresholds with bounds and defaults, the CEL), checked as an edit of
 * any rule is checked, kept in the county's schema, and run like every other rule — in shadow mode
 * until the admin switches it live. Removing one keeps its warnings.
 */
@ApplicationScoped
public class CountyRules {

    /** The categories the pages have words for ({@code warning.category.*}). */
    static final Set<String> CATEGORIES = Set.of("labour", "payment", "seal", "procurement", "project", "approval",
            "complaint", "appeal", "disclosure", "finance");
    static final int MAX_THRESHOLDS = 10;
    static final int MAX_NAME = 100;
    /** A threshold's key is what CEL names after {@code threshold.}: an identifier. */
    static final Pattern KEY = Pattern.compile("^[a-z][A-Za-z0-9]{0,39}$");

    /** What a new rule's form offers. */
    public record Options(List<String> categories, List<String> severities, List<String> tiers, List<String> facts) {
    }

    public static final Options OPTIONS = new Options(CATEGORIES.stream().sorted().toList(),
            Arrays.stream(WarningRule.Severity.values()).map(Enum::name).toList(),
            Arrays.stream(WarningRule.Tier.values()).map(Enum::name).toList(),
            Facts.ALL.stream().map(Facts.Fact::name).toList());

    @Inject
    RuleCatalogue catalogue;
    @Inject
    WarningSweep sweep;
    @Inject
    AuditLog audit;
    @Inject
    CurrentCaller caller;
    @Inject
    CurrentTenant tenant;

    /**
     * A new rule.
     *
     * @param thresholds each {@code {"key", "type": "number"|"flag", "default", "min", "max"}} (bounds for numbers)
     */
    public record Draft(String id, String category, String nameZh, String nameEn, String severity, String tier,
            String fact, List<Map<String, Object>> thresholds, String expression) {
    }

    @Transactional
    public RuleCatalogue.RuleView add(Draft d) {
        requireAdmin();
        if (d == null) {
            throw ProblemException.invalid(400, "Say what the rule is.", Map.of("body", "is required"));
        }
        Map<String, String> errors = new LinkedHashMap<>();
        if (d.id() == null || !WarningRule.ID.matcher(d.id()).matches()) {
            errors.put("id", "must be 2 to 48 lowercase letters, digits or '-', starting with a letter");
        }
        if (d.category() == null || !CATEGORIES.contains(d.category())) {
            errors.put("category", "must be one of " + OPTIONS.categories());
        }
        name(errors, "nameZh", d.nameZh());
        name(errors, "nameEn", d.nameEn());
        WarningRule.Severity severity = choice(errors, "severity", WarningRule.Severity.class, d.severity());
        WarningRule.Tier tier = choice(errors, "tier", WarningRule.Tier.class, d.tier());
        Facts.Fact fact = d.fact() == null ? null : Facts.find(d.fact());
        if (fact == null) {
            errors.put("fact", "must be one of " + OPTIONS.facts());
        }
        List<Map<String, Object>> thresholds = thresholds(errors, d.thresholds());
        String expression = d.expression() == null ? null : d.expression().strip();
        if (expression == null || expression.isEmpty()) {
            errors.put("expression", "is required: the rule's CEL test");
        } else if (fact != null && errors.keySet().stream().noneMatch(k -> k.startsWith("thresholds"))) {
            try {
                RuleCel.compile(expression, fact, thresholds.stream().map(CountyRule::setting).toList());
            } catch (RuleCel.Invalid e) {
                errors.put("expression", e.position() + ": " + e.getMessage());
            }
        }
        if (!errors.isEmpty()) {
            throw ProblemException.invalid(422, "The rule is not valid.", errors);
        }
        String id = CountyRule.MODULE + "/" + d.id();
        requireNew(id);
        CountyRule c = new CountyRule();
        c.ruleId = id;
        c.category = d.category();
        c.nameZh = d.nameZh().strip();
        c.nameEn = d.nameEn().strip();
        c.severity = severity.name();
        c.tier = tier.name();
        c.fact = fact.name();
        c.expression = expression;
        c.thresholds = thresholds;
        c.createdBy = caller.get().actor();
        c.createdAt = Instant.now();
        c.persist();
        RuleSetting s = new RuleSetting();
        s.ruleId = id;
        s.shadow = true; // a new rule's first warnings are its trial
        s.updatedBy = c.createdBy;
        s.updatedAt = c.createdAt;
        s.persist();
        audit.append(c.createdBy, "warning-rule.added", "WarningRule", id, String.join("\n", c.category, c.nameZh,
                c.nameEn, c.severity, c.tier, c.fact, String.valueOf(thresholds), expression).getBytes(StandardCharsets.UTF_8));
        sweep.schedule(tenant.require(), id);
        return catalogue.one(id);
    }

    /** Removes a county rule; its warnings stay, as they were handled or are being handled. */
    @Transactional
    public void remove(String id) {
        requireAdmin();
        CountyRule c = CountyRule.findById(id);
        if (c == null) {
            if (!id.startsWith(CountyRule.MODULE + "/")) {
                throw ProblemException.conflict("Only a county's own rules are removed; switch " + id + " off instead.");
            }
            throw ProblemException.notFound("No warning rule " + id + ".");
        }
        c.delete();
        RuleSetting.deleteById(id);
        audit.append(caller.get().actor(), "warning-rule.removed", "WarningRule", id,
                (c.fact + "\n" + c.expression).getBytes(StandardCharsets.UTF_8));
    }

    private void requireAdmin() {
        if (!caller.get().hasRole(Role.TENANT_ADMIN)) {
            throw new ProblemException(403, "Forbidden", "Only the county admin adds or removes the county's rules.");
        }
    }

    /** A removed rule's id stays taken: its kept warnings would stand for the new rule's. */
    private static void requireNew(String id) {
        if (CountyRule.findById(id) != null || Warning.count("ruleId", id) > 0) {
            throw ProblemException.invalid(409, "The county has a rule " + id + " already.", Map.of("id",
                    "is taken: choose another"));
        }
    }

    private static void name(Map<String, String> errors, String field, String value) {
        if (value == null || value.isBlank() || value.strip().length() > MAX_NAME) {
            errors.put(field, "is required, at most " + MAX_NAME + " characters");
        }
    }

    private static <E extends Enum<E>> E choice(Map<String, String> errors, String field, Class<E> type, String value) {
        for (E e : type.getEnumConstants()) {
            if (e.name().equals(value)) {
                return e;
            }
        }
        errors.put(field, "must be one of " + Arrays.toString(type.getEnumConstants()));
        return null;
    }

    /** The thresholds declared, as stored: whole numbers within their bounds, or flags. */
    private static List<Map<String, Object>> thresholds(Map<String, String> errors, List<Map<String, Object>> given) {
        List<Map<String, Object>> out = new ArrayList<>();
        if (given == null) {
            return out;
        }
        if (given.size() > MAX_THRESHOLDS) {
            errors.put("thresholds", "must be at most " + MAX_THRESHOLDS);
            return out;
        }
        Set<String> keys = new HashSet<>();
        for (int i = 0; i < given.size(); i++) {
            String at = "thresholds[" + i + "].";
            Map<String, Object> t = given.get(i) == null ? Map.of() : given.get(i);
            Object key = t.get("key");
            if (!(key instanceof String k) || !KEY.matcher(k).matches()) {
                errors.put(at + "key", "must be a letter then letters or digits, at most 40");
                continue;
            }
            if (!keys.add(k)) {
                errors.put(at + "key", "is declared twice");
                continue;
            }
            Map<String, Object> kept = declared(errors, at, k, t);
            if (kept != null) {
                out.add(kept);
            }
        }
        return out;
    }

    private static Map<String, Object> declared(Map<String, String> errors, String at, String key, Map<String, Object> t) {
        Map<String, Object> kept = new LinkedHashMap<>();
        kept.put("key", key);
        if ("flag".equals(t.get("type"))) {
            if (!(t.get("default") instanceof Boolean b)) {
                errors.put(at + "default", "must be true or false");
                return null;
            }
            kept.put("type", "flag");
            kept.put("default", b);
            return kept;
        }
        if (!"number".equals(t.get("type"))) {
            errors.put(at + "type", "must be number or flag");
            return null;
        }
        Long min = whole(t.get("min"));
        Long max = whole(t.get("max"));
        Long value = whole(t.get("default"));
        if (min == null || max == null || min > max) {
            errors.put(at + "min", "and max are required whole numbers, min at most max");
            return null;
        }
        String problem = value == null ? "must be a whole number" : Setting.number(key, value, min, max).validate(value);
        if (problem != null) {
            errors.put(at + "default", problem);
            return null;
        }
        kept.put("type", "number");
        kept.put("default", value);
        kept.put("min", min);
        kept.put("max", max);
        return kept;
    }

    private static Long whole(Object o) {
        return o instanceof Integer || o instanceof Long ? ((Number) o).longValue() : null;
    }
}
