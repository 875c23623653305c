package io.mingjing.platform.warning;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.mingjing.platform.feature.ModuleRules;
import io.mingjing.sdk.Facts;
import io.mingjing.sdk.WarningRule;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Instance;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import java.io.UncheckedIOException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.hibernate.Session;

/**
 * Runs rules over facts and keeps one warning per (rule, entity). The rules of one fact whose CEL
 * translates to SQL run as one statement: one scan of the fact's view, every rule's condition a
 * branch of a lateral union, the hits inserted with {@code ON CONFLICT DO NOTHING} against the unique
 * (rule, entity) index — so a retry, a redelivered event or a second replica never makes a second
 * warning. Other CEL rules read the fact's rows in batches and run in Java; plugin rules run their own
 * check. A warning whose entity no longer meets its rule, and that nobody has taken, is withdrawn.
 */
@ApplicationScoped
public class Evaluator {

    static final String ACTOR = "system:warnings";
    static final int BATCH = 1000;

    @Inject
    EntityManager em;
    @Inject
    ObjectMapper json;
    @Inject
    Instance<ModuleRules> modules;
    @Inject
    Routing routing;

    /** A new (or re-raised) warning: what routing needs to tell its handlers. */
    public record Raised(long id, String ruleId, boolean shadow, String tier, String village, String town,
            String department) {
    }

    /** @param failed rule id → what went wrong, for rules that threw or ran too long (the others went on) */
    public record Result(List<Raised> raised, int withdrawn, Map<String, String> failed) {

        /** Results of parts of one evaluation, as one. */
        static Result of(List<Result> parts) {
            List<Raised> raised = new ArrayList<>();
            Map<String, String> failed = new LinkedHashMap<>();
            int withdrawn = 0;
            for (Result p : parts) {
                raised.addAll(p.raised());
                failed.putAll(p.failed());
                withdrawn += p.withdrawn();
            }
            return new Result(raised, withdrawn, failed);
        }
    }

    /** One hit a backtest found. */
    record Hit(String ruleId, String entityId, String village, Map<String, Object> why) {
    }

    @Transactional(Transactional.TxType.MANDATORY)
    Result evaluate(String county, List<ActiveRule> rules, Target target, boolean withdraw) {
        List<Raised> raised = new ArrayList<>();
        Map<String, String> failed = new LinkedHashMap<>();
        int withdrawn = 0;
        Map<Facts.Fact, List<ActiveRule>> setBased = new LinkedHashMap<>();
        for (ActiveRule r : rules) {
            if (!target.reaches(r.fact())) {
                continue;
            }
            if (r.sql() != null) {
                setBased.computeIfAbsent(r.fact(), f -> new ArrayList<>()).add(r);
                continue;
            }
            try {
                List<Hit> hits = r.java() ? pluginHits(county, r, target) : javaHits(r, target);
                raised.addAll(insert(r.fact(), List.of(r), HITS_FROM_JSON, List.of(json(rows(hits)))));
                if (withdraw) {
                    withdrawn += withdrawMissing(r, target, hits.stream().map(Hit::entityId).toList());
                }
            } catch (RuntimeException e) {
                failed.put(r.id(), e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage());
            }
        }
        for (Map.Entry<Facts.Fact, List<ActiveRule>> e : setBased.entrySet()) {
            List<Object> params = new ArrayList<>();
            String hits = hitsSql(e.getKey(), e.getValue(), target, params);
            if (withdraw && target.all()) {
                int[] gone = new int[1];
                raised.addAll(insertAndWithdrawOthers(e.getKey(), e.getValue(), hits, params, gone));
                withdrawn += gone[0];
                continue;
            }
            raised.addAll(insert(e.getKey(), e.getValue(), hits, params));
            if (withdraw) {
                Set<String> open = openRules(e.getKey(), target);
                for (ActiveRule r : e.getValue()) {
                    if (open == null || open.contains(r.id())) {
                        withdrawn += withdrawSql(r, target);
                    }
                }
            }
        }
        return new Result(raised, withdrawn, failed);
    }

