package io.mingjing.sdk.testkit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.mingjing.sdk.Caller;
import io.mingjing.sdk.Changelog;
import io.mingjing.sdk.Facts;
import io.mingjing.sdk.Module;
import io.mingjing.sdk.ModuleManifest;
import io.mingjing.sdk.Names;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.Executable;

/**
 * The kit fences a module's SQL in as the platform does (the platform's PluginBoundaryTest): its own
 * tables and the documented read-only views, and PostgreSQL's "permission denied" for the rest.
 */
class DataBoundaryTest {

    /** The views sdk/README.md documents besides the rules' facts, with their columns in order (as the platform's PluginBoundaryTest). */
    static final Map<String, List<String>> VIEWS = Map.of(
            "v_org_unit", List.of("code", "name", "level", "parent_code"),
            "v_appeal_category", List.of("code", "name_zh", "name_en", "route", "department", "urgent"),
            "v_published_disclosure", List.of("id", "series_id", "version", "village_code", "category", "title",
                    "period", "body", "lines", "published_at", "superseded_by"),
            "v_policy", List.of("id", "title", "category", "department", "summary", "body", "published_at"));

    ModuleTestKit kit;

    @BeforeEach
    void start() {
        kit = ModuleTestKit.start(new ProbeModule());
        kit.sql("INSERT INTO org_unit (code, name, level) VALUES ('330782100000', '甲镇', 'TOWN')");
        kit.sql("INSERT INTO org_unit (code, name, level, parent_code) VALUES ('330782100001', '甲村', 'VILLAGE', "
                + "'330782100000')");
    }

    @AfterEach
    void stop() {
        kit.close();
    }

    @Test
    void aModuleWritesItsOwnTablesAndReadsTheViews() {
        assertEquals(201, kit.post(Caller.ANONYMOUS, "/notes", Map.of("village", "330782100001", "text", "修路"))
                .status());
        assertEquals(List.of(Map.of("text", "修路", "village", "甲村")), kit.get(Caller.ANONYMOUS, "/notes").list());
        assertEquals(1, kit.sql("SELECT * FROM probe_note").size(), "the kit's own SQL still sees the module's rows");
        assertEquals(List.of(Map.of("name", "甲村")), kit.moduleSql("SELECT name FROM v_org_unit WHERE level = ?",
                "VILLAGE"));
    }

    @Test
    void aModuleThatReadsResidentsIsDeniedAsInProduction() {
        kit.sql("INSERT INTO household (code, village_code) VALUES ('H1', '330782100001')");
        assertEquals("42501", sqlState(() -> kit.get(Caller.ANONYMOUS, "/residents")));
        assertEquals("42501", sqlState(() -> kit.runJob("staff")));
        List<String> reached = new ArrayList<>();
        for (String table : List.of("resident", "household", "staff", "appeal", "appeal_step", "inbox_message",
                "audit_entry", "sealed_audit_entry", "benefit_payment", "disclosure", "org_unit", "policy",
                "domain_event", "databasechangelog")) {
            String state = sqlState(() -> kit.moduleSql("SELECT * FROM " + table + " LIMIT 1"));
            if (!"42501".equals(state)) {
                reached.add(table + " → " + state);
            }
        }
        assertEquals(List.of(), reached);
    }

    @Test
    void theViewsAreReadOnly() {
        assertEquals("42501", sqlState(() -> kit.post(Caller.ANONYMOUS, "/villages", Map.of())));
        assertEquals("42501", sqlState(() -> kit.moduleSql("UPDATE v_org_unit SET name = '假'")));
        assertEquals("42501", sqlState(() -> kit.moduleSql("DELETE FROM v_policy")));
        assertEquals(2, kit.sql("SELECT * FROM org_unit").size());
    }

    @Test
    void theViewsHaveThePlatformsColumnsAndAreAllAModuleMayReadOfTheCounty() {
        Map<String, List<String>> seen = new LinkedHashMap<>();
        for (Map<String, Object> row : kit.moduleSql("SELECT c.relname, a.attname FROM pg_class c "
                + "JOIN pg_attribute a ON a.attrelid = c.oid AND a.attnum > 0 AND NOT a.attisdropped "
                + "WHERE c.relnamespace = current_schema()::text::regnamespace AND c.relkind IN ('r','p','v','m','f') "
                + "AND c.relowner <> ('tp_' || substr(current_schema(), 3))::regrole "
                + "AND has_table_privilege(c.oid, 'SELECT') ORDER BY c.relname, a.attnum")) {
            seen.computeIfAbsent((String) row.get("relname"), k -> new ArrayList<>()).add((String) row.get("attname"));
        }
        Map<String, List<String>> documented = new java.util.TreeMap<>(VIEWS);
        for (Facts.Fact f : Facts.ALL) { // the facts of warning rules: the SDK's Facts documents their columns, in no order
            List<String> columns = new ArrayList<>(List.of("entity_id"));
            f.fields().forEach(x -> columns.add(x.column()));
            documented.put(f.view(), columns.stream().sorted().toList());
            seen.computeIfPresent(f.view(), (view, cs) -> cs.stream().sorted().toList());
        }
        assertEquals(documented, new java.util.TreeMap<>(seen));
    }

    @Test
    void noOtherRoleAndNoOtherCounty() {
        String schema = "t_" + kit.county().replace('-', '_');
        assertEquals("42501", sqlState(() -> kit.moduleSql("SET ROLE " + schema)));
        try (ModuleTestKit other = ModuleTestKit.start(new ProbeModule())) {
            other.sql("INSERT INTO probe_note (text) VALUES ('别县')");
            String theirs = "t_" + other.county().replace('-', '_');
            assertEquals("42501", sqlState(() -> kit.moduleSql("SELECT * FROM " + theirs + ".probe_note")));
        }
    }

    @Test
    void aChangelogReadsNothingOfTheCountyAndKeepsToItsPrefix() {
        IllegalStateException copy = assertThrows(IllegalStateException.class,
                () -> ModuleTestKit.start(module("snoop")));
        assertEquals("42501", sqlState(copy));
        IllegalStateException squat = assertThrows(IllegalStateException.class,
                () -> ModuleTestKit.start(module("squatter")));
        assertTrue(squat.getMessage().contains("without the prefix 'squatter_'") && squat.getMessage().contains(
                "notes"), squat.getMessage());
    }

    private static Module module(String id) {
        return () -> ModuleManifest.of(id, "1.0.0", new Names(id, id), id, new Changelog("db/" + id + ".xml"));
    }

    /** The SQLState PostgreSQL refused the module's statement with, or "ok". */
    private static String sqlState(Executable call) {
        try {
            call.execute();
            return "ok";
        } catch (Throwable e) {
            return sqlState(e);
        }
    }

    private static String sqlState(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof SQLException s && s.getSQLState() != null) {
                return s.getSQLState();
            }
        }
        throw new AssertionError("no SQL error in " + e, e);
    }
}
