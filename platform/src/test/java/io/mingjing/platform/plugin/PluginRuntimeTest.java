package io.mingjing.platform.plugin;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.lessThan;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.mingjing.platform.audit.AuditRecord;
import io.mingjing.platform.testing.Counties;
import io.mingjing.platform.testing.DevStack;
import io.mingjing.platform.testing.PortalForm;
import io.mingjing.platform.testing.Postgres;
import io.mingjing.platform.testing.Tokens;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.ValidatableResponse;
import jakarta.inject.Inject;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;

/** A plugin's life in a running platform: install, enable per county, serve, fail safely, upgrade, unload. */
@QuarkusTest
@QuarkusTestResource(DevStack.class)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class PluginRuntimeTest {

    @Inject
    PluginJobs jobs;

    String on;
    String off;
    byte[] first;
    byte[] upgrade;

    static ValidatableResponse install(byte[] jar) {
        return given().auth().oauth2(Tokens.operator()).contentType("application/java-archive").body(jar)
                .post("/api/platform/plugins").then();
    }

    static ValidatableResponse configure(String county, String module, String body) {
        return given().auth().oauth2(Tokens.operator()).contentType(ContentType.JSON).body(body)
                .put("/api/platform/tenants/" + county + "/modules/" + module).then();
    }

    @Test
    @Order(1)
    void installsLiveAndServesOnlyWhereEnabled() {
        // a previous run may have left it in the test plugins directory
        given().auth().oauth2(Tokens.operator()).delete("/api/platform/plugins/echo");
        on = Counties.onboard("plug-on");
        off = Counties.onboard("plug-off");
        first = EchoJars.echo("1.0.0");
        install(first).statusCode(201).body("id", equalTo("echo")).body("version", equalTo("1.0.0"));
        given().auth().oauth2(Tokens.operator()).get("/api/platform/modules").then().statusCode(200)
                .body("findAll { it.source == 'plugin' }.id", hasItem("echo"));

        given().get("/api/t/" + on + "/m/echo/version").then().statusCode(404)
                .contentType("application/problem+json");
        long t0 = System.nanoTime();
        configure(on, "echo", "{\"enabled\":true}").statusCode(200).body("enabled", equalTo(true))
                .body("schemaVersion", equalTo("1.0.0"));
        long enableMillis = (System.nanoTime() - t0) / 1_000_000;
        assertTrue(enableMillis < 2000, "enabling took " + enableMillis + " ms");

        given().get("/api/t/" + on + "/m/echo/version").then().statusCode(200).body("version", equalTo("1.0.0"))
                .body("greeting", equalTo("你好"));
        given().get("/api/t/" + off + "/m/echo/version").then().statusCode(404)
                .contentType("application/problem+json");
        given().get("/api/t/" + on + "/m/nope/version").then().statusCode(404);
        given().get("/api/t/" + on + "/m/echo/nothing-here").then().statusCode(404)
                .body("detail", containsString("echo"));
    }

    @Test
    @Order(2)
    void migrationsCreatePrefixedTablesWithTheirOwnChangelogOnlyWhereEnabled() throws Exception {
        assertTrue(tables(on).containsAll(java.util.List.of("echo_note", "echo_databasechangelog")), tables(on)
                .toString());
        assertFalse(tables(on).contains("databasechangelog") && tables(on).contains("echo_databasechangelog")
                && count(on, "SELECT count(*) FROM t_" + on.replace('-', '_') + ".databasechangelog WHERE id = '1' "
                        + "AND author = 'test'") > 0, "module change sets went into the county's own changelog");
        assertFalse(tables(off).contains("echo_note"));
        // tables belong to the plugin owner role: neither the county's role nor the login role plugins connect with
        assertEquals(1, count(on, "SELECT count(*) FROM pg_tables WHERE tablename = 'echo_note' AND tableowner = 'tp_"
                + on.replace('-', '_') + "'"));
    }

    @Test
    @Order(3)
    void settingsAreValidatedAndReachTheModule() {
        configure(on, "echo", "{\"settings\":{\"greeting\":\"" + "长".repeat(30) + "\",\"limit\":0,\"nope\":1}}")
                .statusCode(422).contentType("application/problem+json")
                .body("errors.'settings.greeting'", containsString("at most 20"))
                .body("errors.'settings.limit'", containsString("between 1 and 100"))
                .body("errors.'settings.nope'", containsString("not a setting"));
        configure(on, "echo", "{\"settings\":{\"greeting\":\"乡亲们好\"}}").statusCode(200)
                .body("settings.greeting", equalTo("乡亲们好")).body("settings.limit", equalTo(10));
        given().get("/api/t/" + on + "/m/echo/version").then().body("greeting", equalTo("乡亲们好"));
        given().auth().oauth2(Tokens.operator()).get("/api/t/" + on + "/admin/modules").then().statusCode(401);
        given().auth().oauth2(Tokens.countyAdmin(on)).get("/api/t/" + on + "/admin/modules").then().statusCode(200)
                .body("find { it.id == 'echo' }.enabled", equalTo(true))
                .body("find { it.id == 'echo' }.settingSpecs.key", hasItem("greeting"));
    }

    @Test
    @Order(4)
    void writesAreAuditedAndEventsReachListenersAfterCommit() throws Exception {
        given().contentType(ContentType.JSON).body("{\"text\":\"收到\"}").post("/api/t/" + on + "/m/echo/notes")
                .then().statusCode(201).body("id", equalTo(1));
        given().contentType(ContentType.JSON).body("{\"text\":\"\"}").post("/api/t/" + on + "/m/echo/notes")
                .then().statusCode(422).body("errors.text", equalTo("is required"));
        given().contentType(ContentType.JSON).body("{bad json").post("/api/t/" + on + "/m/echo/notes")
                .then().statusCode(400).contentType("application/problem+json");
        assertEquals(1, count(on, "SELECT count(*) FROM " + schema(on) + ".audit_entry WHERE action = "
                + "'echo.note.created'"));
        await().atMost(10, TimeUnit.SECONDS).until(() -> count(on, "SELECT count(*) FROM " + schema(on)
                + ".echo_event WHERE type = 'echo.noted'") == 1);
        given().get("/api/t/" + on + "/audit/verify").then().statusCode(200).body("ok", equalTo(true));
    }

    @Test
    @Order(5)
    void aThrowingModuleGetsAProblemNamingItAndOthersCarryOn() {
        given().get("/api/t/" + on + "/m/echo/boom").then().statusCode(500).contentType("application/problem+json")
                .body("detail", containsString("Module 'echo'")).body("detail", containsString("IllegalStateException"));
        given().get("/api/t/" + on + "/m/echo/version").then().statusCode(200);
        given().get("/api/t/" + on + "/org-units").then().statusCode(200);
    }

    @Test
    @Order(6)
    void aHangingModuleIsCutOffWith504() {
        given().get("/api/t/" + on + "/m/echo/hang").then().statusCode(504).time(lessThan(8000L))
                .body("detail", containsString("echo"));
        given().get("/api/t/" + on + "/m/echo/slow-sql").then().statusCode(504).time(lessThan(8000L));
        given().get("/api/t/" + on + "/m/echo/version").then().statusCode(200);
        given().get("/api/t/" + off + "/org-units").then().statusCode(200);
    }

    @Test
    @Order(7)
    void rolesPagesAndStaticFiles() {
        given().get("/api/t/" + on + "/m/echo/cadres").then().statusCode(401);
        given().auth().oauth2(Tokens.operator()).get("/api/t/" + on + "/m/echo/cadres").then().statusCode(401);
        given().auth().oauth2(Tokens.countyAdmin(on)).get("/api/t/" + on + "/m/echo/cadres").then().statusCode(403);
        given().get("/t/" + on + "/m/echo").then().statusCode(200).contentType(containsString("text/html"))
                .body(containsString("&lt;b&gt;乡亲&lt;/b&gt;")).body(containsString("/t/" + on + "/m/echo/notes"))
                .body(containsString("乡亲们好"));
        given().get("/t/" + on + "/m/echo/static/echo.css").then().statusCode(200)
                .contentType(containsString("text/css"));
        given().get("/t/" + on + "/m/echo/static/../../x").then().statusCode(404);
        PortalForm form = PortalForm.from("/t/" + on + "/m/echo");
        form.request().redirects().follow(false).contentType(ContentType.URLENC).body("a=1&_csrf=" + form.token())
                .post("/t/" + on + "/m/echo/notes")
                .then().statusCode(303).header("Location", containsString("/t/" + on + "/m/echo/"));
        given().get("/t/" + off + "/m/echo").then().statusCode(404);
    }

    @Test
    @Order(8)
    void jobsRunOnlyInCountiesThatEnabledTheModule() throws Exception {
        assertTrue(jobs.scheduled("echo", "tick"));
        await().atMost(Duration.ofSeconds(10)).until(() -> count(on, "SELECT count(*) FROM " + schema(on)
                + ".echo_tick") > 0);
    }

    @Test
    @Order(9)
    void refusesAPluginThatBundlesTheSdkOrNeedsAnotherSdk() {
        byte[] bundling = TestJars.plugin("bundler", "1.0.0").module(io.mingjing.platform.plugin.fixtures.EchoModule.class)
                .withClass(io.mingjing.sdk.Module.class).build();
        install(bundling).statusCode(422).body("detail", containsString("bundles the Mingjing SDK"));
        byte[] future = TestJars.plugin("future", "1.0.0", ">=2.0.0").module(io.mingjing.platform.plugin.fixtures.EchoModule.class)
                .build();
        install(future).statusCode(422).body("detail", containsString("requires SDK >=2.0.0"));
        install("not a jar".getBytes()).statusCode(422);
        given().auth().oauth2(Tokens.operator()).get("/api/platform/modules").then()
                .body("findAll { it.status == 'rejected' }.reason", hasItem(containsString("bundles the Mingjing SDK")));
    }

    @Test
    @Order(9)
    void refusesAPluginNamedAsThePlatformsOwnRules() {
        byte[] impostor = TestJars.plugin("county", "1.0.0").module(io.mingjing.platform.plugin.fixtures.ImpostorModule.class)
                .build();
        install(impostor).statusCode(422).body("detail", containsString("reserved for the platform's own warning rules"));
        given().auth().oauth2(Tokens.operator()).get("/api/platform/modules").then()
                .body("findAll { it.id == 'county' && it.status != 'rejected' }", org.hamcrest.Matchers.empty());
    }

    @Test
    @Order(10)
    void upgradesLiveMigratingEnabledCountiesAndAFailedUpgradeKeepsTheOldVersion() throws Exception {
        upgrade = EchoJars.echo("2.0.0", EchoJars.ADD_EXTRA);
        install(upgrade).statusCode(200).body("previousVersion", equalTo("1.0.0"))
                .body("migratedCounties", hasItem(on)).body("millis", lessThan(5000));
        given().get("/api/t/" + on + "/m/echo/version").then().statusCode(200).body("version", equalTo("2.0.0"));
        assertTrue(tables(on).contains("echo_extra"));
        given().get("/api/t/" + on + "/m/echo/notes").then().statusCode(200).body("size()", equalTo(1));

        install(EchoJars.echo("3.0.0", EchoJars.ADD_EXTRA, EchoJars.BROKEN)).statusCode(422)
                .body("detail", containsString("2.0.0 keeps serving"));
        install(EchoJars.echo("3.0.0", EchoJars.ADD_EXTRA, EchoJars.UNPREFIXED)).statusCode(422)
                .body("detail", containsString("sneaky"));
        given().get("/api/t/" + on + "/m/echo/version").then().statusCode(200).body("version", equalTo("2.0.0"));
    }

    @Test
    @Order(11)
    void unloadingRemovesRoutesJobsAndListeners() throws Exception {
        given().auth().oauth2(Tokens.operator()).delete("/api/platform/plugins/echo").then().statusCode(204);
        given().get("/api/t/" + on + "/m/echo/version").then().statusCode(404);
        given().get("/t/" + on + "/m/echo").then().statusCode(404);
        assertFalse(jobs.scheduled("echo", "tick"));
        long ticks = count(on, "SELECT count(*) FROM " + schema(on) + ".echo_tick");
        Thread.sleep(3000);
        assertEquals(ticks, count(on, "SELECT count(*) FROM " + schema(on) + ".echo_tick"));
        given().auth().oauth2(Tokens.operator()).get("/api/platform/modules").then()
                .body("findAll { it.status == 'active' }.id", org.hamcrest.Matchers.not(hasItem("echo")));
        given().auth().oauth2(Tokens.operator()).delete("/api/platform/plugins/echo").then().statusCode(404);
        assertFalse(java.nio.file.Files.exists(java.nio.file.Path.of("plugins-dir", "echo.jar")), "jar left behind");
    }

    /** No chain is the platform's own: each county the module is enabled in records what reached its data. */
    @Test
    @Order(12)
    void theUpgradeAndTheRemovalAreAuditedInTheCountiesWhereTheModuleIsEnabled() throws Exception {
        String entries = "SELECT count(*) FROM %s.audit_entry WHERE entity = 'Module' AND entity_id = 'echo' AND "
                + "actor = 'operator:operator' AND action = '%s' AND payload_digest = '%s'";
        assertEquals(1, count(on, entries.formatted(schema(on), "plugin.installed", AuditRecord.sha256(upgrade))));
        assertEquals(1, count(on, entries.formatted(schema(on), "plugin.uninstalled",
                AuditRecord.sha256("2.0.0".getBytes(StandardCharsets.UTF_8)))));
        assertEquals(2, count(on, "SELECT count(*) FROM " + schema(on) + ".audit_entry WHERE action LIKE 'plugin.%'"),
                "the first install, before any county enabled it, and the refused upgrades reached no county");
        assertEquals(0, count(off, "SELECT count(*) FROM " + schema(off) + ".audit_entry WHERE action LIKE 'plugin.%'"));
    }

    @Test
    @Order(13)
    void everyOperatorActionIsOnTheProvincesChainEvenWhenItReachedNoCounty() throws Exception {
        String entries = "SELECT count(*) FROM platform.audit_entry WHERE actor = 'operator:operator' AND action = '%s' "
                + "AND entity = 'Module' AND entity_id = '%s' AND payload_digest = '%s'";
        assertEquals(1, count(on, entries.formatted("plugin.installed", "echo", AuditRecord.sha256(first))),
                "installed before any county enabled it");
        assertEquals(1, count(on, entries.formatted("plugin.installed", "echo", AuditRecord.sha256(upgrade))));
        assertEquals(1, count(on, entries.formatted("plugin.uninstalled", "echo",
                AuditRecord.sha256("2.0.0".getBytes(StandardCharsets.UTF_8)))));
        assertEquals(1, count(on, "SELECT count(*) FROM platform.audit_entry WHERE action = 'tenant.onboarded' AND "
                + "entity_id = '" + on + "'"));
        org.junit.jupiter.api.Assertions.assertTrue(count(on, "SELECT count(*) FROM platform.audit_entry WHERE "
                + "action = 'module.configured' AND entity_id = '" + on + "/echo'") >= 1, "the entitlement");
        given().auth().oauth2(Tokens.operator()).get("/api/platform/audit/verify").then().statusCode(200)
                .body("ok", equalTo(true));
        var newest = given().auth().oauth2(Tokens.operator()).queryParam("limit", 2).get("/api/platform/audit").then()
                .statusCode(200).body("size()", equalTo(2)).body("[0].hash", org.hamcrest.Matchers.hasLength(64))
                .extract().jsonPath();
        assertEquals(newest.getString("[1].hash"), newest.getString("[0].prevHash"), "newest first, each on the one before");
        given().auth().oauth2(Tokens.operator()).queryParam("limit", 0).get("/api/platform/audit").then().statusCode(400)
                .contentType("application/problem+json");
        given().auth().oauth2(Tokens.countyAdmin(on)).get("/api/platform/audit").then().statusCode(org.hamcrest.Matchers.oneOf(401, 403));
        given().get("/api/platform/audit/verify").then().statusCode(401);
    }

    static String schema(String county) {
        return "t_" + county.replace('-', '_');
    }

    static java.util.List<String> tables(String county) throws Exception {
        java.util.List<String> names = new java.util.ArrayList<>();
        try (Connection c = Postgres.admin(DevStack.DATABASE); Statement st = c.createStatement();
                ResultSet rs = st.executeQuery("SELECT tablename FROM pg_tables WHERE schemaname = '" + schema(county)
                        + "'")) {
            while (rs.next()) {
                names.add(rs.getString(1));
            }
        }
        return names;
    }

    static long count(String county, String sql) throws Exception {
        try (Connection c = Postgres.admin(DevStack.DATABASE); Statement st = c.createStatement();
                ResultSet rs = st.executeQuery(sql)) {
            rs.next();
            return rs.getLong(1);
        }
    }
}