    /** What one rule would have flagged over a period, written nowhere. */
    @Transactional(Transactional.TxType.MANDATORY)
    List<Hit> backtest(String county, ActiveRule r, Target period, int limit, long[] count) {
        List<Hit> hits;
        if (r.sql() != null) {
            List<Object> params = new ArrayList<>();
            String sql = hitsSql(r.fact(), List.of(r), period, params);
            hits = query("SELECT rule_id, entity_id, village, why::text FROM (" + sql + ") h", params, rs -> new Hit(
                    rs.getString(1), rs.getString(2), rs.getString(3), map(rs.getString(4))));
        } else {
            hits = r.java() ? pluginHits(county, r, period) : javaHits(r, period);
        }
        count[0] = hits.size();
        return hits.subList(0, Math.min(limit, hits.size()));
    }

    /**
     * One statement for all SQL rules of a fact. Each row's conditions are one array, whose true positions
     * are the rules it meets: one expression a row, where a lateral branch per rule rescanned some forty plan
     * nodes for every labour row (twice the time of the conditions themselves). The fact's rows come from a
     * subquery the planner may not flatten (OFFSET 0), so each column is computed once a row rather than
     * once for every rule that reads it. A hit's why is built only where a statement reads it.
     */
    private String hitsSql(Facts.Fact fact, List<ActiveRule> rules, Target target, List<Object> params) {
        List<String> conditions = new ArrayList<>();
        StringBuilder why = new StringBuilder("CASE f.i");
        params.add(rules.stream().map(ActiveRule::id).toArray(String[]::new));
        for (int i = 0; i < rules.size(); i++) {
            ActiveRule r = rules.get(i);
            conditions.add(r.sql().where());
            params.addAll(r.sql().params());
            why.append(" WHEN ").append(i + 1).append(" THEN ").append(whyOf(fact, r.sql().fields()));
        }
        String where = target.where(fact, "f", params);
        return "SELECT (?::text[])[f.i] AS rule_id, f.entity_id, f.village, " + why + " END AS why FROM (SELECT f.*, "
                + "unnest(array_positions(ARRAY[" + String.join(", ", conditions) + "], true)) AS i FROM (SELECT * FROM "
                + view(fact, target) + " f" + (where.isEmpty() ? "" : " WHERE " + where) + " OFFSET 0) f) f";
    }

    /** Facts whose per-entity lookups have a set-based twin for evaluating every entity (db/warning.xml). */
    static final Set<String> BULK = Set.of("v_fact_payment");

    /** The view to read: the set-based twin when every entity (or a period's) is read, else the per-entity one. */
    static String view(Facts.Fact fact, Target target) {
        boolean every = target.entities().isEmpty() && target.approvals().isEmpty() && target.village() == null;
        return every && BULK.contains(fact.view()) ? fact.view() + "_bulk" : fact.view();
    }

    private static String whyOf(Facts.Fact fact, java.util.Set<String> fields) {
        if (fields.isEmpty()) {
            return "'{}'::jsonb";
        }
        List<String> pairs = new ArrayList<>();
        for (Facts.Field f : fact.fields()) {
            if (fields.contains(f.name())) {
                pairs.add("'" + f.name() + "', f." + f.column());
            }
        }
        return "jsonb_build_object(" + String.join(", ", pairs) + ")";
    }

    private static final String HITS_FROM_JSON = "SELECT h.rule_id, h.entity_id, h.village, h.why FROM "
            + "jsonb_to_recordset(?::jsonb) AS h(rule_id text, entity_id text, village text, why jsonb)";

    private static List<Map<String, Object>> rows(List<Hit> hits) {
        List<Map<String, Object>> rows = new ArrayList<>(hits.size());
        for (Hit h : hits) {
            Map<String, Object> m = new HashMap<>();
            m.put("rule_id", h.ruleId());
            m.put("entity_id", h.entityId());
            m.put("village", h.village());
            m.put("why", h.why());
            rows.add(m);
        }
        return rows;
    }

    /** The fact's fields an expression names, with their values: a Java-run rule's "why". */
    static Map<String, Object> whyOf(String expression, Map<String, Object> row) {
        Map<String, Object> why = new LinkedHashMap<>();
        row.forEach((k, v) -> {
            if (!k.equals("entityId") && java.util.regex.Pattern.compile("\\bfact\\." + k + "\\b").matcher(expression).find()) {
                why.put(k, v instanceof Instant i ? i.toString() : v);
            }
        });
        return why;
    }

