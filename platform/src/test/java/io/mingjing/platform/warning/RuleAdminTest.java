package io.mingjing.platform.warning;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasKey;
import static org.hamcrest.Matchers.not;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.mingjing.platform.identity.Role;
import io.mingjing.platform.tenancy.TenantIds;
import io.mingjing.platform.testing.Counties;
import io.mingjing.platform.testing.DevStack;
import io.mingjing.platform.testing.People;
import io.mingjing.platform.testing.Postgres;
import io.mingjing.platform.testing.Tokens;
import io.quarkus.test.common.QuarkusTestResource;
import io.mingjing.platform.testing.Browser;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import io.restassured.response.Response;
import jakarta.inject.Inject;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.BooleanSupplier;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * A county admin's own rules against real Keycloak and PostgreSQL: added and checked as edits are,
 * run in shadow mode until switched live, the county's alone; DEPARTMENT warnings reach the department
 * their fact names, the inspectors when it names none.
 */
@QuarkusTest
@QuarkusTestResource(DevStack.class)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class RuleAdminTest {

    static final String X = People.VILLAGE_X;

    @Inject
    WarningSweep sweep;

    String t;
    String admin;
    String bookkeeper;
    String town;
    String inspector;
    String deptA;
    String deptB;
    String villager;

    @BeforeEach
    void arrange() {
        if (t != null) {
            return;
        }
        t = Counties.onboard("rla");
        admin = Tokens.countyAdmin(t);
        People.orgUnits(t, admin);
        People.villagers(t, admin, "13600000");
        villager = Tokens.user(t, "13600000001");
        bookkeeper = People.staff(t, admin, "bk-x", Role.BOOKKEEPER, X);
        People.staff(t, admin, "cadre-x", Role.CADRE, X); // a labour application's first step
        town = People.staff(t, admin, "town-x", Role.TOWN_OFFICIAL, People.TOWN);
        inspector = People.staff(t, admin, "insp", Role.INSPECTOR, null);
        deptA = People.staff(t, admin, "dept-a", Role.DEPARTMENT_STAFF, null);
        deptB = People.staff(t, admin, "dept-b", Role.DEPARTMENT_STAFF, null);
    }

    private String rules() {
        return "/api/t/" + t + "/warning-rules";
    }

    @SafeVarargs
    private static Map<String, Object> draft(String id, String tier, String fact, String expression,
            Map<String, Object>... thresholds) {
        Map<String, Object> d = new HashMap<>(Map.of("id", id, "category", "labour", "nameZh", "本县规则" + id,
                "nameEn", "County rule " + id, "severity", "YELLOW", "tier", tier, "fact", fact, "expression", expression));
        d.put("thresholds", List.of(thresholds));
        return d;
    }

    private static Map<String, Object> number(String key, long value, long min, long max) {
        return Map.of("key", key, "type", "number", "default", value, "min", min, "max", max);
    }

    private static Response post(String token, String path, Object body) {
        return given().auth().oauth2(token).contentType(ContentType.JSON).body(body).post(path);
    }

    private static Response put(String token, String path, Object body) {
        return given().auth().oauth2(token).contentType(ContentType.JSON).body(body).put(path);
    }

    private long fileLabour(int rate) {
        LocalDate today = LocalDate.now(ZoneId.of("Asia/Shanghai"));
        return ((Number) post(bookkeeper, "/api/t/" + t + "/approvals", Map.of("kind", "LABOUR", "village", X, "title",
                "河道清理务工", "purpose", "河道清理", "workers", List.of(Map.of("name", "甲")), "plannedStart",
                today.toString(), "plannedEnd", today.plusDays(1).toString(), "dailyRate", rate)).then().statusCode(201)
                .extract().path("id")).longValue();
    }

    private long count(String county, String sql) {
        return Counties.count(county, sql);
    }

    private void sql(String statement) {
        try (Connection c = Postgres.admin(DevStack.DATABASE)) {
            c.createStatement().execute(statement.replace("$s", TenantIds.schema(t)));
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private static void await(BooleanSupplier done, String what) {
        long until = System.currentTimeMillis() + 15_000;
        while (!done.getAsBoolean()) {
            if (System.currentTimeMillis() > until) {
                throw new AssertionError(what);
            }
            try {
                Thread.sleep(150);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }

    /** The warning of a rule on an entity as an inspector reads it, waited for. */
    private JsonPath awaitWarning(String rule, String entity) {
        await(() -> count(t, "SELECT count(*) FROM $s.warning WHERE rule_id = '" + rule + "' AND entity_id = '" + entity
                + "' AND NOT shadow") == 1, "no warning of " + rule + " on " + entity);
        List<Map<String, Object>> items = given().auth().oauth2(inspector).queryParam("rule", rule).queryParam("limit", 100)
                .get("/api/t/" + t + "/warnings").then().statusCode(200).extract().jsonPath().getList("items");
        Object id = items.stream().filter(w -> entity.equals(w.get("entityId"))).findFirst().orElseThrow().get("id");
        return given().auth().oauth2(inspector).get("/api/t/" + t + "/warnings/" + id).then().statusCode(200).extract()
                .jsonPath();
    }

    private List<Object> queue(String token) {
        return given().auth().oauth2(token).get("/api/t/" + t + "/warnings/queue?limit=100").then().statusCode(200)
                .extract().jsonPath().getList("items.id");
    }

    @Test
    void aCountyRuleRunsInShadowUntilSwitchedLiveAndAChangedTestGoesBackToShadow() {
        String rule = rules() + "/county/rate-cap";
        post(admin, rules(), draft("rate-cap", "TOWN", "labour", "fact.dailyRate > double(threshold.maxRate)",
                number("maxRate", 120, 50, 1000))).then().statusCode(201).body("id", equalTo("county/rate-cap"))
                .body("module", equalTo("county")).body("shadow", equalTo(true)).body("enabled", equalTo(true))
                .body("thresholds[0].value", equalTo(120)).body("thresholds[0].max", equalTo(1000));
        assertEquals(1, count(t, "SELECT count(*) FROM $s.audit_entry WHERE action = 'warning-rule.added' AND entity_id = "
                + "'county/rate-cap'"));
        post(admin, rules(), draft("rate-cap", "TOWN", "labour", "fact.workers > 0")).then().statusCode(409)
                .contentType(containsString("problem+json")).body("errors", hasKey("id"));

        // its first warnings are a trial: kept, routed to nobody
        long id = fileLabour(150);
        String entity = String.valueOf(id);
        await(() -> count(t, "SELECT count(*) FROM $s.warning WHERE rule_id = 'county/rate-cap' AND entity_id = '" + entity
                + "' AND shadow") == 1, "no trial warning");
        given().auth().oauth2(town).get("/api/t/" + t + "/warnings?rule=county/rate-cap").then().statusCode(200)
                .body("items.entityId", not(hasItem(entity)));
        Instant from = Instant.now().minus(1, ChronoUnit.DAYS);
        given().auth().oauth2(admin).queryParam("from", from.toString()).queryParam("to", Instant.now().plusSeconds(60)
                .toString()).get(rule + "/backtest").then().statusCode(200).body("sample.entityId", hasItem(entity));
        put(admin, rule, Map.of("thresholds", Map.of("maxRate", 5000))).then().statusCode(422)
                .body("errors", hasKey("thresholds.maxRate"));

        // switched live, it routes: its trial warning reaches the town, a whole re-evaluation raises nothing twice
        put(admin, rule, Map.of("shadow", false)).then().statusCode(200).body("shadow", equalTo(false));
        given().auth().oauth2(town).get("/api/t/" + t + "/warnings?rule=county/rate-cap").then().statusCode(200)
                .body("items.entityId", hasItem(entity));
        Evaluator.Result all = sweep.reevaluateAll(t);
        assertTrue(!all.failed().containsKey("county/rate-cap"), all.failed().toString());
        assertEquals(1, count(t, "SELECT count(*) FROM $s.warning WHERE rule_id = 'county/rate-cap' AND entity_id = '"
                + entity + "'"));

        // the module's CEL differs from the one switched live (a plugin update would do this): shadow again
        sql("UPDATE $s.warning_rule SET reviewed = 'fact.workers > 0' WHERE rule_id = 'county/rate-cap'");
        given().auth().oauth2(admin).get(rule).then().statusCode(200).body("shadow", equalTo(true));
        put(admin, rule, Map.of("shadow", false)).then().statusCode(200).body("shadow", equalTo(false));

        // the county rewrites the test: back to shadow; it cannot skip the trial in the same change
        put(admin, rule, Map.of("expression", "fact.dailyRate > double(threshold.maxRate) + 1.0", "shadow", false))
                .then().statusCode(422).body("errors", hasKey("shadow"));
        put(admin, rule, Map.of("expression", "fact.dailyRate > double(threshold.maxRate) + 1.0")).then().statusCode(200)
                .body("shadow", equalTo(true)).body("expression", equalTo("fact.dailyRate > double(threshold.maxRate) + 1.0"));
        put(admin, rule, Map.of("enabled", false)).then().statusCode(200).body("enabled", equalTo(false));

        // removed, its warnings stay and its id stays taken; a module's rule is switched off, not removed
        given().auth().oauth2(town).delete(rule).then().statusCode(403);
        given().auth().oauth2(admin).delete(rule).then().statusCode(204);
        given().auth().oauth2(admin).get(rule).then().statusCode(404);
        assertEquals(1, count(t, "SELECT count(*) FROM $s.warning WHERE rule_id = 'county/rate-cap' AND entity_id = '"
                + entity + "'"));
        assertEquals(1, count(t, "SELECT count(*) FROM $s.audit_entry WHERE action = 'warning-rule.removed'"));
        post(admin, rules(), draft("rate-cap", "TOWN", "labour", "fact.workers > 0")).then().statusCode(409);
        given().auth().oauth2(admin).delete(rules() + "/builtin/labour-daily-rate").then().statusCode(409);
        given().auth().oauth2(admin).delete(rules() + "/county/never-was").then().statusCode(404);
    }

    @Test
    void aCountyRuleIsThatCountysAlone() {
        post(admin, rules(), draft("own-rule", "VILLAGE", "labour", "fact.workers > 0")).then().statusCode(201);
        String u = Counties.onboard("rlb");
        String other = Tokens.countyAdmin(u);
        String there = "/api/t/" + u + "/warning-rules";
        given().auth().oauth2(other).get(there + "/county/own-rule").then().statusCode(404);
        put(other, there + "/county/own-rule", Map.of("shadow", false)).then().statusCode(404);
        given().auth().oauth2(other).delete(there + "/county/own-rule").then().statusCode(404);
        given().auth().oauth2(other).get(there).then().statusCode(200).body("id", not(hasItem("county/own-rule")));
        given().auth().oauth2(other).get(rules() + "/county/own-rule").then().statusCode(401);
        Evaluator.Result theirs = sweep.reevaluateAll(u);
        assertTrue(theirs.raised().stream().noneMatch(r -> r.ruleId().startsWith("county/")), theirs.toString());
        assertEquals(0, count(u, "SELECT count(*) FROM $s.warning_county_rule"));
        // the other county adds a rule of the same id: its own, no conflict
        post(other, there, draft("own-rule", "VILLAGE", "labour", "fact.workers > 1")).then().statusCode(201);
        given().auth().oauth2(admin).get(rules() + "/county/own-rule").then().statusCode(200)
                .body("expression", equalTo("fact.workers > 0"));
    }

    @Test
    void badRulesAreRefusedNamingTheFieldAndThePosition() {
        long before = count(t, "SELECT count(*) FROM $s.warning_county_rule");
        Map<String, Object> bad = new HashMap<>(draft("x", "MAYOR", "reports", "true"));
        bad.putAll(Map.of("category", "gossip", "severity", "PURPLE", "nameZh", " ", "nameEn", "e".repeat(101)));
        post(admin, rules(), bad).then().statusCode(422).contentType(containsString("problem+json"))
                .body("errors", hasKey("id")).body("errors", hasKey("tier")).body("errors", hasKey("fact"))
                .body("errors", hasKey("category")).body("errors", hasKey("severity")).body("errors", hasKey("nameZh"))
                .body("errors", hasKey("nameEn"));
        post(admin, rules(), draft("Bad_Id", "TOWN", "labour", "true")).then().statusCode(422).body("errors", hasKey("id"));
        post(admin, rules(), Map.of()).then().statusCode(422).body("errors", hasKey("category"))
                .body("errors", hasKey("expression"));
        // thresholds: a default outside its bounds, bounds the wrong way round, an unknown type, a bad or twice-declared key
        post(admin, rules(), draft("t-rule", "TOWN", "labour", "true", number("low", 5, 10, 20))).then().statusCode(422)
                .body("errors", hasKey("thresholds[0].default"));
        post(admin, rules(), draft("t-rule", "TOWN", "labour", "true", number("low", 5, 20, 10))).then().statusCode(422)
                .body("errors", hasKey("thresholds[0].min"));
        post(admin, rules(), draft("t-rule", "TOWN", "labour", "true", Map.of("key", "k", "type", "text", "default", "x")))
                .then().statusCode(422).body("errors", hasKey("thresholds[0].type"));
        post(admin, rules(), draft("t-rule", "TOWN", "labour", "true", number("drop table", 1, 0, 2), number("a", 1, 0, 2),
                number("a", 1, 0, 2))).then().statusCode(422).body("errors", hasKey("thresholds[0].key"))
                .body("errors", hasKey("thresholds[2].key"));
        post(admin, rules(), draft("t-rule", "TOWN", "labour", "true", Map.of("key", "strict", "type", "flag", "default",
                "yes"))).then().statusCode(422).body("errors", hasKey("thresholds[0].default"));
        // CEL: does not parse, names an unknown field or threshold, mistypes, loops, is too big, is empty
        String cel = "c-rule";
        post(admin, rules(), draft(cel, "TOWN", "labour", "fact.dailyRate >")).then().statusCode(422)
                .body("errors.expression", containsString("line 1, column 17"));
        post(admin, rules(), draft(cel, "TOWN", "appeal", "fact.reporter == 'x'")).then().statusCode(422)
                .body("errors.expression", containsString("has no field 'reporter'"));
        post(admin, rules(), draft(cel, "TOWN", "labour", "fact.dailyRate > double(threshold.nope)")).then()
                .statusCode(422).body("errors.expression", containsString("no threshold 'nope'"));
        post(admin, rules(), draft(cel, "TOWN", "labour", "fact.dailyRate > threshold.max", number("max", 1, 0, 9))).then()
                .statusCode(422).body("errors.expression", containsString("overload"));
        post(admin, rules(), draft(cel, "TOWN", "labour", "[1, 2].exists(x, x > fact.workers)")).then().statusCode(422)
                .body("errors.expression", containsString("loop"));
        post(admin, rules(), draft(cel, "TOWN", "labour", "fact.workers > 0" + " || fact.workers > 0".repeat(80))).then()
                .statusCode(422).body("errors.expression", containsString("parts"));
        post(admin, rules(), draft(cel, "TOWN", "labour", "fact.workers > 0 ".repeat(200))).then().statusCode(422)
                .body("errors.expression", containsString("longer than"));
        post(admin, rules(), draft(cel, "TOWN", "labour", "  ")).then().statusCode(422)
                .body("errors.expression", containsString("required"));
        // not JSON of the right shape, not the admin, not logged in
        given().auth().oauth2(admin).contentType(ContentType.JSON).body("{\"id\":\"z-rule\",\"thresholds\":\"many\"}")
                .post(rules()).then().statusCode(400).contentType(containsString("problem+json"));
        post(town, rules(), draft("town-rule", "TOWN", "labour", "fact.workers > 0")).then().statusCode(403);
        given().contentType(ContentType.JSON).body(draft("anon-rule", "TOWN", "labour", "true")).post(rules()).then()
                .statusCode(401);
        assertEquals(before, count(t, "SELECT count(*) FROM $s.warning_county_rule"));
    }

    @Test
    void departmentWarningsGoToTheDepartmentTheFactNamesAndToTheInspectorsWhenItNamesNone() {
        // the county names 县民政局's staff; hardship appeals are 县民政局's (the seeded category)
        given().auth().oauth2(admin).contentType(ContentType.JSON).body(Map.of("members", List.of("dept-a")))
                .put("/api/t/" + t + "/services/departments/县民政局").then().statusCode(200);
        for (Map<String, Object> d : List.of(draft("hardship-case", "DEPARTMENT", "appeal", "fact.category == 'hardship'"),
                draft("labour-to-dept", "DEPARTMENT", "labour", "fact.dailyRate > 900.0"))) {
            post(admin, rules(), d).then().statusCode(201);
            put(admin, rules() + "/county/" + d.get("id"), Map.of("shadow", false)).then().statusCode(200);
        }
        String no = post(villager, "/api/t/" + t + "/appeals", Map.of("kind", "COMPLAINT", "category", "hardship", "subject",
                "低保申请无人受理", "body", "家中困难，申请三个月无回音", "village", X)).then().statusCode(201).extract()
                .path("trackingNo");
        JsonPath w = awaitWarning("county/hardship-case", no);
        assertEquals("DEPARTMENT", w.getString("tier"));
        assertEquals("县民政局", w.getString("department"));
        assertEquals("县民政局", w.getString("why.department"));
        int id = w.getInt("id");
        assertTrue(queue(deptA).contains(id));
        assertTrue(!queue(deptB).contains(id), "a department staff the county named for no such department");
        assertTrue(!queue(inspector).contains(id));
        given().auth().oauth2(deptB).post("/api/t/" + t + "/warnings/" + id + "/take").then().statusCode(403);
        given().auth().oauth2(deptA).post("/api/t/" + t + "/warnings/" + id + "/take").then().statusCode(200)
                .body("colour", equalTo("YELLOW"));
        assertEquals(1, count(t, "SELECT count(*) FROM $s.inbox_message WHERE recipient = '县民政局' AND text LIKE '新的预警%'"));

        // labour names no department: the inspectors handle it, and its why says so
        String labour = String.valueOf(fileLabour(950));
        JsonPath fallback = awaitWarning("county/labour-to-dept", labour);
        assertEquals(null, fallback.getString("department"));
        assertTrue(fallback.getString("why.fallback").contains("inspectors"), fallback.prettify());
        assertTrue(queue(inspector).contains(fallback.getInt("id")));
        assertTrue(!queue(deptA).contains(fallback.getInt("id")));
    }

    /** The admin adds a rule from the catalogue page on a phone: a refusal shows the form again with what is wrong. */
    @Test
    void theCataloguePageAddsAndRemovesACountyRule() throws Exception {
        Browser phone = new Browser();
        String base = "http://127.0.0.1:" + RestAssured.port;
        assertEquals(200, phone.logIn(base, t, "admin", "Test-pass-1").statusCode());
        String page = base + "/t/" + t + "/staff/warnings/rules";
        HttpResponse<String> rules = phone.go(HttpRequest.newBuilder(URI.create(page)));
        assertTrue(rules.body().contains("新增本县规则") && rules.body().contains("name=\"expression\""), rules.body());
        String form = "id=page-rule&nameZh=" + enc("页面规则") + "&nameEn=Page+rule&category=labour&severity=YELLOW"
                + "&tier=VILLAGE&fact=labour&thresholds=" + enc("maxWorkers number 5 1 50");
        HttpResponse<String> refused = submit(phone, base, page, rules.body(), form + "&expression="
                + enc("fact.workers > threshold.maxWorkers &&"));
        assertEquals(422, refused.statusCode(), refused.body());
        assertTrue(refused.body().contains("expression: line 1") && refused.body().contains("value=\"页面规则\""),
                refused.body());
        HttpResponse<String> added = submit(phone, base, page, refused.body(), form + "&expression="
                + enc("fact.workers > threshold.maxWorkers"));
        assertEquals(200, added.statusCode(), added.body());
        assertTrue(added.body().contains("页面规则") && added.body().contains("/county/page-rule/remove"), added.body());
        given().auth().oauth2(admin).get(rules() + "/county/page-rule").then().statusCode(200)
                .body("shadow", equalTo(true)).body("thresholds[0].max", equalTo(50));
        HttpResponse<String> removed = submit(phone, base, page + "/county/page-rule/remove", added.body(), "");
        assertEquals(200, removed.statusCode(), removed.body());
        given().auth().oauth2(admin).get(rules() + "/county/page-rule").then().statusCode(404);
    }

    private static HttpResponse<String> submit(Browser phone, String base, String action, String from, String form)
            throws Exception {
        return phone.go(HttpRequest.newBuilder(URI.create(action)).header("Origin", base).header("Accept", "text/html")
                .header("Content-Type", "application/x-www-form-urlencoded").POST(HttpRequest.BodyPublishers.ofString(
                        "_csrf=" + enc(Browser.token(from)) + (form.isEmpty() ? "" : "&" + form))));
    }

    private static String enc(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8);
    }
}
