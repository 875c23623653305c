package io.mingjing.platform.warning;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasKey;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.notNullValue;
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
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import io.restassured.response.Response;
import jakarta.inject.Inject;
import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/** 预警 against real Keycloak and PostgreSQL: raised from events with their why, handled, tuned, kept private. */
@QuarkusTest
@QuarkusTestResource(DevStack.class)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class WarningTest {

    static final String X = People.VILLAGE_X;
    static final String EARLY = "builtin/labour-before-application";
    static final String SOON = "builtin/labour-declared-too-soon";

    @Inject
    WarningSweep sweep;

    String t;
    String admin;
    String bookkeeper;
    String cadre;
    String supervisor;
    String town;
    String inspector;
    String villager;

    @BeforeEach
    void arrange() {
        if (t != null) {
            return;
        }
        t = Counties.onboard("wrn");
        admin = Tokens.countyAdmin(t);
        People.orgUnits(t, admin);
        People.villagers(t, admin, "13900000");
        villager = Tokens.user(t, "13900000001");
        bookkeeper = People.staff(t, admin, "bk-x", Role.BOOKKEEPER, X);
        cadre = People.staff(t, admin, "cadre-x", Role.CADRE, X);
        supervisor = People.staff(t, admin, "sup-x", Role.SUPERVISOR, X);
        town = People.staff(t, admin, "town-x", Role.TOWN_OFFICIAL, People.TOWN);
        inspector = People.staff(t, admin, "insp", Role.INSPECTOR, null);
    }

    private long fileLabour(LocalDate start, LocalDate end, Object rate) {
        Map<String, Object> body = Map.of("kind", "LABOUR", "village", X, "title", "河道清理务工", "purpose", "河道清理",
                "workers", List.of(Map.of("name", "张三", "phone", "13900000001"), Map.of("name", "王五")),
                "plannedStart", start.toString(), "plannedEnd", end.toString(), "dailyRate", rate);
        return ((Number) given().auth().oauth2(bookkeeper).contentType(ContentType.JSON).body(body)
                .post("/api/t/" + t + "/approvals").then().statusCode(201).extract().path("id")).longValue();
    }

    private Response act(String token, long id, String note) {
        int seq = given().auth().oauth2(bookkeeper).get("/api/t/" + t + "/approvals/" + id).then().statusCode(200)
                .extract().path("seq");
        Map<String, Object> b = new HashMap<>(Map.of("action", "APPROVE", "seq", seq));
        if (note != null) {
            b.put("note", note);
        }
        return given().auth().oauth2(token).contentType(ContentType.JSON).body(b)
                .post("/api/t/" + t + "/approvals/" + id + "/steps");
    }

    /** The warning of a rule on an approval, waited for: the event's evaluation runs just after the commit. */
    private JsonPath awaitWarning(String token, String rule, long entity) {
        long until = System.currentTimeMillis() + 10_000;
        while (true) {
            JsonPath page = given().auth().oauth2(token).queryParam("rule", rule).queryParam("limit", 100)
                    .get("/api/t/" + t + "/warnings").then().statusCode(200).extract().jsonPath();
            List<Map<String, Object>> items = page.getList("items");
            for (Map<String, Object> w : items) {
                if (String.valueOf(entity).equals(w.get("entityId"))) {
                    return given().auth().oauth2(token).get("/api/t/" + t + "/warnings/" + w.get("id")).then()
                            .statusCode(200).extract().jsonPath();
                }
            }
            if (System.currentTimeMillis() > until) {
                throw new AssertionError("no warning of " + rule + " on " + entity);
            }
            sleep(100);
        }
    }

    private static void sleep(long ms) {
        try {
            Thread.sleep(ms);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private long count(String sql) {
        return Counties.count(t, sql);
    }

    @Test
    void labourStartedBeforeItsApplicationIsFlaggedWithItsWhyAndOnlyOnce() {
        LocalDate today = LocalDate.now(java.time.ZoneId.of("Asia/Shanghai"));
        long id = fileLabour(today.minusDays(3), today.plusDays(1), 150);
        JsonPath w = awaitWarning(town, EARLY, id);
        assertEquals("RED", w.getString("colour"));
        assertEquals("TOWN", w.getString("tier"));
        assertEquals("labour", w.getString("category"));
        assertTrue(w.getString("why.fact.plannedStart").startsWith(today.minusDays(4).toString())
                || w.getString("why.fact.plannedStart").startsWith(today.minusDays(3).toString()), w.prettify());
        assertEquals(0, w.getInt("why.thresholds.graceHours"));
        assertEquals("/api/t/" + t + "/approvals/" + id, w.getString("source"));
        assertTrue(w.getString("sourceReceipt").matches("[0-9a-f]{64}"));
        // a whole re-evaluation, and the same again, raise nothing twice
        sweep.reevaluateAll(t);
        sweep.reevaluateAll(t);
        assertEquals(1, count("SELECT count(*) FROM $s.warning WHERE rule_id = '" + EARLY + "' AND entity_id = '" + id + "'"));
        // the village does not see the town's warning in its queue, the town does
        given().auth().oauth2(town).get("/api/t/" + t + "/warnings/queue").then().statusCode(200)
                .body("items.id", hasItem(w.getInt("id")));
        given().auth().oauth2(cadre).get("/api/t/" + t + "/warnings/queue").then().statusCode(200)
                .body("items.id", not(hasItem(w.getInt("id"))));
    }

    @Test
    void approvingOverARedFlagNeedsAWrittenReasonThatTheDisclosureCarries() {
        LocalDate today = LocalDate.now(java.time.ZoneId.of("Asia/Shanghai"));
        long id = fileLabour(today.minusDays(5), today.plusDays(1), 150);
        act(cadre, id, null).then().statusCode(422).body("errors", hasKey("note"))
                .body("errors.note", containsString("未经审批用工"));
        act(cadre, id, "汛期抢险，先用工后补申请，已报镇里").then().statusCode(200);
        JsonPath w = awaitWarning(inspector, EARLY, id);
        assertEquals("汛期抢险，先用工后补申请，已报镇里", w.getString("signedOverReason"));
        given().auth().oauth2(bookkeeper).get("/api/t/" + t + "/approvals/" + id).then().statusCode(200)
                .body("data.signedOver[0].reason", equalTo("汛期抢险，先用工后补申请，已报镇里"));
        act(supervisor, id, "同意").then().statusCode(200).body("state", equalTo("AWAITING_INPUT"));
        // declared within minutes of the application: 虚假务工
        given().auth().oauth2(bookkeeper).contentType(ContentType.JSON).body(Map.of("days",
                List.of(Map.of("name", "张三", "days", 5), Map.of("name", "王五", "days", 5))))
                .post("/api/t/" + t + "/approvals/" + id + "/forms/declaration").then().statusCode(200);
        JsonPath soon = awaitWarning(inspector, SOON, id);
        assertEquals("INSPECTORS", soon.getString("tier"));
        assertEquals(4, soon.getInt("why.thresholds.minHours"));
        assertTrue(soon.getMap("why.fact").containsKey("declaredAt"));
        act(supervisor, id, "天数核实").then().statusCode(200);
        act(cadre, id, "工资核实").then().statusCode(200).body("state", equalTo("APPROVED"));
        given().auth().oauth2(bookkeeper).contentType(ContentType.JSON).body(Map.of("bankRef", "NB-2233"))
                .post("/api/t/" + t + "/approvals/" + id + "/payment").then().statusCode(200);
        assertEquals(1, count("SELECT count(*) FROM $s.disclosure WHERE body LIKE '%汛期抢险，先用工后补申请%'"));
    }

    @Test
    void aWarningGoesRedToYellowToGreenAndFalseAlarmsCountPerRule() {
        LocalDate today = LocalDate.now(java.time.ZoneId.of("Asia/Shanghai"));
        long id = fileLabour(today.minusDays(2), today.plusDays(2), 160);
        long w = awaitWarning(town, EARLY, id).getLong("id");
        String path = "/api/t/" + t + "/warnings/" + w;
        given().auth().oauth2(cadre).post(path + "/take").then().statusCode(403);
        given().auth().oauth2(town).post(path + "/take").then().statusCode(200).body("colour", equalTo("YELLOW"))
                .body("handler", notNullValue());
        given().auth().oauth2(town).post(path + "/take").then().statusCode(409);
        given().auth().oauth2(town).contentType(ContentType.JSON).body(Map.of("disposition", "FALSE_ALARM"))
                .post(path + "/disposition").then().statusCode(400).body("errors", hasKey("reason"));
        given().auth().oauth2(town).contentType(ContentType.JSON).body(Map.of("disposition", "NONSENSE"))
                .post(path + "/disposition").then().statusCode(400);
        given().auth().oauth2(town).contentType(ContentType.JSON).body(Map.of("disposition", "FALSE_ALARM",
                "reason", "申请在开工前已纸质报批，系统补录")).post(path + "/disposition").then().statusCode(200)
                .body("colour", equalTo("GREEN")).body("disposition", equalTo("FALSE_ALARM"));
        given().auth().oauth2(town).contentType(ContentType.JSON).body(Map.of("disposition", "CONFIRMED"))
                .post(path + "/disposition").then().statusCode(409);
        given().auth().oauth2(admin).get("/api/t/" + t + "/warning-rules/" + EARLY).then().statusCode(200)
                .body("counts.FALSE_ALARM", equalTo(1)).body("falseAlarmRate", notNullValue());
        assertTrue(count("SELECT count(*) FROM $s.audit_entry WHERE action = 'warning.disposed' AND entity_id = '" + w + "'")
                == 1);
        given().auth().oauth2(town).get("/api/t/" + t + "/warnings/counts").then().statusCode(200)
                .body("rows.find { it.rule == '" + EARLY + "' && it.disposition == 'FALSE_ALARM' }.count", equalTo(1));
    }

    @Test
    void badRulesAndThresholdsAreRefusedWithWhereAndWhy() {
        String rule = "/api/t/" + t + "/warning-rules/builtin/labour-daily-rate";
        put(admin, rule, Map.of("thresholds", Map.of("maxDailyRate", 10))).then().statusCode(422)
                .contentType(containsString("problem+json")).body("errors", hasKey("thresholds.maxDailyRate"));
        put(admin, rule, Map.of("thresholds", Map.of("maxDailyRate", "much"))).then().statusCode(422);
        put(admin, rule, Map.of("thresholds", Map.of("nope", 1))).then().statusCode(422).body("errors", hasKey("thresholds.nope"));
        put(admin, rule, Map.of("expression", "fact.dailyRate >")).then().statusCode(422)
                .body("errors.expression", containsString("line 1, column 17"));
        put(admin, rule, Map.of("expression", "fact.reporter == 'x'")).then().statusCode(422)
                .body("errors.expression", containsString("column 1"));
        put(admin, rule, Map.of("expression", "fact.dailyRate > threshold.maxDailyRate")).then().statusCode(422)
                .body("errors.expression", containsString("overload"));
        put(admin, rule, Map.of("expression", "[1,2].all(x, x > 0)")).then().statusCode(422)
                .body("errors.expression", containsString("loop"));
        put(admin, rule, Map.of("expression", "fact.workers > 0" + " || fact.workers > 0".repeat(150))).then()
                .statusCode(422);
        put(town, rule, Map.of("thresholds", Map.of("maxDailyRate", 200))).then().statusCode(403);
        given().auth().oauth2(admin).get("/api/t/" + t + "/warning-rules/builtin/nope").then().statusCode(404);
        given().auth().oauth2(admin).queryParam("from", "2026-01-01T00:00:00Z").queryParam("to", "2020-01-01T00:00:00Z")
                .get(rule + "/backtest").then().statusCode(422);
    }

    private static Response put(String token, String path, Object body) {
        return given().auth().oauth2(token).contentType(ContentType.JSON).body(body).put(path);
    }

    @Test
    void aLowerThresholdReEvaluatesTheCountyAndABacktestShowsWhatItWouldHaveFlagged() {
        LocalDate today = LocalDate.now(java.time.ZoneId.of("Asia/Shanghai"));
        long id = fileLabour(today, today.plusDays(2), 180);
        String rule = "/api/t/" + t + "/warning-rules/builtin/labour-daily-rate";
        Instant from = Instant.now().minus(1, ChronoUnit.DAYS);
        Instant to = Instant.now().plus(1, ChronoUnit.DAYS);
        long before = ((Number) given().auth().oauth2(admin).queryParam("from", from.toString()).queryParam("to", to.toString())
                .get(rule + "/backtest").then().statusCode(200).extract().path("hits")).longValue();
        put(admin, rule, Map.of("thresholds", Map.of("maxDailyRate", 170), "shadow", true)).then().statusCode(200)
                .body("thresholds[0].value", equalTo(170)).body("shadow", equalTo(true)).body("version", equalTo(2));
        given().auth().oauth2(admin).queryParam("from", from.toString()).queryParam("to", to.toString())
                .get(rule + "/backtest").then().statusCode(200).body("hits", equalTo((int) before + 1))
                .body("sample.entityId", hasItem(String.valueOf(id)));
        // shadow mode: the re-evaluation keeps its trial warning, which nobody is routed
        long until = System.currentTimeMillis() + 15_000;
        while (count("SELECT count(*) FROM $s.warning WHERE rule_id = 'builtin/labour-daily-rate' AND entity_id = '" + id
                + "' AND shadow") == 0 && System.currentTimeMillis() < until) {
            sleep(200);
        }
        given().auth().oauth2(town).get("/api/t/" + t + "/warnings?rule=builtin/labour-daily-rate").then().statusCode(200)
                .body("items.entityId", not(hasItem(String.valueOf(id))));
        given().auth().oauth2(inspector).get("/api/t/" + t + "/warnings?shadow=true&rule=builtin/labour-daily-rate")
                .then().statusCode(200).body("items.entityId", hasItem(String.valueOf(id)));
        given().auth().oauth2(town).get("/api/t/" + t + "/warnings?shadow=true").then().statusCode(403);
        // out of shadow mode it routes
        put(admin, rule, Map.of("shadow", false)).then().statusCode(200);
        given().auth().oauth2(cadre).get("/api/t/" + t + "/warnings?rule=builtin/labour-daily-rate").then()
                .statusCode(200).body("items.entityId", hasItem(String.valueOf(id)));
    }

    @Test
    void rulesCannotReadReportsOrWhoFiledThem() {
        for (int i = 0; i < 3; i++) {
            given().auth().oauth2(villager).contentType(ContentType.JSON).body(Map.of("kind", "REPORT", "category",
                    "discipline", "subject", "优亲厚友" + i, "body", "低保给了亲戚", "village", X, "accused", List.of("cadre-x")))
                    .post("/api/t/" + t + "/appeals").then().statusCode(201);
        }
        assertEquals(0, count("SELECT count(*) FROM $s.v_fact_appeal WHERE kind = 'REPORT'"));
        assertEquals(0, count("SELECT count(*) FROM $s.v_fact_complaints_naming WHERE entity_id = 'cadre-x'"));
        // no fact holds a name, a phone, an ID number, a body or who filed: checked on the catalog for every fact view
        assertEquals(0, count("SELECT count(*) FROM information_schema.columns WHERE table_schema = '$s' AND table_name "
                + "LIKE 'v\\_fact\\_%' AND (column_name ~ '(name|phone|id_card|body|subject|appellant|accused|reporter)')"));
        for (io.mingjing.sdk.Facts.Fact f : io.mingjing.sdk.Facts.ALL) {
            assertTrue(f.fields().stream().noneMatch(x -> x.name().matches("(?i).*(name|phone|appellant|accused|report).*")),
                    f.name());
        }
        put(admin, "/api/t/" + t + "/warning-rules/builtin/appeal-escalated",
                Map.of("expression", "fact.kind == 'REPORT' || fact.accused == 'cadre-x'")).then().statusCode(422)
                .body("errors.expression", containsString("accused"));
        sweep.reevaluateAll(t);
        assertEquals(0, count("SELECT count(*) FROM $s.warning WHERE why::text LIKE '%低保给了亲戚%' OR why::text LIKE '%优亲厚友%'"));
    }

    @Test
    void warningsAreNotReadAcrossPlacesOrCounties() {
        LocalDate today = LocalDate.now(java.time.ZoneId.of("Asia/Shanghai"));
        long id = fileLabour(today.minusDays(4), today, 150);
        long w = awaitWarning(town, EARLY, id).getLong("id");
        String cadreY = People.staff(t, admin, "cadre-y", Role.CADRE, People.VILLAGE_Y);
        given().auth().oauth2(cadreY).get("/api/t/" + t + "/warnings/" + w).then().statusCode(404);
        given().auth().oauth2(villager).get("/api/t/" + t + "/warnings/" + w).then().statusCode(404);
        given().get("/api/t/" + t + "/warnings").then().statusCode(401);
        given().auth().oauth2(town).get("/api/t/" + t + "/warnings/abc").then().statusCode(400);
        given().auth().oauth2(town).get("/api/t/" + t + "/warnings?colour=PURPLE").then().statusCode(400);
        given().auth().oauth2(town).get("/api/t/" + t + "/warnings?limit=100000").then().statusCode(400);
    }

    @Test
    void theSetBasedFactsForAWholeEvaluationEqualThePerEntityOnes() {
        for (int amount : List.of(1500, 1200, 900)) { // one payee, under the limit each: a split
            given().auth().oauth2(bookkeeper).contentType(ContentType.JSON).body(Map.of("kind", "PAYMENT", "village", X,
                    "title", "保洁费", "amount", amount, "payee", Map.of("name", "张三", "phone", "13900000001"),
                    "purpose", "道路保洁", "budgetLine", "管理费用")).post("/api/t/" + t + "/approvals").then().statusCode(201);
        }
        LocalDate today = LocalDate.now(java.time.ZoneId.of("Asia/Shanghai"));
        fileLabour(today, today.plusDays(3), 150); // 张三 on two labour approvals at once
        fileLabour(today.plusDays(1), today.plusDays(2), 150);
        for (String fact : List.of("payment")) {
            String a = "$s.v_fact_" + fact;
            String b = a + "_bulk";
            assertEquals(0, count("SELECT count(*) FROM (SELECT * FROM " + a + " EXCEPT SELECT * FROM " + b + ") x"), fact);
            assertEquals(0, count("SELECT count(*) FROM (SELECT * FROM " + b + " EXCEPT SELECT * FROM " + a + ") x"), fact);
        }
        assertTrue(count("SELECT count(*) FROM $s.v_fact_labour WHERE workers_elsewhere > 0") >= 2);
        assertTrue(count("SELECT count(*) FROM $s.v_fact_payment WHERE same_payee_count_30d >= 3") >= 1);
    }

    /** What labour_count keeps, computed from the approvals themselves as the facts once did when read. */
    private static final String LABOUR_COUNTS_FROM_DATA = "SELECT a.id::text, (SELECT count(*) FROM $s.staff m "
            + "WHERE m.phone IN (SELECT w->>'phone' FROM jsonb_array_elements(a.data->'filing'->'workers') w))::int, "
            + "(SELECT count(DISTINCT w->>'phone') FROM jsonb_array_elements(a.data->'filing'->'workers') w "
            + "WHERE w->>'phone' IS NOT NULL AND EXISTS (SELECT 1 FROM $s.approval b WHERE b.kind = 'LABOUR' "
            + "AND b.id <> a.id AND b.state <> 'REJECTED' AND b.data->'filing'->'workers' @> "
            + "jsonb_build_array(jsonb_build_object('phone', w->>'phone')) "
            + "AND (b.data->'filing'->>'plannedStart')::date <= (a.data->'filing'->>'plannedEnd')::date "
            + "AND (b.data->'filing'->>'plannedEnd')::date >= (a.data->'filing'->>'plannedStart')::date))::int "
            + "FROM $s.approval a WHERE a.kind = 'LABOUR'";

    private void assertLabourCountsFollowTheData(String after) {
        String kept = "SELECT entity_id, staff_among_workers, workers_elsewhere FROM $s.v_fact_labour";
        assertEquals(0, count("SELECT count(*) FROM (" + LABOUR_COUNTS_FROM_DATA + " EXCEPT " + kept + ") x"), after);
        assertEquals(0, count("SELECT count(*) FROM (" + kept + " EXCEPT " + LABOUR_COUNTS_FROM_DATA + ") x"), after);
    }

    @Test
    void theLabourCountsFollowEveryWriteOfApprovalsAndStaff() {
        LocalDate today = LocalDate.now(java.time.ZoneId.of("Asia/Shanghai"));
        long first = fileLabour(today.plusDays(10), today.plusDays(14), 150);
        long second = fileLabour(today.plusDays(12), today.plusDays(20), 150); // 张三 on both, days 12–14
        long third = fileLabour(today.plusDays(30), today.plusDays(31), 150); // 张三 again, no common day
        assertLabourCountsFollowTheData("filed");
        assertTrue(count("SELECT count(*) FROM $s.v_fact_labour WHERE entity_id IN ('" + first + "', '" + second
                + "') AND workers_elsewhere = 1") == 2);
        Postgres.exec(DevStack.DATABASE, "UPDATE " + TenantIds.schema(t) + ".staff SET phone = '13900000001' "
                + "WHERE username = 'cadre-x'");
        assertLabourCountsFollowTheData("a staff member's phone is a worker's");
        Postgres.exec(DevStack.DATABASE, "UPDATE " + TenantIds.schema(t) + ".approval SET state = 'REJECTED' WHERE id = "
                + second, "UPDATE " + TenantIds.schema(t) + ".approval SET data = jsonb_set(data, '{filing,plannedStart}', "
                + "to_jsonb('" + today.plusDays(29) + "'::text)) WHERE id = " + third);
        assertLabourCountsFollowTheData("one rejected, one moved");
        Postgres.exec(DevStack.DATABASE, "UPDATE " + TenantIds.schema(t) + ".staff SET phone = NULL WHERE username = 'cadre-x'");
        assertLabourCountsFollowTheData("the staff member's phone gone");
    }
}