    private List<Raised> insert(Facts.Fact fact, List<ActiveRule> rules, String hits, List<Object> hitParams) {
        List<Object> params = new ArrayList<>(hitParams);
        String sql = "WITH h AS (" + hits + "), " + meta(rules, params) + raise(fact) + " RETURNING " + RAISED;
        params.add(fact.name());
        return query(sql, params, Evaluator::raised);
    }

    /**
     * A whole evaluation: raises the hits and, in the same statement, withdraws the rules' untaken warnings
     * that are no longer among them. The hits meet the rules' warnings once, in one full join by hash, which
     * keeps only what changes: hits with no warning or a withdrawn one, and untaken RED warnings with no hit.
     * A re-evaluation that changes nothing so carries no hit further and builds no why, where the hits were
     * sorted twice against the warnings (once to raise, once to withdraw), each with its why. Withdrawing rule
     * by rule instead looked each warning's entity up in the per-entity view. The withdrawals come back as one
     * row with no rule, its count in place of an id.
     */
    private List<Raised> insertAndWithdrawOthers(Facts.Fact fact, List<ActiveRule> rules, String hits,
            List<Object> hitParams, int[] withdrawn) {
        hashJoinsForTheRestOfTheTransaction();
        List<Object> params = new ArrayList<>(hitParams);
        params.add(rules.stream().map(ActiveRule::id).toArray(String[]::new));
        String meta = meta(rules, params);
        params.add(fact.name());
        String sql = "WITH j AS MATERIALIZED (SELECT h.rule_id, h.entity_id, h.village, h.why, CASE WHEN h.rule_id IS NULL "
                + "THEN w.id END AS gone FROM (" + hits + ") h FULL JOIN (SELECT id, rule_id, entity_id, colour, handler, "
                + "disposition FROM warning WHERE rule_id = ANY (?)) w ON w.rule_id = h.rule_id AND w.entity_id = h.entity_id "
                + "WHERE CASE WHEN h.rule_id IS NULL THEN w.colour = 'RED' AND w.handler IS NULL "
                + "ELSE w.id IS NULL OR w.disposition = 'WITHDRAWN' END), "
                + "h AS (SELECT rule_id, entity_id, village, why FROM j WHERE rule_id IS NOT NULL), " + meta
                + ", raised AS (" + raise(fact) + " RETURNING " + RAISED + "), gone AS (" + WITHDRAW_UNTAKEN
                + " AND w.id = ANY (ARRAY(SELECT j.gone FROM j WHERE j.gone IS NOT NULL)) RETURNING w.id) "
                + "SELECT * FROM raised UNION ALL SELECT count(*), NULL, NULL, NULL, NULL, NULL, NULL FROM gone";
        List<Raised> rows = query(sql, params, Evaluator::raised);
        rows.stream().filter(r -> r.ruleId() == null).forEach(r -> withdrawn[0] = (int) r.id());
        return rows.stream().filter(r -> r.ruleId() != null).toList();
    }

    /**
     * A whole evaluation meets the county's warnings with its hits by hash, never in a nested loop. Statistics
     * of the warning table lag a first evaluation that raised 800,000 warnings; the planner, believing the
     * rules had one untaken warning, walked all 2,000,000 hits for each of them (a statement of hours, not
     * seconds). The memory is the hits' hash table's, for a job that runs rarely. Its statement is compiled
     * without LLVM's optimisation and inlining: for the payment fact's 230 functions they took 1.4 s, more
     * than they saved (measured with 13 rules over 1,250,000 rows).
     */
    private void hashJoinsForTheRestOfTheTransaction() {
        update("SET LOCAL enable_nestloop = off", List.of());
        update("SET LOCAL work_mem = '128MB'", List.of());
        update("SET LOCAL jit_optimize_above_cost = -1", List.of());
        update("SET LOCAL jit_inline_above_cost = -1", List.of());
    }

