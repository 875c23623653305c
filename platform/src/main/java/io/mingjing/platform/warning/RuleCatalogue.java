package io.mingjing.platform.warning;

import io.mingjing.platform.audit.AuditLog;
import io.mingjing.platform.clock.Deadline;
import io.mingjing.platform.clock.SlaState;
import io.mingjing.platform.identity.CurrentCaller;
import io.mingjing.platform.identity.Role;
import io.mingjing.platform.problem.ProblemException;
import io.mingjing.platform.tenancy.CurrentTenant;
import io.mingjing.sdk.Facts;
import io.mingjing.sdk.Setting;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The county's rule catalogue: each rule with its thresholds, bounds, CEL, shadow mode and false-alarm
 * rate; a county admin's changes, validated before they are kept (thresholds within their bounds, CEL
 * that parses, type-checks against the fact and stays within its cost), then a whole re-evaluation;
 * and backtests over a period. A rewritten CEL goes back to shadow mode; switching a rule live records
 * its module's CEL, so that a plugin update changing it puts it back in shadow mode too.
 */
@ApplicationScoped
public class RuleCatalogue {

    static final Duration MAX_BACKTEST = Duration.ofDays(400);

    @Inject
    Rules rules;
    @Inject
    WarningService warnings;
    @Inject
    WarningSweep sweep;
    @Inject
    Evaluator evaluator;
    @Inject
    AuditLog audit;
    @Inject
    CurrentCaller caller;
    @Inject
    CurrentTenant tenant;
    @Inject
    EntityManager em;
    @Inject
    Routing routing;

    /** A threshold as the catalogue shows it. */
    public record Threshold(String key, Object value, Object defaultValue, Long min, Long max, String type) {
    }

    /** @param falseAlarmRate false alarms among the handled, null before any was handled */
    public record RuleView(String id, String module, String category, String nameZh, String nameEn, String severity,
            String tier, String fact, String expression, boolean java, boolean shadow, boolean enabled, int version,
            List<Threshold> thresholds, Map<String, Long> counts, Double falseAlarmRate, String lastError,
            Instant lastErrorAt) {
    }

    /** A county admin's change; absent fields stay as they are. */
    public record Change(Map<String, Object> thresholds, String expression, Boolean shadow, Boolean enabled) {
    }

    public record Backtest(String rule, Instant from, Instant to, long hits, List<Evaluator.Hit> sample, long millis) {
    }

    @Transactional
    public List<RuleView> list() {
        requireReader();
        Map<String, Map<String, Long>> counts = counts();
        return rules.all().stream().map(r -> view(r, counts.getOrDefault(r.id(), Map.of()))).toList();
    }

    @Transactional
    public RuleView one(String id) {
        ActiveRule r = rules.require(id);
        return view(r, counts().getOrDefault(r.id(), Map.of()));
    }

    @Transactional
    public RuleView change(String id, Change change) {
        if (!caller.get().hasRole(Role.TENANT_ADMIN)) {
            throw new ProblemException(403, "Forbidden", "Only the county admin sets a rule's thresholds.");
        }
        ActiveRule r = rules.require(id);
        if (change == null) {
            throw ProblemException.invalid(400, "Say what changes.", Map.of("body", "is required"));
        }
        Map<String, Object> thresholds = new LinkedHashMap<>(r.thresholds().values());
        Map<String, String> errors = new LinkedHashMap<>();
        if (change.thresholds() != null) {
            change.thresholds().forEach((k, v) -> {
                Setting s = r.rule().thresholds().stream().filter(x -> x.key().equals(k)).findFirst().orElse(null);
                String problem = s == null ? "is not a threshold of this rule" : s.validate(v);
                if (problem != null) {
                    errors.put("thresholds." + k, problem);
                } else {
                    thresholds.put(k, v);
                }
            });
        }
        String expression = change.expression() == null ? null : change.expression().strip();
        boolean rewritten = expression != null && !expression.equals(r.expression());
        if (rewritten && Boolean.FALSE.equals(change.shadow())) {
            errors.put("shadow", "a changed CEL runs in shadow mode first: switch it live once its trial looks right");
        }
        if (expression != null && r.java()) {
            errors.put("expression", "this rule's test is Java in its module; only its thresholds change");
        } else if (expression != null) {
            try {
                RuleCel.compile(expression, r.fact(), r.rule().thresholds());
            } catch (RuleCel.Invalid e) {
                errors.put("expression", e.position() + ": " + e.getMessage());
            }
        }
        if (!errors.isEmpty()) {
            throw ProblemException.invalid(422, "The rule's change is not valid.", errors);
        }
        RuleSetting s = warnings.setting(id);
        s.thresholds = thresholds;
        if (expression != null) {
            s.expression = expression.equals(r.rule().expression()) ? null : expression;
        }
        if (change.shadow() != null) {
            s.shadow = change.shadow();
        }
        if (rewritten) {
            s.shadow = true;
        }
        if (change.enabled() != null) {
            s.enabled = change.enabled();
        }
        s.version++;
        s.updatedBy = caller.get().actor();
        s.updatedAt = Instant.now();
        s.lastError = null;
        if (change.shadow() != null && !change.shadow()) {
            s.reviewed = r.builtin() ? null : r.rule().expression();
            leaveShadow(id);
        }
        audit.append(s.updatedBy, "warning-rule.changed", "WarningRule", id, (thresholds + "\n" + s.expression + "\n"
                + s.shadow + "\n" + s.enabled).getBytes(StandardCharsets.UTF_8));
        sweep.schedule(tenant.require(), id);
        return one(id);
    }

