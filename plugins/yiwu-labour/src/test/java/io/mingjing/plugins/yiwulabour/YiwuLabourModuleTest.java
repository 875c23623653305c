package io.mingjing.plugins.yiwulabour;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.mingjing.sdk.WarningRule;
import io.mingjing.sdk.testkit.ModuleTestKit;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** 义乌's labour rules against a real county schema and its fact views, with the SDK test kit. */
class YiwuLabourModuleTest {

    ModuleTestKit kit;

    @BeforeEach
    void start() throws IOException {
        kit = ModuleTestKit.start(new YiwuLabourModule());
        try (InputStream in = getClass().getResourceAsStream("/fixtures.sql")) {
            for (String statement : new String(in.readAllBytes(), StandardCharsets.UTF_8).replaceAll("(?m)^--.*$", "")
                    .split(";")) {
                if (!statement.isBlank()) {
                    kit.sql(statement);
                }
            }
        }
        kit.clock(Instant.parse("2026-07-20T00:00:00Z"));
    }

    @AfterEach
    void stop() {
        kit.close();
    }

    @Test
    void aVillageWhoseMonthlyWagesPassTheCeilingIsFlaggedWithTheSum() {
        List<WarningRule.Hit> hits = kit.checkRule("village-monthly-wages", List.of(), null, null, Map.of());
        assertEquals(1, hits.size());
        assertEquals("330782102201:2026-06", hits.get(0).entityId());
        assertEquals(58000.0, hits.get(0).why().get("wages"));
        assertEquals(0, kit.checkRule("village-monthly-wages", List.of(), null, null, Map.of("ceiling", 60000)).size());
    }

    @Test
    void declaredLabourLeftUnpaidPastTheLimitIsFlaggedOnlyForThatApproval() {
        List<WarningRule.Hit> hits = kit.checkRule("declared-not-paid", List.of(), null, null, Map.of());
        assertEquals(1, hits.size());
        String id = hits.get(0).entityId();
        assertEquals(1, kit.checkRule("declared-not-paid", List.of(id), null, null, Map.of()).size());
        assertEquals(0, kit.checkRule("declared-not-paid", List.of("999999"), null, null, Map.of()).size());
        assertEquals(0, kit.checkRule("declared-not-paid", List.of(), null, null, Map.of("days", 60)).size());
    }

    @Test
    void aBacktestPeriodBoundsWhatTheChecksRead() {
        assertEquals(0, kit.checkRule("village-monthly-wages", List.of(), Instant.parse("2025-01-01T00:00:00Z"),
                Instant.parse("2025-12-31T00:00:00Z"), Map.of()).size());
        assertEquals(1, kit.checkRule("village-monthly-wages", List.of(), Instant.parse("2026-05-01T00:00:00Z"),
                Instant.parse("2026-07-01T00:00:00Z"), Map.of()).size());
    }

    @Test
    void thresholdsOutsideTheirBoundsAreRefusedAsTheCountyAdminWouldBe() {
        assertThrows(IllegalArgumentException.class,
                () -> kit.checkRule("village-monthly-wages", List.of(), null, null, Map.of("ceiling", 10)));
    }

    @Test
    void thePackDeclaresItsRulesOverTheLabourFactOnly() {
        assertEquals(4, kit.manifest().warningRules().size());
        assertTrue(kit.manifest().warningRules().stream().allMatch(r -> r.fact().equals("labour")));
        // the pack's SQL reaches the facts, not the tables behind them
        AssertionError refused = assertThrows(AssertionError.class, () -> kit.moduleSql("SELECT count(*) FROM approval"));
        assertTrue(refused.getMessage().contains("permission denied"), refused.getMessage());
        assertEquals(3L, ((Number) kit.moduleSql("SELECT count(*) AS n FROM v_fact_labour").get(0).get("n")).longValue());
    }
}
