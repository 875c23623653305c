package io.mingjing.platform.plugin;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.not;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.mingjing.platform.feature.Features;
import io.mingjing.platform.plugin.fixtures.FenceModule;
import io.mingjing.platform.tenancy.SchemaMigrator;
import io.mingjing.platform.tenancy.TenantIds;
import io.mingjing.platform.testing.Counties;
import io.mingjing.platform.testing.DevStack;
import io.mingjing.platform.testing.Postgres;
import io.mingjing.platform.testing.Tokens;
import io.mingjing.sdk.Facts;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * The plugin login role reaches an allow-list: the module's own tables and the documented views.
 * Everything else in the county's schema is enumerated from the catalog when the test runs — so a
 * table, view, sequence or function the county changelog adds later is covered without editing this
 * test — and must be denied both by the catalog's privilege functions and by PostgreSQL when tried.
 */
@QuarkusTest
@QuarkusTestResource(DevStack.class)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class PluginBoundaryTest {

    /** The columns, in order, of the views the SDK documents (sdk/README.md, TenantContext.sql). */
    static final Map<String, List<String>> DOCUMENTED = Map.of(
            "v_org_unit", List.of("code", "name", "level", "parent_code"),
            "v_appeal_category", List.of("code", "name_zh", "name_en", "route", "department", "urgent"),
            "v_published_disclosure", List.of("id", "series_id", "version", "village_code", "category", "title",
                    "period", "body", "lines", "published_at", "superseded_by"),
            "v_policy", List.of("id", "title", "category", "department", "summary", "body", "published_at"));

    @Inject
    CountyPools pools;
    @Inject
    Features features;
    @Inject
    SchemaMigrator counties;
    @Inject
    ModuleMigrator modules;
    @Inject
    PluginCatalogue catalogue;
    @ConfigProperty(name = "quarkus.http.test-port")
    int port;

    String county;
    String other;
    String schema;

    /** Once, but per test method: RestAssured knows the platform's port only then. */
    @BeforeEach
    void countyWithTheFenceModule() {
        if (county != null) {
            return;
        }
        county = Counties.onboard("fence");
        other = Counties.onboard("fence-other");
        schema = TenantIds.schema(county);
        given().auth().oauth2(Tokens.operator()).delete("/api/platform/plugins/fence");
        PluginRuntimeTest.install(jar("1.0.0")).statusCode(201);
        PluginRuntimeTest.configure(county, "fence", "{\"enabled\":true}").statusCode(200);
        Postgres.exec(DevStack.DATABASE, "INSERT INTO " + schema + ".org_unit(code, name, level) VALUES "
                + "('330782100000', '甲镇', 'TOWN')", "INSERT INTO " + schema + ".org_unit(code, name, level, "
                + "parent_code) VALUES ('330782100001', '甲村', 'VILLAGE', '330782100000')", "INSERT INTO " + schema
                + ".household(code, village_code) VALUES ('H1', '330782100001')", "INSERT INTO " + schema
                + ".resident(household_id, name, id_card_enc, id_card_hash, id_card_masked, phone, "
                + "registered_village, created_at) SELECT id, '张三', 'x', repeat('a', 64), '3307**', '13900000009', "
                + "'330782100001', now() FROM " + schema + ".household");
    }

    @AfterAll
    void unload() {
        given().port(port).auth().oauth2(Tokens.operator()).delete("/api/platform/plugins/fence");
    }

    static byte[] jar(String version, String... extraChangeSets) {
        return TestJars.plugin("fence", version).module(FenceModule.class).text("fence/version.txt", version)
                .text("db/fence.xml", """
                <databaseChangeLog xmlns="http://www.liquibase.org/xml/ns/dbchangelog"
                    xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance"
                    xsi:schemaLocation="http://www.liquibase.org/xml/ns/dbchangelog https://www.liquibase.org/xml/ns/dbchangelog/dbchangelog-4.33.xsd">
                  <changeSet id="1" author="test">
                    <createTable tableName="fence_note">
                      <column name="id" type="bigserial"><constraints primaryKey="true"/></column>
                      <column name="text" type="text"/>
                    </createTable>
                  </changeSet>
                %s
                </databaseChangeLog>
                """.formatted(String.join("\n", extraChangeSets))).build();
    }

    @Test
    void everyCountyObjectOffTheAllowListIsDeniedIncludingOnesAddedLater() throws SQLException {
        // as a later county changelog would: a table, a sequence and a function the plugin was never told of
        Postgres.exec(DevStack.DATABASE, "SET ROLE " + schema + "; SET search_path TO " + schema + "; "
                + "CREATE TABLE later_secret (id int); CREATE SEQUENCE later_seq; "
                + "CREATE FUNCTION later_fn() RETURNS int LANGUAGE sql AS 'SELECT 1'");
        try (Connection c = pools.connect(county)) {
            Map<String, String> denied = offTheList(c);
            assertTrue(denied.keySet().containsAll(Set.of("resident", "benefit_payment", "staff", "audit_entry",
                    "sealed_audit_entry", "appeal", "inbox_message", "disclosure", "org_unit", "databasechangelog",
                    "later_secret", "later_seq", "later_fn()")), denied.keySet().toString());
            List<String> leaks = new ArrayList<>();
            denied.forEach((name, kind) -> leaks.addAll(leaks(c, name, kind)));
            assertEquals(List.of(), leaks);
        }
    }

    /** The allow-list: the views the features' data boundaries open to plugins. */
    private Set<String> allowed() {
        return features.all().stream().flatMap(f -> f.boundary().views().stream())
                .collect(Collectors.toCollection(TreeSet::new));
    }

    /** Relations, sequences and routines of the county not owned by its plugin owner role, nor allowed. */
    private Map<String, String> offTheList(Connection c) throws SQLException {
        Map<String, String> found = new LinkedHashMap<>();
        try (PreparedStatement ps = c.prepareStatement("SELECT c.relname, c.relkind::text FROM pg_class c "
                + "WHERE c.relnamespace = ?::regnamespace AND c.relkind IN ('r','p','v','m','f','S') "
                + "AND c.relowner <> ?::regrole UNION ALL SELECT p.oid::regprocedure::text, 'function' "
                + "FROM pg_proc p WHERE p.pronamespace = ?::regnamespace AND p.proowner <> ?::regrole")) {
            for (int i = 0; i < 2; i++) {
                ps.setString(2 * i + 1, schema);
                ps.setString(2 * i + 2, TenantIds.pluginOwner(county));
            }
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    found.put(rs.getString(1).replace(schema + ".", ""), rs.getString(2));
                }
            }
        }
        allowed().forEach(found::remove);
        return found;
    }

    /** Every way the plugin role might reach the object, and what PostgreSQL let through. */
    private List<String> leaks(Connection c, String name, String kind) {
        List<String> leaks = new ArrayList<>();
        String q = schema + "." + name;
        if (kind.equals("function")) {
            check(leaks, c, name + " EXECUTE", "SELECT has_function_privilege('" + q + "', 'EXECUTE')");
            if (name.endsWith("()")) {
                attempt(leaks, c, name + " call", "SELECT " + q);
            }
        } else if (kind.equals("S")) {
            for (String p : List.of("USAGE", "SELECT", "UPDATE")) {
                check(leaks, c, name + " " + p, "SELECT has_sequence_privilege('" + q + "', '" + p + "')");
            }
            attempt(leaks, c, name + " nextval", "SELECT nextval('" + q + "')");
        } else {
            for (String p : List.of("SELECT", "INSERT", "UPDATE", "DELETE", "TRUNCATE", "REFERENCES", "TRIGGER")) {
                check(leaks, c, name + " " + p, "SELECT has_table_privilege('" + q + "', '" + p + "')");
            }
            attempt(leaks, c, name + " select", "SELECT * FROM " + q + " LIMIT 1");
            attempt(leaks, c, name + " delete", "DELETE FROM " + q);
        }
        return leaks;
    }

    private static void check(List<String> leaks, Connection c, String what, String sql) {
        try (Statement st = c.createStatement(); ResultSet rs = st.executeQuery(sql)) {
            rs.next();
            if (rs.getBoolean(1)) {
                leaks.add(what + " granted");
            }
        } catch (SQLException e) {
            leaks.add(what + ": " + e.getMessage());
        }
    }

    /** Runs the statement in a savepoint; anything but "permission denied" is a leak. */
    private static void attempt(List<String> leaks, Connection c, String what, String sql) {
        String outcome = run(c, sql);
        // a view with joins or GROUP BY is refused a DELETE as not updatable before its privileges are asked
        if (!"42501".equals(outcome) && !(what.endsWith(" delete") && "55000".equals(outcome))) {
            leaks.add(what + " → " + outcome);
        }
    }

    /** @return "ok", or the SQLState of the failure; the savepoint keeps the transaction usable */
    private static String run(Connection c, String sql) {
        try (Statement st = c.createStatement()) {
            st.execute("SAVEPOINT attempt");
            try {
                st.execute(sql);
                return "ok";
            } catch (SQLException e) {
                return e.getSQLState();
            } finally {
                st.execute("ROLLBACK TO SAVEPOINT attempt");
            }
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    @Test
    void theDocumentedViewsAreExactlyWhatIsGrantedAndReadOnly() throws SQLException {
        try (Connection c = pools.connect(county)) {
            assertEquals(allowed(), granted(c));
            Map<String, List<String>> documented = new java.util.TreeMap<>(DOCUMENTED);
            for (Facts.Fact f : Facts.ALL) { // the facts of warning rules: the SDK's Facts documents their columns
                List<String> columns = new ArrayList<>(List.of("entity_id"));
                f.fields().forEach(x -> columns.add(x.column()));
                documented.put(f.view(), columns);
            }
            assertEquals(allowed(), new TreeSet<>(documented.keySet()), "every view plugins may read is documented");
            for (var view : documented.entrySet()) {
                assertEquals(new TreeSet<>(view.getValue()), new TreeSet<>(columns(c, view.getKey())), view.getKey());
                assertEquals("ok", run(c, "SELECT * FROM " + view.getKey()), view.getKey());
                for (String p : List.of("INSERT", "UPDATE", "DELETE", "TRUNCATE")) {
                    assertFalse(has(c, "SELECT has_table_privilege('" + schema + "." + view.getKey() + "', '" + p
                            + "')"), view.getKey() + " " + p);
                }
                // permission denied, or (a view with GROUP BY) not updatable at all
                assertTrue(Set.of("42501", "55000").contains(run(c, "DELETE FROM " + view.getKey())), view.getKey());
            }
            assertEquals("42501", run(c, "INSERT INTO v_org_unit(code, name, level) VALUES ('330782199999', "
                    + "'假村', 'VILLAGE')"));
            assertEquals("42501", run(c, "UPDATE v_org_unit SET name = '假'"));
        }
    }

    /** The county objects the plugin role may read at all, besides its module's own. */
    private Set<String> granted(Connection c) throws SQLException {
        Set<String> names = new TreeSet<>();
        try (PreparedStatement ps = c.prepareStatement("SELECT relname FROM pg_class WHERE relnamespace = "
                + "?::regnamespace AND relowner = ?::regrole AND relkind IN ('r','p','v','m','f') "
                + "AND has_table_privilege(oid, 'SELECT')")) {
            ps.setString(1, schema);
            ps.setString(2, TenantIds.role(county));
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    names.add(rs.getString(1));
                }
            }
        }
        return names;
    }

    private List<String> columns(Connection c, String view) throws SQLException {
        List<String> names = new ArrayList<>();
        try (PreparedStatement ps = c.prepareStatement("SELECT attname FROM pg_attribute WHERE attrelid = ?::regclass "
                + "AND attnum > 0 AND NOT attisdropped ORDER BY attnum")) {
            ps.setString(1, schema + "." + view);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    names.add(rs.getString(1));
                }
            }
        }
        return names;
    }

    private static boolean has(Connection c, String sql) throws SQLException {
        try (Statement st = c.createStatement(); ResultSet rs = st.executeQuery(sql)) {
            rs.next();
            return rs.getBoolean(1);
        }
    }

    @Test
    void theModulesOwnTablesAreItsToUse() throws SQLException {
        try (Connection c = pools.connect(county)) {
            assertEquals("ok", run(c, "INSERT INTO fence_note(text) VALUES ('a')"));
            assertEquals("ok", run(c, "UPDATE fence_note SET text = 'b'"));
            assertEquals("ok", run(c, "DELETE FROM fence_note"));
        }
        given().post("/api/t/" + county + "/m/fence/notes").then().statusCode(201);
        given().get("/api/t/" + county + "/m/fence/villages").then().statusCode(200)
                .body("name", equalTo(List.of("甲村")));
    }

    @Test
    void thePluginRoleCannotBecomeTheCountyCreateAnythingOrReadAnotherCounty() throws SQLException {
        try (Connection c = pools.connect(county)) {
            assertEquals("42501", run(c, "SET ROLE " + schema));
            assertEquals("42501", run(c, "SET ROLE " + TenantIds.pluginOwner(county)));
            assertEquals("42501", run(c, "CREATE TABLE sneaky (id int)"));
            assertEquals("42501", run(c, "CREATE TABLE fence_sneaky (id int)"));
            assertEquals("42501", run(c, "CREATE VIEW fence_people AS SELECT 1 AS x"));
            assertEquals("42501", run(c, "CREATE FUNCTION lower(varchar) RETURNS text LANGUAGE sql AS 'SELECT 1'"));
            assertEquals("42501", run(c, "ALTER TABLE fence_note ADD COLUMN phone text"));
            assertEquals("42501", run(c, "GRANT " + schema + " TO CURRENT_USER"));
            assertEquals("42501", run(c, "SELECT * FROM " + TenantIds.schema(other) + ".v_org_unit"));
            assertEquals("42501", run(c, "SELECT * FROM " + TenantIds.schema(other) + ".resident"));
            assertEquals("42501", run(c, "SELECT * FROM platform.tenant"));
            assertFalse(has(c, "SELECT pg_has_role('" + schema + "', 'MEMBER')"));
        }
    }

    @Test
    void aPluginReachingForResidentsGetsAClearErrorAndNoData() {
        for (String path : List.of("/residents", "/payments")) {
            given().get("/api/t/" + county + "/m/fence" + path).then().statusCode(403)
                    .contentType("application/problem+json")
                    .body("detail", containsString("only its own tables and the county views"))
                    .body(not(containsString("13900000009"))).body(not(containsString("张三")));
        }
    }

    @Test
    void aChangelogCannotCopyResidentsNorLeaveAFunctionBehind() throws SQLException {
        PluginRuntimeTest.install(jar("2.0.0", """
                  <changeSet id="2" author="test">
                    <sql>CREATE TABLE fence_copy AS SELECT name, phone FROM resident</sql>
                  </changeSet>
                """)).statusCode(422).body("detail", containsString("permission denied"));
        PluginRuntimeTest.install(jar("2.0.1", """
                  <changeSet id="2" author="test">
                    <sql>CREATE FUNCTION lower(varchar) RETURNS text LANGUAGE sql AS 'SELECT ''hijacked'''</sql>
                  </changeSet>
                """)).statusCode(422).body("detail", containsString("without the prefix"));
        try (Connection c = Postgres.admin(DevStack.DATABASE)) {
            assertFalse(has(c, "SELECT EXISTS (SELECT 1 FROM pg_proc WHERE pronamespace = '" + schema
                    + "'::regnamespace AND proname = 'lower')"));
            assertFalse(has(c, "SELECT EXISTS (SELECT 1 FROM pg_class WHERE relnamespace = '" + schema
                    + "'::regnamespace AND relname = 'fence_copy')"));
        }
        given().get("/api/t/" + county + "/m/fence/villages").then().statusCode(200);
    }


    @Test
    void aCountyAndModuleSetUpByEarlierVersionsConverge() throws Exception {
        String login = TenantIds.pluginLogin(county);
        // as earlier versions left them: the login role in the county role, module tables the county's
        Postgres.exec(DevStack.DATABASE, "GRANT " + schema + " TO " + login, "ALTER TABLE " + schema
                + ".fence_note OWNER TO " + schema, "ALTER TABLE " + schema + ".fence_databasechangelog OWNER TO "
                + schema, "REVOKE ALL ON " + schema + ".fence_note FROM " + login);
        counties.migrateTenant(county);
        modules.migrate(catalogue.find("fence").orElseThrow(), county);
        try (Connection c = pools.connect(county)) {
            assertFalse(has(c, "SELECT pg_has_role('" + schema + "', 'MEMBER')"));
            assertEquals("42501", run(c, "SELECT * FROM resident"));
            assertEquals("ok", run(c, "INSERT INTO fence_note(text) VALUES ('still mine')"));
            assertTrue(has(c, "SELECT tableowner = '" + TenantIds.pluginOwner(county) + "' FROM pg_tables "
                    + "WHERE schemaname = '" + schema + "' AND tablename = 'fence_note'"));
        }
    }
}