    private String meta(List<ActiveRule> rules, List<Object> params) {
        StringBuilder meta = new StringBuilder();
        for (ActiveRule r : rules) {
            meta.append(meta.isEmpty() ? "" : ", ").append("(?::text, ?::int, ?::text, ?::text, ?::text, ?::boolean, ?::jsonb, ?::int)");
            params.addAll(List.of(r.id(), r.version(), r.rule().category(), r.rule().severity().name(),
                    r.rule().tier().name(), r.shadow(), json(r.thresholdValues()), routing.hours(r.rule().tier().name())));
        }
        return "m(rule_id, version, category, severity, tier, shadow, thresholds, hours) AS (VALUES " + meta + ")";
    }

    private static Raised raised(ResultSet rs) throws SQLException {
        return new Raised(rs.getLong(1), rs.getString(2), rs.getBoolean(3), rs.getString(4), rs.getString(5),
                rs.getString(6), rs.getString(7));
    }

    private static final String RAISED = "id, rule_id, shadow, tier, village, town, department";

    /** The facts whose view names the department in charge of an entity (an appeal's, else its category's). */
    static final Set<String> NAMING_A_DEPARTMENT = Set.of("v_fact_appeal");

    /** What a DEPARTMENT warning's why says when its fact names no department. */
    static final String NO_DEPARTMENT = "the fact names no department: the inspectors handle it";

    /** The department of a hit h, when its rule's tier is DEPARTMENT and its fact names one; else null. */
    private static String department(Facts.Fact fact) {
        return NAMING_A_DEPARTMENT.contains(fact.view()) ? "CASE WHEN m.tier = 'DEPARTMENT' THEN (SELECT d.department FROM "
                + fact.view() + " d WHERE d.entity_id = h.entity_id) END" : "NULL::text";
    }

    /**
     * Hits h of rules m become RED warnings; a withdrawn one is raised again, any other left as it is. A
     * DEPARTMENT warning goes to the department its fact names, and its why says which, or that none was.
     */
    private static String raise(Facts.Fact fact) {
        return " INSERT INTO warning (rule_id, rule_version, entity_id, fact, category, "
                + "severity, tier, village, town, department, colour, shadow, why, raised_at, sla, yellow_at, due_at, escalations) "
                + "SELECT h.rule_id, m.version, h.entity_id, ?, m.category, m.severity, m.tier, h.village, "
                + "(SELECT CASE o.level WHEN 'VILLAGE' THEN o.parent_code WHEN 'TOWN' THEN o.code END FROM org_unit o "
                + "WHERE o.code = h.village), d.department, 'RED', m.shadow, jsonb_build_object('fact', h.why, 'thresholds', "
                + "m.thresholds) || CASE WHEN m.tier <> 'DEPARTMENT' THEN '{}'::jsonb WHEN d.department IS NULL THEN "
                + "jsonb_build_object('fallback', '" + NO_DEPARTMENT + "') ELSE jsonb_build_object('department', d.department) END, "
                + "clock_timestamp(), 'GREEN', CASE WHEN m.shadow THEN NULL ELSE now() + make_interval(secs => m.hours * 2880) END, "
                + "CASE WHEN m.shadow THEN NULL ELSE now() + make_interval(hours => m.hours) END, 0 "
                + "FROM h JOIN m ON m.rule_id = h.rule_id CROSS JOIN LATERAL (SELECT " + department(fact) + " AS department) d "
                // hits already warned of are left out before the insert: a conflict, even one that updates
                // nothing, locks its row, and a whole re-evaluation meets hundreds of thousands of them
                + "WHERE NOT EXISTS (SELECT 1 FROM warning x WHERE x.rule_id = h.rule_id AND x.entity_id = h.entity_id "
                + "AND x.disposition IS DISTINCT FROM 'WITHDRAWN') "
                + "ON CONFLICT (rule_id, entity_id) DO UPDATE SET colour = 'RED', disposition = NULL, reason = NULL, "
                + "closed_by = NULL, closed_at = NULL, why = EXCLUDED.why, raised_at = EXCLUDED.raised_at, "
                + "rule_version = EXCLUDED.rule_version, shadow = EXCLUDED.shadow, department = EXCLUDED.department, "
                + "sla = 'GREEN', yellow_at = EXCLUDED.yellow_at, due_at = EXCLUDED.due_at WHERE warning.disposition = 'WITHDRAWN'";
    }