    /** Out of shadow mode, its trial warnings begin to count: routed, on the clock from now. */
    private void leaveShadow(String id) {
        List<Warning> trial = Warning.list("ruleId = ?1 and shadow = true", id);
        Instant now = Instant.now();
        for (Warning w : trial) {
            w.shadow = false;
            if (w.colour == Warning.Colour.RED) {
                w.clock(Deadline.start(now, Duration.ofHours(routing.hours(w.tier)),
                        SlaState.GREEN));
            }
        }
    }

    @Transactional
    public Backtest backtest(String id, Instant from, Instant to) {
        if (from == null || to == null || !from.isBefore(to) || Duration.between(from, to).compareTo(MAX_BACKTEST) > 0) {
            throw ProblemException.invalid(422, "A backtest runs over a period.", Map.of("from",
                    "and to are required: from before to, at most " + MAX_BACKTEST.toDays() + " days apart"));
        }
        ActiveRule r = rules.require(id);
        long t0 = System.nanoTime();
        long[] count = new long[1];
        List<Evaluator.Hit> sample = evaluator.backtest(tenant.require(), r, Target.period(from, to), 50, count);
        return new Backtest(id, from, to, count[0], sample, (System.nanoTime() - t0) / 1_000_000);
    }

    /** The catalogue is for the county admin, the inspectors and the towns that tune and answer for it. */
    private void requireReader() {
        var c = caller.get();
        if (!c.hasRole(Role.TENANT_ADMIN) && !c.hasRole(Role.INSPECTOR) && !c.hasRole(Role.TOWN_OFFICIAL)) {
            throw new ProblemException(403, "Forbidden", "The rule catalogue is for the county admin, inspectors and towns.");
        }
    }

    private Map<String, Map<String, Long>> counts() {
        @SuppressWarnings("unchecked")
        List<Object[]> rows = em.createNativeQuery("SELECT rule_id, coalesce(disposition, colour), count(*) FROM warning "
                + "GROUP BY rule_id, coalesce(disposition, colour)", Object[].class).getResultList();
        Map<String, Map<String, Long>> out = new LinkedHashMap<>();
        for (Object[] row : rows) {
            out.computeIfAbsent((String) row[0], k -> new LinkedHashMap<>()).put((String) row[1], ((Number) row[2]).longValue());
        }
        return out;
    }

    private static RuleView view(ActiveRule r, Map<String, Long> counts) {
        long handled = counts.getOrDefault("CONFIRMED", 0L) + counts.getOrDefault("FALSE_ALARM", 0L)
                + counts.getOrDefault("REFERRED", 0L);
        Double rate = handled == 0 ? null : counts.getOrDefault("FALSE_ALARM", 0L) / (double) handled;
        RuleSetting s = RuleSetting.findById(r.id());
        List<Threshold> thresholds = r.rule().thresholds().stream().map(t -> threshold(t, r.thresholds().values()
                .get(t.key()))).toList();
        return new RuleView(r.id(), r.module(), r.rule().category(), r.rule().name().zh(), r.rule().name().en(),
                r.rule().severity().name(), r.rule().tier().name(), r.fact().name(), r.java() ? null : r.expression(),
                r.java(), r.shadow(), r.enabled(), r.version(), thresholds, counts, rate,
                r.broken() != null ? r.broken() : s == null ? null : s.lastError,
                s == null ? null : s.lastErrorAt);
    }

    private static Threshold threshold(Setting s, Object value) {
        return switch (s) {
            case Setting.Number n -> new Threshold(n.key(), value, n.defaultValue(), n.min(), n.max(), "number");
            case Setting.Flag f -> new Threshold(f.key(), value, f.defaultValue(), null, null, "flag");
            default -> new Threshold(s.key(), value, s.defaultValue(), null, null, "text");
        };
    }

    static Facts.Fact fact(String name) {
        return Facts.find(name);
    }
}
