package io.mingjing.platform.inspection;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.everyItem;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasKey;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.mingjing.platform.identity.Role;
import io.mingjing.platform.tenancy.TenantIds;
import io.mingjing.platform.testing.Browser;
import io.mingjing.platform.testing.Counties;
import io.mingjing.platform.testing.DevStack;
import io.mingjing.platform.testing.People;
import io.mingjing.platform.testing.Postgres;
import io.mingjing.platform.testing.Tokens;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.ResultSet;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/** 电子抽检 against real Keycloak and PostgreSQL: draws anyone can repeat, who sees and records what, bad input. */
@QuarkusTest
@QuarkusTestResource(DevStack.class)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class InspectionTest {

    static final String X = People.VILLAGE_X;
    static final String Y = People.VILLAGE_Y;
    static final String Z = People.VILLAGE_Z;
    static final LocalDate TODAY = LocalDate.now(ZoneId.of("Asia/Shanghai"));

    String t;
    String admin;
    String inspector;
    String town;
    String otherTown;
    String cadreX;
    String cadreY;
    String villager;

    @BeforeEach
    void arrange() {
        if (t != null) {
            return;
        }
        Counties.awaitDemoCounties();
        t = Counties.onboard("isp");
        admin = Tokens.countyAdmin(t);
        People.orgUnits(t, admin);
        StringBuilder more = new StringBuilder("code,name,level,parentCode\n");
        for (int i = 3; i <= 8; i++) {
            more.append("33078210220").append(i).append(",第").append(i).append("村,VILLAGE,").append(People.TOWN).append('\n');
        }
        given().auth().oauth2(admin).contentType("text/csv; charset=UTF-8").body(more.toString())
                .post("/api/t/" + t + "/admin/org-units/import").then().statusCode(200);
        inspector = People.staff(t, admin, "jiwei", Role.INSPECTOR, null);
        town = People.staff(t, admin, "town-x", Role.TOWN_OFFICIAL, People.TOWN);
        otherTown = People.staff(t, admin, "town-z", Role.TOWN_OFFICIAL, People.OTHER_TOWN);
        cadreX = People.staff(t, admin, "cadre-x", Role.CADRE, X);
        cadreY = People.staff(t, admin, "cadre-y", Role.CADRE, Y);
        People.villagers(t, admin, "13907821");
        villager = Tokens.user(t, "13907821001");
        for (String body : List.of("修路工程验收", "村道路灯维修", "垃圾分类督查")) {
            given().auth().oauth2(cadreX).contentType(ContentType.JSON).body(Map.of("village", X, "body", body))
                    .post("/api/t/" + t + "/village-log").then().statusCode(201);
        }
    }

    private String path() {
        return "/api/t/" + t + "/inspections";
    }

    private Response open(String token, Map<String, Object> body) {
        return given().auth().oauth2(token).contentType(ContentType.JSON).body(body).post(path());
    }

    private static Map<String, Object> round(Object... more) {
        Map<String, Object> body = new HashMap<>(Map.of("title", "季度抽检", "from", TODAY.minusDays(7).toString(),
                "to", TODAY.toString(), "kinds", List.of("VILLAGE_LOG", "APPROVAL"), "perKind", 2));
        for (int i = 0; i < more.length; i += 2) {
            body.put((String) more[i], more[i + 1]);
        }
        return body;
    }

    private long opened(Response r) {
        return ((Number) r.then().statusCode(201).extract().path("id")).longValue();
    }

    private Response result(String token, long id, String village, Map<String, Object> body) {
        return given().auth().oauth2(token).contentType(ContentType.JSON).body(body)
                .put(path() + "/" + id + "/villages/" + village + "/result");
    }

    private List<String> column(String sql) {
        List<String> out = new ArrayList<>();
        try (Connection c = Postgres.admin(DevStack.DATABASE); ResultSet r = c.createStatement()
                .executeQuery(sql.replace("$s", TenantIds.schema(t)))) {
            while (r.next()) {
                out.add(r.getString(1));
            }
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
        return out;
    }

    @Test
    void aRandomDrawIsTheOneAnyoneRepeatsFromTheSeedAndTheAuditChainHoldsIt() {
        Response r = open(inspector, round("town", People.TOWN, "sample", 4));
        long id = opened(r);
        String seed = r.path("seed");
        List<String> drawn = r.path("villages.village");
        assertEquals(4, drawn.size());
        assertEquals(column("SELECT code FROM $s.org_unit WHERE level = 'VILLAGE' AND parent_code = '" + People.TOWN
                + "' ORDER BY md5('" + seed + "' || ':' || code), code LIMIT 4"), drawn, "the documented draw");
        assertEquals(List.of("1"), column("SELECT count(*) FROM $s.audit_entry WHERE action = 'inspection.opened'"
                + " AND entity_id = '" + id + "'"));

        Response named = open(inspector, round("villages", List.of(X, Y)));
        long second = opened(named);
        String seed2 = named.path("seed");
        assertTrue(!seed2.equals(seed), "every round draws its own seed");
        List<String> logs = given().auth().oauth2(inspector).get(path() + "/" + second + "/villages/" + X).then()
                .statusCode(200).body("records", hasSize(2)).body("records.kind", everyItem(equalTo("VILLAGE_LOG")))
                .body("records[0].receiptHash", notNullValue()).extract().path("records.id");
        assertEquals(column("SELECT id::text FROM $s.village_log WHERE village = '" + X + "' ORDER BY md5('" + seed2
                + "' || ':' || id::text), id::text LIMIT 2"), logs, "the documented draw of records");
        assertEquals(column("SELECT hash FROM $s.audit_entry WHERE entity = 'VillageLog' AND entity_id = '" + logs.get(0)
                + "' ORDER BY seq DESC LIMIT 1"), List.of((String) given().auth().oauth2(inspector)
                .get(path() + "/" + second + "/villages/" + X).path("records[0].receiptHash")), "the record's receipt");
        given().auth().oauth2(inspector).get(path() + "/" + second + "/villages/" + Y).then().statusCode(200)
                .body("records", hasSize(0));
    }

    @Test
    void aTownInspectsItsOwnVillagesOnlyAndAVillageSeesItsOwnResultOnly() {
        open(town, round("villages", List.of(X, Z))).then().statusCode(403).body("errors", hasKey("villages[1]"));
        open(town, round("town", People.OTHER_TOWN, "sample", 1)).then().statusCode(403).body("errors", hasKey("town"));
        open(cadreX, round("villages", List.of(X))).then().statusCode(403);
        open(villager, round("villages", List.of(X))).then().statusCode(403);
        open(admin, round("villages", List.of(X))).then().statusCode(403);
        Response r = open(town, round("sample", 8));
        long id = opened(r);
        r.then().body("town", equalTo(People.TOWN)).body("villages", hasSize(8)).body("mayRecord", equalTo(true));
        given().auth().oauth2(otherTown).get(path() + "/" + id).then().statusCode(404);
        given().auth().oauth2(otherTown).get(path()).then().statusCode(200).body("items.id", not(hasItem((int) id)));
        given().auth().oauth2(inspector).get(path() + "/" + id).then().statusCode(200).body("mayRecord", equalTo(true));

        result(town, id, X, Map.of("result", "PASS")).then().statusCode(200).body("result.result", equalTo("PASS"));
        result(town, id, Y, Map.of("result", "FAIL", "comment", "无公开记录")).then().statusCode(200);
        result(cadreX, id, X, Map.of("result", "PASS", "reason", "自评")).then().statusCode(403);
        result(cadreX, id, Y, Map.of("result", "PASS")).then().statusCode(404);
        given().auth().oauth2(cadreX).get(path() + "/" + id).then().statusCode(200).body("villages", hasSize(1))
                .body("villages[0].village", equalTo(X)).body("villages[0].result", equalTo("PASS"))
                .body("tally.fail", equalTo(0)).body("mayRecord", equalTo(false));
        given().auth().oauth2(cadreX).get(path() + "/" + id + "/villages/" + Y).then().statusCode(404);
        given().auth().oauth2(cadreY).get(path() + "/" + id + "/villages/" + Y).then().statusCode(200)
                .body("result.result", equalTo("FAIL"));
        given().auth().oauth2(villager).get(path()).then().statusCode(403);
        given().auth().oauth2(villager).get(path() + "/" + id).then().statusCode(403);

        long county = opened(open(inspector, round("villages", List.of(X))));
        result(town, county, X, Map.of("result", "PASS")).then().statusCode(403);
    }

    @Test
    void aResultIsAmendedOnlyWithAReasonAndACorrectionBecomesTheVillagesTask() {
        long id = opened(open(inspector, round("villages", List.of(X, Y))));
        result(inspector, id, Z, Map.of("result", "PASS")).then().statusCode(404);
        result(inspector, id, "not-a-village", Map.of("result", "PASS")).then().statusCode(404);
        result(inspector, id, X, Map.of("result", "GOOD")).then().statusCode(422).body("errors", hasKey("result"));
        result(inspector, id, X, Map.of("result", "RECTIFY", "correction", "补齐公开", "deadline",
                TODAY.minusDays(1).toString())).then().statusCode(422).body("errors", hasKey("deadline"));
        result(inspector, id, X, Map.of("result", "RECTIFY", "deadline", TODAY.plusDays(10).toString()))
                .then().statusCode(422).body("errors", hasKey("correction"));
        result(inspector, id, X, Map.of("result", "FAIL")).then().statusCode(422).body("errors", hasKey("comment"));
        result(inspector, id, X, Map.of("result", "PASS", "deadline", TODAY.plusDays(3).toString())).then()
                .statusCode(422).body("errors", hasKey("deadline"));
        result(inspector, id, X, Map.of("result", "PASS", "comment", "台账齐全")).then().statusCode(200)
                .body("result.version", equalTo(1)).body("result.task", nullValue());
        result(inspector, id, X, Map.of("result", "RECTIFY", "correction", "补齐务工申报", "deadline",
                TODAY.plusDays(10).toString())).then().statusCode(422).body("errors", hasKey("reason"));
        Response amended = result(inspector, id, X, Map.of("result", "RECTIFY", "correction", "补齐务工申报", "deadline",
                TODAY.plusDays(10).toString(), "reason", "复核发现务工记录缺申报"));
        amended.then().statusCode(200).body("result.version", equalTo(2)).body("history", hasSize(1))
                .body("history[0].result", equalTo("PASS")).body("result.task", notNullValue());
        int task = amended.path("result.task");
        given().auth().oauth2(cadreX).get("/api/t/" + t + "/tasks/" + task).then().statusCode(200)
                .body("source", equalTo("inspection:" + id)).body("unit", equalTo(X));
        assertEquals(List.of("1"), column("SELECT count(*) FROM $s.audit_entry WHERE action = 'inspection.amended'"
                + " AND entity_id = '" + id + "/" + X + "'"));
        given().auth().oauth2(inspector).get(path() + "/" + id).then().body("state", equalTo("OPEN"));
        result(inspector, id, Y, Map.of("result", "PASS")).then().statusCode(200);
        given().auth().oauth2(inspector).get(path() + "/" + id).then().body("state", equalTo("CLOSED"))
                .body("tally.recorded", equalTo(2)).body("tally.rectify", equalTo(1));
        assertEquals(List.of("1"), column("SELECT count(*) FROM $s.domain_event WHERE name = 'inspection.closed'"
                + " AND entity_id = '" + id + "'"));
    }

    @Test
    void aRoundClosedByHandTakesNoNewResultsAndClosesOnce() {
        long id = opened(open(inspector, round("villages", List.of(X, Y))));
        result(inspector, id, X, Map.of("result", "PASS")).then().statusCode(200);
        given().auth().oauth2(cadreX).contentType(ContentType.JSON).body(Map.of()).post(path() + "/" + id + "/close")
                .then().statusCode(403);
        given().auth().oauth2(inspector).contentType(ContentType.JSON).body(Map.of("note", "时间到"))
                .post(path() + "/" + id + "/close").then().statusCode(200).body("state", equalTo("CLOSED"))
                .body("tally.pending", equalTo(1));
        given().auth().oauth2(inspector).contentType(ContentType.JSON).body(Map.of())
                .post(path() + "/" + id + "/close").then().statusCode(422);
        result(inspector, id, Y, Map.of("result", "PASS")).then().statusCode(422);
        result(inspector, id, X, Map.of("result", "FAIL", "comment", "复核不合格", "reason", "复核")).then()
                .statusCode(200).body("result.version", equalTo(2));
    }

    @Test
    void badRoundsAreProblemsNamingTheField() {
        List<String> before = column("SELECT count(*) FROM $s.inspection_round");
        open(inspector, round("sample", 0)).then().statusCode(422).body("errors", hasKey("sample"));
        open(inspector, round("sample", -3)).then().statusCode(422).body("errors", hasKey("sample"));
        open(inspector, round("town", People.TOWN, "sample", 9)).then().statusCode(422).body("errors", hasKey("sample"))
                .contentType("application/problem+json");
        open(inspector, round("kinds", List.of("VILLAGE_LOG", "DIARY"))).then().statusCode(422)
                .body("errors", hasKey("kinds[1]"));
        open(inspector, round("kinds", List.of(), "sample", 1)).then().statusCode(422).body("errors", hasKey("kinds"));
        open(inspector, round("from", TODAY.toString(), "to", TODAY.minusDays(1).toString(), "sample", 1)).then()
                .statusCode(422).body("errors", hasKey("to"));
        open(inspector, round("to", TODAY.plusDays(5).toString(), "sample", 1)).then().statusCode(422)
                .body("errors", hasKey("to"));
        open(inspector, round("perKind", 0, "sample", 1)).then().statusCode(422).body("errors", hasKey("perKind"));
        open(inspector, round("sample", 1, "villages", List.of(X))).then().statusCode(422).body("errors", hasKey("sample"));
        open(inspector, round()).then().statusCode(422).body("errors", hasKey("sample"));
        open(inspector, round("villages", List.of("999999999999"))).then().statusCode(422)
                .body("errors", hasKey("villages[0]"));
        open(inspector, round("villages", List.of(People.TOWN))).then().statusCode(422);
        open(inspector, round("town", "330782102201", "sample", 1)).then().statusCode(422).body("errors", hasKey("town"));
        open(inspector, round("title", "抽".repeat(101), "sample", 1)).then().statusCode(422).body("errors", hasKey("title"));
        open(inspector, round("title", "a\u0000b", "sample", 1)).then().statusCode(400); // refused as it is read
        open(inspector, round("from", "2024-13-45", "sample", 1)).then().statusCode(400);
        open(inspector, round("sample", "many")).then().statusCode(400);
        given().auth().oauth2(inspector).contentType(ContentType.JSON).post(path()).then().statusCode(400);
        given().auth().oauth2(inspector).queryParam("state", "DONE").get(path()).then().statusCode(400);
        given().auth().oauth2(inspector).queryParam("limit", 0).get(path()).then().statusCode(400);
        given().auth().oauth2(inspector).get(path() + "/999999").then().statusCode(404);
        assertEquals(before, column("SELECT count(*) FROM $s.inspection_round"), "nothing of a refused round is kept");
    }

    @Test
    void anotherCountysInspectorFindsNoRoundOfThisCounty() {
        long id = opened(open(inspector, round("villages", List.of(X))));
        String other = Counties.onboard("ispx");
        String otherAdmin = Tokens.countyAdmin(other);
        String theirs = People.staff(other, otherAdmin, "jiwei", Role.INSPECTOR, null);
        given().auth().oauth2(theirs).get("/api/t/" + other + "/inspections/" + id).then().statusCode(404);
        given().auth().oauth2(theirs).get("/api/t/" + other + "/inspections").then().statusCode(200)
                .body("items", hasSize(0));
        int status = given().auth().oauth2(theirs).get(path() + "/" + id).then().extract().statusCode();
        assertTrue(status == 401 || status == 403 || status == 404, "got " + status);
    }

    /** The inspector opens a round, reads a village's sample and records its result from the phone, without JavaScript. */
    @Test
    void anInspectorWorksARoundFromThePhone() throws Exception {
        Browser phone = new Browser();
        String base = "http://127.0.0.1:" + RestAssured.port;
        assertEquals(200, phone.logIn(base, t, "jiwei", "Test-pass-1").statusCode());
        HttpResponse<String> list = phone.go(HttpRequest.newBuilder(URI.create(base + "/t/" + t + "/staff/inspections")));
        assertEquals(200, list.statusCode(), list.body());
        assertTrue(list.body().contains("name=\"villages\" value=\"" + X + "\""), list.body());
        String form = "_csrf=" + enc(Browser.token(list.body())) + "&title=" + enc("手机抽检") + "&from="
                + TODAY.minusDays(7) + "&to=" + TODAY + "&kinds=VILLAGE_LOG&perKind=3&how=named&town=&sample=3"
                + "&villages=" + X;
        HttpResponse<String> round = post(phone, base + "/t/" + t + "/staff/inspections", base, form);
        assertEquals(200, round.statusCode(), round.body());
        assertTrue(round.body().contains("/villages/" + X), round.body());
        String villagePage = round.uri().toString() + "/villages/" + X;
        HttpResponse<String> village = phone.go(HttpRequest.newBuilder(URI.create(villagePage)));
        assertTrue(village.body().contains("垃圾分类督查") || village.body().contains("修路工程验收"), village.body());
        HttpResponse<String> done = post(phone, villagePage + "/result", base, "_csrf=" + enc(Browser.token(village.body()))
                + "&result=RECTIFY&correction=" + enc("补录村情记录照片") + "&deadline=" + TODAY.plusDays(7)
                + "&comment=" + enc("<b>记录缺照片</b>"));
        assertEquals(200, done.statusCode(), done.body());
        assertTrue(done.body().contains("&lt;b&gt;记录缺照片&lt;/b&gt;"), "escaped on the page");
        HttpResponse<String> bad = post(phone, villagePage + "/result", base, "_csrf=" + enc(Browser.token(done.body()))
                + "&result=PASS");
        assertEquals(422, bad.statusCode(), "an amendment without a reason");
    }

    private static HttpResponse<String> post(Browser phone, String url, String origin, String form) throws Exception {
        return phone.go(HttpRequest.newBuilder(URI.create(url)).header("Origin", origin).header("Accept", "text/html")
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(form)));
    }

    private static String enc(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8);
    }
}