    /**
     * The rules with a warning the target's entities could lose, or null for "any": an event's entities
     * mostly have none (a new filing), and one look at the (fact, entity) index spares a withdrawal
     * statement per rule.
     */
    private Set<String> openRules(Facts.Fact fact, Target target) {
        List<String> ids = target.ids(fact);
        if (ids == null) {
            return null;
        }
        return new HashSet<>(query("SELECT DISTINCT rule_id FROM warning WHERE fact = ? AND entity_id = ANY (?) "
                + "AND colour = 'RED' AND handler IS NULL", List.of(fact.name(), ids.toArray(String[]::new)),
                rs -> rs.getString(1)));
    }

    /** Untaken RED warnings withdrawn (their rule's conditions follow). */
    private static final String WITHDRAW_UNTAKEN = "UPDATE warning w SET colour = 'GREEN', disposition = 'WITHDRAWN', "
            + "closed_by = '" + ACTOR + "', closed_at = now(), yellow_at = NULL, due_at = NULL "
            + "WHERE w.colour = 'RED' AND w.handler IS NULL";
    private static final String WITHDRAW = WITHDRAW_UNTAKEN + " AND w.rule_id = ?";

    private int withdrawSql(ActiveRule r, Target target) {
        List<Object> params = new ArrayList<>();
        params.add(r.id());
        String sql = WITHDRAW;
        List<String> ids = target.ids(r.fact());
        if (ids != null) {
            // the rule's warnings of these entities, straight from the (rule, entity) index: through the fact's
            // view the planner, unsure how many warnings a young table holds, scanned all of the rule's
            params.add(ids.toArray(String[]::new));
            sql += " AND w.entity_id = ANY (?)";
        } else {
            String where = target.where(r.fact(), "f", params);
            sql += where.isEmpty() ? "" : " AND w.entity_id IN (SELECT f.entity_id FROM " + r.fact().view() + " f WHERE "
                    + where + ")";
        }
        params.addAll(r.sql().params());
        return update(sql + " AND NOT EXISTS (SELECT 1 FROM " + r.fact().view() + " f WHERE f.entity_id = w.entity_id AND "
                + r.sql().where() + ")", params);
    }

    private int withdrawMissing(ActiveRule r, Target target, List<String> hitIds) {
        if (!target.all() && target.approvals().isEmpty() && target.entities().isEmpty()) {
            return 0; // a period or village: only a whole or per-entity run knows what no longer holds
        }
        List<Object> params = new ArrayList<>(List.of(r.id(), hitIds.toArray(String[]::new)));
        String sql = WITHDRAW + " AND NOT (w.entity_id = ANY (?))";
        if (!target.all()) {
            List<String> ids = !target.entities().isEmpty() ? target.entities()
                    : target.approvals().stream().map(String::valueOf).toList();
            params.add(ids.toArray(String[]::new));
            sql += " AND w.entity_id = ANY (?)";
        }
        return update(sql, params);
    }

