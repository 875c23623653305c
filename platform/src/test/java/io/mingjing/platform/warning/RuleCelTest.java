package io.mingjing.platform.warning;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.mingjing.sdk.Facts;
import io.mingjing.sdk.Setting;
import io.mingjing.sdk.Settings;
import io.mingjing.sdk.WarningRule;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** CEL for rules: typed against the fact, bounded in cost, the same answer in Java and in SQL. */
class RuleCelTest {

    static final Facts.Fact LABOUR = Facts.find(Facts.LABOUR);
    static final List<Setting> HOURS = List.of(Setting.number("minHours", 4, 1, 168));

    @Test
    void anExpressionThatDoesNotParseIsRefusedWithItsPosition() {
        RuleCel.Invalid e = assertThrows(RuleCel.Invalid.class, () -> RuleCel.compile("fact.workers >", LABOUR, HOURS));
        assertEquals(1, e.line);
        assertEquals(15, e.column);
    }

    @Test
    void anUnknownFieldOrAWrongTypeIsRefusedWithItsPosition() {
        RuleCel.Invalid unknown = assertThrows(RuleCel.Invalid.class,
                () -> RuleCel.compile("fact.workers > 1 && fact.reporterName == 'x'", LABOUR, HOURS));
        assertEquals(21, unknown.column);
        RuleCel.Invalid typed = assertThrows(RuleCel.Invalid.class,
                () -> RuleCel.compile("fact.dailyRate > threshold.minHours", LABOUR, HOURS));
        assertTrue(typed.getMessage().contains("overload"), typed.getMessage());
        assertThrows(RuleCel.Invalid.class, () -> RuleCel.compile("fact.workers + 1", LABOUR, HOURS));
    }

    @Test
    void loopsAndHugeExpressionsAreRefusedBeforeTheyRun() {
        RuleCel.Invalid loop = assertThrows(RuleCel.Invalid.class,
                () -> RuleCel.compile("[1, 2, 3].exists(x, x > fact.workers)", LABOUR, HOURS));
        assertTrue(loop.getMessage().contains("loop"));
        String wide = "fact.workers > 0" + " || fact.workers > 0".repeat(60); // short enough, too many parts
        RuleCel.Invalid big = assertThrows(RuleCel.Invalid.class, () -> RuleCel.compile(wide, LABOUR, HOURS));
        assertTrue(big.getMessage().contains("parts"), big.getMessage());
        assertThrows(RuleCel.Invalid.class, () -> RuleCel.compile("x".repeat(RuleCel.MAX_LENGTH + 1), LABOUR, HOURS));
    }

    @Test
    void aRuleIsTrueInJavaExactlyWhenItsFieldsSaySo() {
        RuleCel.Compiled c = RuleCel.compile("fact.declaredAt - fact.filedAt < hours(threshold.minHours)", LABOUR, HOURS);
        Map<String, Object> soon = input(Instant.parse("2026-05-01T08:00:00Z"), Instant.parse("2026-05-01T10:00:00Z"));
        Map<String, Object> late = input(Instant.parse("2026-05-01T08:00:00Z"), Instant.parse("2026-05-02T10:00:00Z"));
        Map<String, Object> notYet = input(Instant.parse("2026-05-01T08:00:00Z"), null);
        assertEquals(List.of(true, false, false), RuleCel.evaluate(c, List.of(soon, late, notYet)));
    }

    private static Map<String, Object> input(Instant filed, Instant declared) {
        Map<String, Object> in = new HashMap<>();
        in.put("now", Instant.now());
        in.put("fact.filedAt", filed);
        if (declared != null) {
            in.put("fact.declaredAt", declared);
        }
        in.put("threshold.minHours", 4L);
        return in;
    }

    @Test
    void whatSqlCanSayBecomesAConditionWithTheThresholdsBound() {
        RuleCel.Compiled c = RuleCel.compile("fact.declaredAt - fact.filedAt < hours(threshold.minHours)", LABOUR, HOURS);
        CelSql.Condition sql = CelSql.of(c.ast(), LABOUR, new Settings(Map.of("minHours", 6L)));
        assertNotNull(sql);
        assertEquals("COALESCE((((f.declared_at - f.filed_at) < make_interval(hours => (?::bigint)::int))), false)",
                sql.where());
        assertEquals(List.of(6L), sql.params());
        assertEquals(java.util.Set.of("declaredAt", "filedAt"), sql.fields());
        RuleCel.Compiled strings = RuleCel.compile("fact.state in ['PAID', 'APPROVED'] && fact.amount / 0.0 > 1.0",
                LABOUR, HOURS);
        assertEquals("COALESCE((((f.state IN (?::text, ?::text)) AND ((f.amount / NULLIF((0.0)::float8, 0)) > (1.0)::float8))), false)",
                CelSql.of(strings.ast(), LABOUR, new Settings(Map.of("minHours", 4L))).where());
        RuleCel.Compiled days = RuleCel.compile("fact.plannedEnd + days(2) < now", LABOUR, HOURS);
        assertEquals("COALESCE((((f.planned_end + make_interval(secs => (2)::float8 * 86400)) < now())), false)",
                CelSql.of(days.ast(), LABOUR, new Settings(Map.of("minHours", 4L))).where(), "a CEL day: 24 hours");
    }

    @Test
    void whatSqlCannotSayRunsInJava() {
        RuleCel.Compiled c = RuleCel.compile("fact.state.startsWith('PA')", LABOUR, HOURS);
        assertNull(CelSql.of(c.ast(), LABOUR, new Settings(Map.of("minHours", 4L))));
    }

    @Test
    void everyBuiltinRuleCompilesAndRunsAsSql() {
        for (WarningRule r : BuiltinRules.ALL) {
            Facts.Fact fact = Facts.find(r.fact());
            RuleCel.Compiled c = RuleCel.compile(r.expression(), fact, r.thresholds());
            assertNotNull(CelSql.of(c.ast(), fact, Rules.thresholds(r, Map.of())), r.id());
        }
    }
}
