package io.mingjing.platform.push;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasKey;
import static org.hamcrest.Matchers.not;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.mingjing.platform.identity.Role;
import io.mingjing.platform.resident.BirthDates;
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
import jakarta.inject.Inject;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.ResultSet;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * 个性定制 against real Keycloak and PostgreSQL: audiences by village, age band, programme and party
 * membership within the sender's places, hostile input refused with nothing queued, set-based queuing with
 * one audit entry and one event, idempotent retries, counts, and birth dates from the ID number.
 */
@QuarkusTest
@QuarkusTestResource(DevStack.class)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class PushTest {

    static final String X = People.VILLAGE_X;
    static final String Y = People.VILLAGE_Y;
    static final String PHONES = "13850000";

    @Inject
    BirthDates birthDates;

    String t;
    String admin;
    String dept;
    String town;
    String otherTown;
    String cadreX;
    String cadreY;
    String supervisor;
    String zhang; // X, born 1960-01-01, paid under 低保
    String li; // X (lives there too), born 1965-01-01, party member
    long policy;

    @BeforeEach
    void arrange() {
        if (t != null) {
            return;
        }
        Counties.awaitDemoCounties(); // a county onboarded meanwhile waits on a busy Keycloak
        t = Counties.onboard("psh");
        admin = Tokens.countyAdmin(t);
        People.orgUnits(t, admin);
        People.villagers(t, admin, PHONES); // 张三, 李四 of X; 王五 of Y, born 1970-01-01
        zhang = Tokens.user(t, PHONES + "001");
        li = Tokens.user(t, PHONES + "002");
        dept = People.staff(t, admin, "dept", Role.DEPARTMENT_STAFF, null);
        town = People.staff(t, admin, "town-x", Role.TOWN_OFFICIAL, People.TOWN);
        otherTown = People.staff(t, admin, "town-z", Role.TOWN_OFFICIAL, People.OTHER_TOWN);
        cadreX = People.staff(t, admin, "cadre-x", Role.CADRE, X);
        cadreY = People.staff(t, admin, "cadre-y", Role.CADRE, Y);
        supervisor = People.staff(t, admin, "super-x", Role.SUPERVISOR, X);
        given().auth().oauth2(dept).contentType("text/csv; charset=UTF-8").body("programme,idCard,name,amount,date,department\n"
                + "低保," + People.idNumber("33078219600101001") + ",张三,300.00,2026-05-20,民政局\n")
                .post("/api/t/" + t + "/admin/payments/import?filename=dibao.csv").then().statusCode(200);
        given().auth().oauth2(admin).contentType(ContentType.JSON).body(Map.of("village", X, "resident", PHONES + "002"))
                .post("/api/t/" + t + "/branch-meetings/members").then().statusCode(201);
        policy = given().auth().oauth2(dept).contentType(ContentType.JSON).body(Map.of("title", "低保申请最新政策",
                "category", "社会救助", "body", "符合条件的家庭可申请最低生活保障。")).post("/api/t/" + t + "/policies")
                .then().statusCode(201).extract().jsonPath().getLong("id");
    }

    private Response preview(String token, Map<String, Object> audience) {
        return given().auth().oauth2(token).contentType(ContentType.JSON).body(audience)
                .post("/api/t/" + t + "/pushes/preview");
    }

    private Response push(String token, Map<String, Object> body, String key) {
        var r = given().auth().oauth2(token).contentType(ContentType.JSON).body(body);
        return (key == null ? r : r.header("Idempotency-Key", key)).post("/api/t/" + t + "/pushes");
    }

    private static Map<String, Object> text(String title, Map<String, Object> audience) {
        return Map.of("title", title, "text", "请于本周五前到村委会领取。", "audience", audience);
    }

    private long residents(Response r) {
        return r.then().statusCode(200).extract().jsonPath().getLong("residents");
    }

    @Test
    void audiencesCombineWithinTheSendersPlaces() {
        assertEquals(2, residents(preview(cadreX, Map.of())), "a cadre's village: 张三 and 李四");
        assertEquals(3, residents(preview(town, Map.of())), "a town official's villages");
        assertEquals(3, residents(preview(dept, Map.of())), "county staff: the county");
        assertEquals(1, residents(preview(town, Map.of("villages", List.of(Y)))));
        assertEquals(3, residents(preview(dept, Map.of("villages", List.of(People.TOWN)))), "a town stands for its villages");
        int year = LocalDate.now(ZoneId.of("Asia/Shanghai")).getYear();
        int liAge = year - 1965; // born on 1 January: that old all year
        assertEquals(2, residents(preview(dept, Map.of("minAge", liAge))), "张三 and 李四 are that old, 王五 is not");
        assertEquals(1, residents(preview(dept, Map.of("minAge", liAge, "maxAge", liAge + 2))), "李四 alone");
        assertEquals(1, residents(preview(dept, Map.of("programmes", List.of("低保")))), "张三 is paid under 低保");
        assertEquals(1, residents(preview(dept, Map.of("partyMembersOnly", true))), "李四 is a party member");
        assertEquals(0, residents(preview(dept, Map.of("partyMembersOnly", true, "programmes", List.of("低保")))),
                "filters combine with AND");
        assertEquals(1, residents(preview(cadreX, Map.of("villages", List.of(X), "partyMembersOnly", true))));
    }

    @Test
    void hostileAudiencesAreRefusedAndNothingIsQueued() {
        long before = count("SELECT count(*) FROM $s.inbox_message WHERE push_id IS NOT NULL");
        long pushes = count("SELECT count(*) FROM $s.push");
        push(cadreX, text("越权", Map.of("villages", List.of(X, Y))), null).then().statusCode(403)
                .body("errors", hasKey("audience.villages[1]"));
        push(town, text("越权", Map.of("villages", List.of(People.VILLAGE_Z))), null).then().statusCode(403)
                .body("errors", hasKey("audience.villages[0]"));
        push(cadreX, text("越权", Map.of("villages", List.of(People.TOWN))), null).then().statusCode(403);
        preview(otherTown, Map.of("villages", List.of(X))).then().statusCode(403);
        push(dept, text("未知", Map.of("villages", List.of("999999999999"))), null).then().statusCode(422)
                .body("errors", hasKey("audience.villages[0]"));
        push(dept, text("未知", Map.of("villages", List.of("'; DROP TABLE push; --"))), null).then().statusCode(422);
        push(dept, text("未知", Map.of("programmes", List.of("不存在的项目"))), null).then().statusCode(422)
                .body("errors", hasKey("audience.programmes[0]"));
        push(dept, text("年龄", Map.of("minAge", -1)), null).then().statusCode(422).body("errors", hasKey("audience.minAge"));
        push(dept, text("年龄", Map.of("minAge", 70, "maxAge", 60)), null).then().statusCode(422)
                .body("errors", hasKey("audience.minAge"));
        push(dept, text("年龄", Map.of("maxAge", 200)), null).then().statusCode(422).body("errors", hasKey("audience.maxAge"));
        push(dept, Map.of("title", "x", "text", "y", "audience", Map.of("minAge", "sixty")), null).then().statusCode(400);
        push(dept, Map.of("title", "两样", "text", "y", "policy", policy), null).then().statusCode(422)
                .body("errors", hasKey("notice"));
        push(dept, Map.of("policy", 999_999), null).then().statusCode(422).body("errors", hasKey("policy"));
        push(dept, Map.of("title", "长".repeat(101), "text", "y"), null).then().statusCode(422).body("errors", hasKey("title"));
        push(dept, Map.of("title", "空", "text", " "), null).then().statusCode(422).body("errors", hasKey("text"));
        push(dept, text("无人", Map.of("minAge", 150)), null).then().statusCode(422).body("errors", hasKey("audience"));
        push(dept, text("键", Map.of()), "x".repeat(101)).then().statusCode(400);
        push(zhang, text("村民", Map.of()), null).then().statusCode(403);
        push(supervisor, text("村监会", Map.of()), null).then().statusCode(403);
        preview(zhang, Map.of()).then().statusCode(403);
        given().contentType(ContentType.JSON).body(text("匿名", Map.of())).post("/api/t/" + t + "/pushes").then()
                .statusCode(401);
        // a cadre of another county, with a real token of that county
        given().auth().oauth2(Tokens.password("mingjing-yiwu", "cadre", "demo123")).contentType(ContentType.JSON)
                .body(text("外县", Map.of())).post("/api/t/" + t + "/pushes").then().statusCode(401);
        given().auth().oauth2(cadreX).contentType(ContentType.JSON).body(text("外县", Map.of()))
                .post("/api/t/yiwu/pushes").then().statusCode(401);
        assertEquals(before, count("SELECT count(*) FROM $s.inbox_message WHERE push_id IS NOT NULL"));
        assertEquals(pushes, count("SELECT count(*) FROM $s.push"), "nothing of a refused push is kept");
    }

    @Test
    void aPolicyIsQueuedOnceForEveryoneChosenAuditedWithOneEvent() {
        Map<String, Object> body = Map.of("policy", policy, "audience", Map.of());
        long id = push(dept, body, "dibao-2026").then().statusCode(201).header("Idempotent-Replayed", "false")
                .body("queued", equalTo(3)).body("source", equalTo("POLICY")).extract().jsonPath().getLong("id");
        push(dept, body, "dibao-2026").then().statusCode(200).header("Idempotent-Replayed", "true")
                .body("id", equalTo((int) id));
        push(dept, Map.of("policy", policy, "audience", Map.of("villages", List.of(X))), "dibao-2026").then()
                .statusCode(409);
        long other = push(town, body, "dibao-2026").then().statusCode(201).extract().jsonPath().getLong("id");
        assertNotEquals(id, other, "a key is its sender's: another sender's same key is another push");
        assertEquals(3, count("SELECT count(*) FROM $s.inbox_message WHERE push_id = " + id));
        assertEquals(1, count("SELECT count(*) FROM $s.audit_entry WHERE action = 'push.queued' AND entity_id = '" + id + "'"));
        assertEquals(1, count("SELECT count(*) FROM $s.domain_event WHERE name = 'push.queued' AND entity_id = '" + id + "'"));
        assertEquals(0, count("SELECT count(*) FROM $s.domain_event WHERE name = 'push.queued' AND payload::text LIKE '%"
                + PHONES + "%'"), "no resident in the event");

        given().auth().oauth2(zhang).get("/api/t/" + t + "/inbox").then().statusCode(200)
                .body("find { it.link == '/policies/" + policy + "' }.kind", equalTo("push"))
                .body("find { it.link == '/policies/" + policy + "' }.text", equalTo("【惠民政策】低保申请最新政策"));
        given().auth().oauth2(dept).get("/api/t/" + t + "/pushes/" + id).then().statusCode(200)
                .body("counts.queued", equalTo(3)).body("counts.delivered", equalTo(0))
                .body("counts.failed", equalTo(0)).body("channels.size()", equalTo(0));
        given().auth().oauth2(dept).get("/api/t/" + t + "/pushes").then().statusCode(200).body("items.id", hasItem((int) id));
        given().get("/api/t/" + t + "/audit/verify").then().statusCode(200);
    }

    @Test
    void aPushIsReadInItsPlacesOnly() {
        long mine = push(cadreX, text("修路通知", Map.of()), null).then().statusCode(201).body("queued", equalTo(2))
                .body("scopeUnit", equalTo(X)).extract().jsonPath().getLong("id");
        given().auth().oauth2(town).get("/api/t/" + t + "/pushes/" + mine).then().statusCode(200);
        given().auth().oauth2(cadreX).get("/api/t/" + t + "/pushes").then().body("items.id", hasItem((int) mine));
        given().auth().oauth2(cadreY).get("/api/t/" + t + "/pushes/" + mine).then().statusCode(404);
        given().auth().oauth2(cadreY).get("/api/t/" + t + "/pushes").then().statusCode(200)
                .body("items.id", not(hasItem((int) mine)));
        given().auth().oauth2(otherTown).get("/api/t/" + t + "/pushes/" + mine).then().statusCode(404);
        given().auth().oauth2(zhang).get("/api/t/" + t + "/pushes/" + mine).then().statusCode(404);
        given().auth().oauth2(zhang).get("/api/t/" + t + "/pushes").then().statusCode(403);
        given().auth().oauth2(zhang).get("/api/t/" + t + "/inbox").then()
                .body("find { it.text == '修路通知：请于本周五前到村委会领取。' }.kind", equalTo("push"));
        given().auth().oauth2(Tokens.user(t, PHONES + "003")).get("/api/t/" + t + "/inbox")
                .then().body("text", not(hasItem(containsString("修路通知"))));
    }

    @Test
    void theStaffPageCountsThenPushesOnceAndShowsTheCounts() throws Exception {
        Browser phone = new Browser();
        String base = "http://127.0.0.1:" + RestAssured.port;
        assertEquals(200, phone.logIn(base, t, "cadre-x", "Test-pass-1").statusCode());
        HttpResponse<String> page = phone.go(HttpRequest.newBuilder(URI.create(base + "/t/" + t + "/staff/push")));
        assertEquals(200, page.statusCode(), page.body());
        String key = page.body().replaceAll("(?s).*name=\"key\" value=\"([^\"]+)\".*", "$1");
        String form = "_csrf=" + enc(Browser.token(page.body())) + "&key=" + enc(key) + "&title="
                + enc("<script>alert(1)</script>") + "&text=" + enc("村口停水") + "&villages=" + X + "&party=true";
        HttpResponse<String> counted = post(phone, base + "/t/" + t + "/staff/push/preview", form);
        assertEquals(200, counted.statusCode(), counted.body());
        assertTrue(counted.body().contains("<strong>1</strong>"), "李四 alone: " + counted.body());
        HttpResponse<String> sent = post(phone, base + "/t/" + t + "/staff/push", form);
        assertEquals(200, sent.statusCode(), sent.body());
        assertTrue(sent.uri().getPath().matches(".*/staff/push/\\d+$"), sent.uri().toString());
        assertTrue(sent.body().contains("&lt;script&gt;") && !sent.body().contains("<script>alert"), "escaped");
        assertTrue(sent.body().contains("<td>1</td>"), sent.body());
        HttpResponse<String> again = post(phone, base + "/t/" + t + "/staff/push", form);
        assertEquals(sent.uri(), again.uri(), "a second tap pushes nothing twice");
        HttpResponse<String> wrong = post(phone, base + "/t/" + t + "/staff/push", "_csrf="
                + enc(Browser.token(page.body())) + "&key=k2&title=x&text=y&minAge=abc");
        assertEquals(422, wrong.statusCode());
    }

    private static HttpResponse<String> post(Browser phone, String url, String form) throws Exception {
        return phone.go(HttpRequest.newBuilder(URI.create(url)).header("Origin", url.replaceAll("^(https?://[^/]+).*", "$1"))
                .header("Accept", "text/html").header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(form)));
    }

    private static String enc(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8);
    }

    @Test
    void birthDatesComeFromTheIdNumberAndTheBackfillGivesThemOnce() {
        assertEquals("1960-01-01", value("SELECT birth_date::text FROM $s.resident WHERE phone = '" + PHONES + "001'"));
        // a resident from before birth dates were kept, as the migration lists them
        exec("UPDATE $s.resident SET birth_date = NULL WHERE phone = '" + PHONES + "003'");
        exec("INSERT INTO $s.resident_birth_backfill (resident_id) SELECT id FROM $s.resident WHERE phone = '" + PHONES
                + "003' ON CONFLICT DO NOTHING");
        birthDates.backfill(t);
        assertEquals("1970-01-01", value("SELECT birth_date::text FROM $s.resident WHERE phone = '" + PHONES + "003'"));
        assertEquals(0, count("SELECT count(*) FROM $s.resident_birth_backfill"));
        assertEquals(0, birthDates.backfill(t), "once: nothing is left to read");
    }

    private long count(String sql) {
        return Long.parseLong(value(sql));
    }

    private String value(String sql) {
        try (Connection c = Postgres.admin(DevStack.DATABASE); ResultSet r = c.createStatement()
                .executeQuery(sql.replace("$s", TenantIds.schema(t)))) {
            r.next();
            return r.getString(1);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private void exec(String sql) {
        try (Connection c = Postgres.admin(DevStack.DATABASE)) {
            c.createStatement().executeUpdate(sql.replace("$s", TenantIds.schema(t)));
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}