    /** A CEL rule SQL here cannot say: the fact's rows in batches, each through the bounded CEL runner. */
    private List<Hit> javaHits(ActiveRule r, Target target) {
        List<Object> params = new ArrayList<>();
        String where = target.where(r.fact(), "f", params);
        String sql = "SELECT * FROM " + view(r.fact(), target) + " f" + (where.isEmpty() ? "" : " WHERE " + where);
        List<Hit> hits = new ArrayList<>();
        List<Map<String, Object>> rows = new ArrayList<>();
        List<Map<String, Object>> inputs = new ArrayList<>();
        Instant now = Instant.now();
        em.unwrap(Session.class).doWork(c -> {
            try (PreparedStatement ps = prepare(c, sql, params)) {
                ps.setFetchSize(BATCH);
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        Map<String, Object> row = row(r.fact(), rs);
                        rows.add(row);
                        inputs.add(input(r, row, now));
                        if (rows.size() == BATCH) {
                            collect(r, rows, inputs, hits);
                        }
                    }
                }
            }
        });
        collect(r, rows, inputs, hits);
        return hits;
    }

    private static void collect(ActiveRule r, List<Map<String, Object>> rows, List<Map<String, Object>> inputs,
            List<Hit> hits) {
        if (rows.isEmpty()) {
            return;
        }
        List<Boolean> out = RuleCel.evaluate(r.compiled(), inputs);
        for (int i = 0; i < out.size(); i++) {
            if (out.get(i)) {
                Map<String, Object> row = rows.get(i);
                hits.add(new Hit(r.id(), (String) row.get("entityId"), (String) row.get("village"),
                        whyOf(r.expression(), row)));
            }
        }
        rows.clear();
        inputs.clear();
    }

    private static Map<String, Object> row(Facts.Fact fact, ResultSet rs) throws SQLException {
        Map<String, Object> row = new HashMap<>();
        row.put("entityId", rs.getString("entity_id"));
        for (Facts.Field f : fact.fields()) {
            Object v = switch (f.type()) {
                case INT -> rs.getObject(f.column()) == null ? null : rs.getLong(f.column());
                case DOUBLE -> rs.getObject(f.column()) == null ? null : rs.getDouble(f.column());
                case BOOL -> rs.getObject(f.column()) == null ? null : rs.getBoolean(f.column());
                case STRING -> rs.getString(f.column());
                case TIMESTAMP -> rs.getTimestamp(f.column()) == null ? null : rs.getTimestamp(f.column()).toInstant();
            };
            row.put(f.name(), v);
        }
        return row;
    }

    private static Map<String, Object> input(ActiveRule r, Map<String, Object> row, Instant now) {
        Map<String, Object> in = new HashMap<>();
        in.put("now", now);
        row.forEach((k, v) -> {
            if (v != null && !k.equals("entityId")) {
                in.put("fact." + k, v);
            }
        });
        r.thresholds().values().forEach((k, v) -> in.put("threshold." + k, v instanceof Integer i ? i.longValue() : v));
        return in;
    }

    private List<Hit> pluginHits(String county, ActiveRule r, Target target) {
        if (!modules.isResolvable()) {
            throw new IllegalStateException("no module runtime for rule " + r.id());
        }
        List<String> ids = !target.entities().isEmpty() ? target.entities()
                : target.approvals().stream().map(String::valueOf).toList();
        WarningRule.Scope scope = new WarningRule.Scope(ids, target.from(), target.to(), r.thresholds());
        return modules.get().check(county, r.module(), r.rule(), scope).stream()
                .map(h -> new Hit(r.id(), h.entityId(), h.village(), h.why())).toList();
    }

    private String json(Object value) {
        try {
            return json.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException(e);
        }
    }

    private Map<String, Object> map(String text) {
        try {
            return text == null ? Map.of() : json.readValue(text, new com.fasterxml.jackson.core.type.TypeReference<>() {
            });
        } catch (JsonProcessingException e) {
            return Map.of();
        }
    }

    @FunctionalInterface
    private interface RowMapper<T> {
        T map(ResultSet rs) throws SQLException;
    }

    private <T> List<T> query(String sql, List<Object> params, RowMapper<T> mapper) {
        List<T> out = new ArrayList<>();
        em.flush();
        em.unwrap(Session.class).doWork(c -> {
            try (PreparedStatement ps = prepare(c, sql, params); ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    out.add(mapper.map(rs));
                }
            }
        });
        return out;
    }

    private int update(String sql, List<Object> params) {
        int[] n = new int[1];
        em.flush();
        em.unwrap(Session.class).doWork(c -> {
            try (PreparedStatement ps = prepare(c, sql, params)) {
                n[0] = ps.executeUpdate();
            }
        });
        return n[0];
    }

    private static PreparedStatement prepare(Connection c, String sql, List<Object> params) throws SQLException {
        PreparedStatement ps = c.prepareStatement(sql);
        for (int i = 0; i < params.size(); i++) {
            Object p = params.get(i);
            switch (p) {
                case Long[] a -> ps.setArray(i + 1, c.createArrayOf("bigint", a));
                case String[] a -> ps.setArray(i + 1, c.createArrayOf("text", a));
                case Timestamp t -> ps.setTimestamp(i + 1, t);
                case null -> ps.setObject(i + 1, null);
                default -> ps.setObject(i + 1, p);
            }
        }
        return ps;
    }
}
