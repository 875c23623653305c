package io.mingjing.platform.service;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasKey;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.notNullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.mingjing.platform.clock.SlaSweep;
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
import jakarta.inject.Inject;
import java.io.ByteArrayOutputStream;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/** 便民服务 against real Keycloak and PostgreSQL: the catalogue, applying, the joint review, 补正, rating, the clock. */
@QuarkusTest
@QuarkusTestResource(DevStack.class)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ServiceTest {

    static final String X = People.VILLAGE_X;
    static final byte[] PNG = Base64.getDecoder().decode(
            "iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8BQDwAEhQGAhKmMIQAAAABJRU5ErkJggg==");
    static final String A = "县民政局";
    static final String B = "县残疾人联合会";

    @Inject
    SlaSweep sweep;

    String t;
    String admin;
    String villager; // 张三 of village X
    String villager2; // 李四 of village X
    String agentX;
    String agentY;
    String cadre;
    String town;
    String deptA;
    String deptB;
    long zhang;
    long wang; // 王五 of village Y

    @BeforeEach
    void arrange() {
        if (t != null) {
            return;
        }
        t = Counties.onboard("svc");
        admin = Tokens.countyAdmin(t);
        People.orgUnits(t, admin);
        People.villagers(t, admin, "13900000");
        villager = Tokens.user(t, "13900000001");
        villager2 = Tokens.user(t, "13900000002");
        agentX = People.staff(t, admin, "agent-x", Role.AGENT, X);
        agentY = People.staff(t, admin, "agent-y", Role.AGENT, People.VILLAGE_Y);
        cadre = People.staff(t, admin, "cadre-x", Role.CADRE, X);
        town = People.staff(t, admin, "town-x", Role.TOWN_OFFICIAL, People.TOWN);
        deptA = People.staff(t, admin, "dept-a", Role.DEPARTMENT_STAFF, null);
        deptB = People.staff(t, admin, "dept-b", Role.DEPARTMENT_STAFF, null);
        members(A, "dept-a").then().statusCode(200);
        members(B, "dept-b").then().statusCode(200);
        putItem(item("allowance", "PUBLIC")).then().statusCode(200).body("version", equalTo(1));
        zhang = residentId("张三");
        wang = residentId("王五");
    }

    private Response members(String department, String... usernames) {
        return given().auth().oauth2(admin).contentType(ContentType.JSON).body(Map.of("members", List.of(usernames)))
                .put("/api/t/" + t + "/services/departments/" + department);
    }

    /** A two-stage item: the town, then the two departments together (会签). */
    static Map<String, Object> item(String code, String publish) {
        Map<String, Object> item = new HashMap<>();
        item.put("code", code);
        item.put("name", "困难残疾人生活补贴");
        item.put("department", B);
        item.put("legalBasis", "国发〔2015〕52号");
        item.put("eligibility", "持证的低保家庭残疾人");
        item.put("materials", List.of(Map.of("id", "idcard", "name", "居民身份证", "original", true),
                Map.of("id", "disability", "name", "残疾人证", "original", true)));
        item.put("form", Map.of("type", "object", "required", List.of("birthDate", "account"), "additionalProperties",
                false, "properties", Map.of("birthDate", Map.of("type", "string", "pattern",
                        "^[0-9]{4}-[0-9]{2}-[0-9]{2}$", "title", "出生日期"), "account", Map.of("type", "string",
                        "pattern", "^[0-9]{12,19}$", "title", "收款账号"))));
        item.put("acceptHours", 24);
        item.put("review", List.of(Map.of("id", "town", "name", "镇审核", "mode", "ANY", "hours", 72, "steps",
                List.of(Map.of("id", "town-office", "name", "镇民政办", "role", "town-official"))),
                Map.of("id", "joint", "name", "县残联与县民政局会签", "mode", "ALL", "hours", 120, "steps", List.of(
                        Map.of("id", "a", "name", A, "role", "department-staff", "department", A),
                        Map.of("id", "b", "name", B, "role", "department-staff", "department", B)))));
        item.put("publish", publish);
        item.put("template", "{applicant}　{item}　{result}");
        return item;
    }

    private Response putItem(Map<String, Object> item) {
        return given().auth().oauth2(admin).contentType(ContentType.JSON).body(Map.of("item", item))
                .put("/api/t/" + t + "/services/" + item.get("code"));
    }

    private long residentId(String name) {
        return count("SELECT id FROM $s.resident WHERE name = '" + name + "'");
    }

    private static Map<String, Object> form() {
        return Map.of("birthDate", "1940-02-01", "account", "6217000012345678");
    }

    private Response apply(String token, Long resident, Object form, boolean submit) {
        Map<String, Object> b = new HashMap<>(Map.of("item", "allowance", "form", form, "submit", submit));
        if (resident != null) {
            b.put("resident", resident);
        }
        return given().auth().oauth2(token).contentType(ContentType.JSON).body(b)
                .post("/api/t/" + t + "/service-applications");
    }

    private long draft(String token, Long resident) {
        return ((Number) apply(token, resident, form(), false).then().statusCode(201).extract().path("id")).longValue();
    }

    private Response attach(String token, long id, String material) {
        return given().auth().oauth2(token).contentType("application/octet-stream").body(PNG)
                .post("/api/t/" + t + "/service-applications/" + id + "/materials?material=" + material);
    }

    private Response submit(String token, long id) {
        return given().auth().oauth2(token).post("/api/t/" + t + "/service-applications/" + id + "/submission");
    }

    private int seq(long id) {
        return given().auth().oauth2(admin).get("/api/t/" + t + "/service-applications/" + id).then().statusCode(200)
                .extract().path("seq");
    }

    private Response decide(String token, long id, String action, Map<String, Object> extra) {
        Map<String, Object> b = new HashMap<>(Map.of("action", action, "seq", seq(id)));
        b.putAll(extra);
        return given().auth().oauth2(token).contentType(ContentType.JSON).body(b)
                .post("/api/t/" + t + "/service-applications/" + id + "/decisions");
    }

    private Response rate(String token, long id, int score) {
        return given().auth().oauth2(token).contentType(ContentType.JSON).body(Map.of("score", score))
                .post("/api/t/" + t + "/service-applications/" + id + "/rating");
    }

    /** An application of 张三 by the agent, materials photographed: in review at the town. */
    private long inReview() {
        long id = draft(agentX, zhang);
        attach(agentX, id, "idcard").then().statusCode(201);
        attach(agentX, id, "disability").then().statusCode(201);
        submit(agentX, id).then().statusCode(200).body("state", equalTo("REVIEW")).body("stage", equalTo(0));
        return id;
    }

    private long count(String sql) {
        return Counties.count(t, sql);
    }

    @Test
    void theCatalogueListsItsItemsWithTheOneTimeNoticeAndRefusesAnItemThatCannotRun() {
        given().get("/api/t/" + t + "/services").then().statusCode(200).body("code", hasItem("allowance"));
        given().get("/api/t/" + t + "/services/allowance").then().statusCode(200)
                .body("item.review[1].mode", equalTo("ALL")).body("item.materials.id", hasItem("disability"));
        given().get("/api/t/" + t + "/services/nope").then().statusCode(404);
        given().get("/t/" + t + "/services/allowance/notice").then().statusCode(200)
                .body(containsString("一次性告知单")).body(containsString("残疾人证"));
        given().get("/t/" + t + "/services").then().statusCode(200).body(containsString("/services/allowance"));
        Map<String, Object> broken = item("broken", "NONE");
        broken.put("form", Map.of("type", "object", "properties", Map.of("x", Map.of("type", 12))));
        broken.put("review", List.of(Map.of("id", "s", "name", "审", "mode", "ALL", "hours", 0, "steps",
                List.of(Map.of("id", "d", "name", "某局", "role", "cadre")))));
        putItem(broken).then().statusCode(422).body("errors", hasKey("review[0].hours"))
                .body("errors", hasKey("review[0].steps[0].role"))
                .body("errors.keySet().any { it.startsWith('form.properties.x') }", equalTo(true));
        given().auth().oauth2(villager).contentType(ContentType.JSON).body(Map.of("item", item("allowance", "NONE")))
                .put("/api/t/" + t + "/services/allowance").then().statusCode(403);
    }

    @Test
    void aResidentAppliesOnceAndTheVillageAndTheDepartmentsTogetherBringItToAResultTheyRate() throws Exception {
        apply(villager, null, form(), true).then().statusCode(422).body("errors", hasKey("materials.idcard"))
                .body("errors", hasKey("materials.disability"));
        long id = draft(villager, null);
        attach(villager, id, "idcard").then().statusCode(201);
        attach(villager, id, "disability").then().statusCode(201);
        submit(villager, id).then().statusCode(200).body("state", equalTo("INTAKE")).body("via", equalTo("ONLINE"))
                .body("dueAt", notNullValue());
        decide(deptA, id, "APPROVE", Map.of()).then().statusCode(409).body("detail", containsString("not your turn"));
        decide(cadre, id, "APPROVE", Map.of()).then().statusCode(200).body("state", equalTo("REVIEW"));
        decide(deptA, id, "APPROVE", Map.of()).then().statusCode(409);
        decide(town, id, "APPROVE", Map.of()).then().statusCode(200).body("stage", equalTo(1))
                .body("required", equalTo(2));
        decide(deptA, id, "APPROVE", Map.of()).then().statusCode(200).body("state", equalTo("REVIEW"));
        decide(deptA, id, "APPROVE", Map.of()).then().statusCode(409);
        decide(villager2, id, "APPROVE", Map.of()).then().statusCode(404);
        decide(deptB, id, "APPROVE", Map.of("result", "每月发放生活补贴100元")).then().statusCode(200)
                .body("state", equalTo("COMPLETED")).body("granted", equalTo(true))
                .body("result", equalTo("每月发放生活补贴100元"));
        rate(villager2, id, 1).then().statusCode(404);
        rate(agentX, id, 1).then().statusCode(403);
        rate(villager, id, 6).then().statusCode(422).body("errors", hasKey("score"));
        rate(villager, id, 5).then().statusCode(200).body("score", equalTo(5));
        rate(villager, id, 4).then().statusCode(409);
        given().auth().oauth2(villager).get("/api/t/" + t + "/service-applications").then().statusCode(200)
                .body("items.id", hasItem((int) id));
        Browser phone = new Browser();
        String base = "http://127.0.0.1:" + RestAssured.port;
        phone.logIn(base, t, "13900000001", "Test-pass-1");
        HttpResponse<String> page = phone.go(HttpRequest.newBuilder(URI.create(base + "/t/" + t
                + "/services/applications/" + id)));
        assertEquals(200, page.statusCode());
        assertTrue(page.body().contains("每月发放生活补贴100元") && page.body().contains("县残联与县民政局会签"),
                "the applicant's phone shows the result and the stages it went through");
        assertTrue(count("SELECT count(*) FROM $s.inbox_message WHERE to_person AND text LIKE '%#" + id
                + "「%已办结%'") >= 1, "the applicant is told in their inbox");
        assertEquals(1, count("SELECT count(*) FROM $s.domain_event WHERE name = 'service.rated' AND entity_id = '" + id
                + "' AND payload->>'score' = '5' AND payload::text NOT LIKE '%张三%'"));
        assertEquals(1, count("SELECT count(*) FROM $s.domain_event WHERE name = 'service.completed' AND entity_id = '"
                + id + "'"));
        given().get("/t/" + t + "/v/" + X).then().statusCode(200).body(containsString("张*"))
                .body(not(containsString("张三")));
    }

    @Test
    void formDataThatFailsItsSchemaIsRefusedFieldByField() {
        apply(villager, null, Map.of("account", "abc", "extra", 1), false).then().statusCode(422)
                .body("errors", hasKey("form.birthDate")).body("errors", hasKey("form.account"))
                .body("errors", hasKey("form.extra"));
        apply(villager, null, "not an object", false).then().statusCode(400);
        given().auth().oauth2(villager).contentType(ContentType.JSON).body(Map.of("item", "nope", "form", form()))
                .post("/api/t/" + t + "/service-applications").then().statusCode(422).body("errors", hasKey("item"));
    }

    @Test
    void anAgentFilesForResidentsOfTheirOwnVillageOnlyAndTheirFilingIsTakenOnAtOnce() {
        apply(agentX, wang, form(), false).then().statusCode(403).body("detail", containsString("own village"));
        apply(agentY, zhang, form(), false).then().statusCode(403);
        apply(agentX, null, form(), false).then().statusCode(422).body("errors", hasKey("resident"));
        apply(villager, wang, form(), false).then().statusCode(403);
        long id = inReview();
        given().auth().oauth2(agentX).get("/api/t/" + t + "/service-applications/" + id).then()
                .body("via", equalTo("AGENT")).body("handlingStartedAt", notNullValue());
        given().auth().oauth2(agentY).get("/api/t/" + t + "/service-applications/" + id).then().statusCode(404);
        attach(agentX, id, "idcard").then().statusCode(422).body("detail", containsString("REVIEW"));
        long draft = draft(agentX, zhang);
        given().auth().oauth2(agentX).contentType("application/octet-stream").body("<html>".getBytes())
                .post("/api/t/" + t + "/service-applications/" + draft + "/materials?material=idcard").then()
                .statusCode(415).body("errors", hasKey("file"));
        attach(agentX, draft, "nope").then().statusCode(400).body("errors", hasKey("material"));
        attach(agentY, draft, "idcard").then().statusCode(404);
    }

    @Test
    void oneSupplementRequestListsWhatIsMissingAndTheStageOpensAgainWhenItComes() {
        long id = inReview();
        decide(town, id, "SUPPLEMENT", Map.of("missing", List.of("nope"))).then().statusCode(422)
                .body("errors", hasKey("missing"));
        decide(town, id, "SUPPLEMENT", Map.of("missing", List.of("disability"), "note", "照片不清晰")).then()
                .statusCode(200).body("state", equalTo("SUPPLEMENT")).body("missing", hasKey("disability"))
                .body("dueAt", equalTo(null));
        submit(agentX, id).then().statusCode(422).body("errors", hasKey("materials.disability"));
        attach(agentX, id, "disability").then().statusCode(201);
        submit(agentX, id).then().statusCode(200).body("state", equalTo("REVIEW")).body("stage", equalTo(0));
        decide(town, id, "SUPPLEMENT", Map.of("missing", List.of("idcard"))).then().statusCode(409)
                .body("detail", containsString("once"));
        decide(town, id, "REJECT", Map.of()).then().statusCode(400).body("errors", hasKey("note"));
        decide(town, id, "REJECT", Map.of("note", "不符合条件")).then().statusCode(200).body("state", equalTo("REJECTED"));
        decide(town, id, "APPROVE", Map.of()).then().statusCode(422);
    }

    @Test
    void anOverdueStepTurnsYellowThenRedAndIsEscalated() {
        long id = inReview();
        Postgres.exec(DevStack.DATABASE, "UPDATE " + TenantIds.schema(t) + ".service_application SET yellow_at = now() "
                + "- interval '1 minute' WHERE id = " + id);
        sweep.sweep(t, Instant.now());
        given().auth().oauth2(town).get("/api/t/" + t + "/service-applications/" + id).then().body("sla", equalTo("YELLOW"));
        Postgres.exec(DevStack.DATABASE, "UPDATE " + TenantIds.schema(t) + ".service_application SET due_at = now() "
                + "- interval '1 minute' WHERE id = " + id);
        sweep.sweep(t, Instant.now());
        given().auth().oauth2(town).get("/api/t/" + t + "/service-applications/" + id).then().body("sla", equalTo("RED"))
                .body("lines.action", hasItem("overdue"));
        assertEquals(1, count("SELECT count(*) FROM $s.domain_event WHERE name = 'service.escalated' AND entity_id = '"
                + id + "' AND payload->>'escalations' = '1'"));
    }

    @Test
    void noCountyReadsAnothersApplications() {
        long id = inReview();
        given().auth().oauth2(villager).get("/api/t/hepu/service-applications/" + id).then()
                .statusCode(org.hamcrest.Matchers.anyOf(equalTo(401), equalTo(403)));
        given().auth().oauth2(agentX).contentType(ContentType.JSON).body(Map.of("item", "gaoling", "resident", 1,
                "form", form())).post("/api/t/hepu/service-applications").then()
                .statusCode(org.hamcrest.Matchers.anyOf(equalTo(401), equalTo(403)));
        given().auth().oauth2(villager2).get("/api/t/" + t + "/service-applications/" + id).then().statusCode(404);
    }

    /** The admin page's form for the review test item, as a browser sends it; {@code changes} replace fields. */
    static String itemForm(String token, Map<String, String> changes) {
        Map<String, String> f = new LinkedHashMap<>();
        f.put("_csrf", token);
        f.put("name", "居住证明开具");
        f.put("nameEn", "Certificate of residence");
        f.put("department", A);
        f.put("legalBasis", "《居住证暂行条例》");
        f.put("eligibility", "在本村居住满半年的居民");
        f.put("promisedDays", "3");
        f.put("acceptHours", "24");
        f.put("position", "");
        f.put("enabled", "true");
        f.put("m0-id", "idcard");
        f.put("m0-name", "居民身份证");
        f.put("m0-original", "true");
        f.put("m0-required", "true");
        f.put("m1-id", "");
        f.put("m1-name", ""); // a blank row; its unticked boxes are not sent
        f.put("review", "[{\"id\":\"town\",\"name\":\"镇审核\",\"mode\":\"ANY\",\"hours\":48,\"steps\":"
                + "[{\"id\":\"town-office\",\"name\":\"镇综治办\",\"role\":\"town-official\"}]}]");
        f.put("form", "{\"type\":\"object\",\"required\":[\"purpose\"],\"properties\":{\"purpose\":{\"type\":"
                + "\"string\",\"maxLength\":50,\"title\":\"证明用途\",\"x-title-en\":\"What it is for\"}}}");
        f.put("publish", "NONE");
        f.put("template", "");
        f.putAll(changes);
        StringBuilder b = new StringBuilder();
        f.forEach((k, v) -> b.append(b.isEmpty() ? "" : "&").append(k).append('=')
                .append(URLEncoder.encode(v, StandardCharsets.UTF_8)));
        return b.toString();
    }

    private static HttpResponse<String> postForm(Browser b, String url, String body) throws Exception {
        return b.go(HttpRequest.newBuilder(URI.create(url)).header("Content-Type", "application/x-www-form-urlencoded")
                .header("Origin", "http://127.0.0.1:" + RestAssured.port).POST(HttpRequest.BodyPublishers.ofString(body)));
    }

    @Test
    void theCountyAdminAddsAndEditsAnItemOnItsPageWithTheApisChecksFieldByField() throws Exception {
        String base = "http://127.0.0.1:" + RestAssured.port;
        String pages = base + "/t/" + t + "/admin/services";
        Browser b = new Browser();
        assertEquals(200, b.logIn(base, t, "admin", "Test-pass-1").statusCode());
        HttpResponse<String> list = b.go(HttpRequest.newBuilder(URI.create(pages)));
        assertTrue(list.body().contains("/admin/services/allowance"), "the catalogue lists its items");
        assertTrue(b.go(HttpRequest.newBuilder(URI.create(base + "/t/" + t + "/admin"))).body()
                .contains("/admin/services"), "the admin console links it");
        HttpResponse<String> blank = b.go(HttpRequest.newBuilder(URI.create(pages + "?code=residence")));
        assertTrue(blank.uri().getPath().endsWith("/admin/services/residence"), "a code not taken opens a new item's form");
        assertEquals(200, blank.statusCode());
        String token = Browser.token(blank.body());

        HttpResponse<String> refused = postForm(b, pages + "/residence", itemForm(token, Map.of("promisedDays", "三天",
                "m1-id", "Bad Id", "review", "[{\"id\":\"town\",\"name\":\"镇审核\",\"mode\":\"ANY\",\"hours\":0,"
                        + "\"steps\":[{\"id\":\"x\",\"name\":\"某局\",\"role\":\"cadre\"}]}]")));
        assertEquals(422, refused.statusCode());
        for (String field : List.of("e-promisedDays", "e-review", "e-m1")) {
            assertTrue(refused.body().contains("id=\"" + field + "\""), field + " is named beside its input");
        }
        assertTrue(refused.body().contains("review[0].hours") && refused.body().contains("review[0].steps[0].role"),
                "the review's problems are the API's, by path");
        assertTrue(refused.body().contains("value=\"三天\""), "what was typed stays");
        given().get("/api/t/" + t + "/services/residence").then().statusCode(404);
        HttpResponse<String> badJson = postForm(b, pages + "/residence", itemForm(token, Map.of("form", "{\"type\":")));
        assertEquals(422, badJson.statusCode());
        assertTrue(badJson.body().contains("id=\"e-form\""));
        assertEquals(403, postForm(b, pages + "/residence", itemForm("forged", Map.of())).statusCode());

        HttpResponse<String> saved = postForm(b, pages + "/residence", itemForm(token, Map.of()));
        assertEquals(200, saved.statusCode());
        assertTrue(saved.body().contains("已保存为新版本"));
        given().get("/api/t/" + t + "/services/residence").then().statusCode(200).body("version", equalTo(1))
                .body("item.promisedDays", equalTo(3)).body("item.materials[0].original", equalTo(true))
                .body("item.review[0].hours", equalTo(48))
                .body("item.form.properties.purpose.x-title-en", equalTo("What it is for"));
        postForm(b, pages + "/residence", itemForm(token, Map.of()));
        given().get("/api/t/" + t + "/services/residence").then().body("version", equalTo(1));
        postForm(b, pages + "/residence", itemForm(token, Map.of("promisedDays", "5", "m1-id", "photo", "m1-name",
                "近期照片")));
        given().get("/api/t/" + t + "/services/residence").then().body("version", equalTo(2))
                .body("item.promisedDays", equalTo(5)).body("item.materials[1].required", equalTo(false));
        assertEquals(1, count("SELECT count(*) FROM $s.audit_entry WHERE action = 'service-item.saved' AND entity_id = "
                + "'residence/2'"));

        String housing = "县住房和城乡建设局";
        HttpResponse<String> badReviewers = postForm(b, pages, "_csrf=" + URLEncoder.encode(token, StandardCharsets.UTF_8)
                + "&department=" + URLEncoder.encode(housing, StandardCharsets.UTF_8) + "&members=dept-a%0D%0Anobody");
        assertEquals(422, badReviewers.statusCode());
        assertTrue(badReviewers.body().contains("id=\"e-members\"") && badReviewers.body().contains("nobody"),
                "the refused username is named beside the field");
        given().auth().oauth2(admin).get("/api/t/" + t + "/services/departments").then().body("$", not(hasKey(housing)));
        HttpResponse<String> reviewers = postForm(b, pages, "_csrf=" + URLEncoder.encode(token, StandardCharsets.UTF_8)
                + "&department=" + URLEncoder.encode(housing, StandardCharsets.UTF_8) + "&members=dept-a%0D%0A");
        assertEquals(200, reviewers.statusCode());
        assertTrue(reviewers.body().contains("审核人员已保存"));
        given().auth().oauth2(admin).get("/api/t/" + t + "/services/departments").then()
                .body("'" + housing + "'", equalTo(List.of("dept-a")));

        Browser villagerBrowser = new Browser();
        villagerBrowser.logIn(base, t, "13900000001", "Test-pass-1");
        assertEquals(403, villagerBrowser.go(HttpRequest.newBuilder(URI.create(pages))).statusCode());
    }

    /** A multipart body as a browser builds it from the apply page's form: fields, then photographed files. */
    static byte[] multipart(String boundary, Map<String, String> fields, Map<String, byte[]> files) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        Charset utf8 = StandardCharsets.UTF_8;
        fields.forEach((k, v) -> out.writeBytes(("--" + boundary + "\r\nContent-Disposition: form-data; name=\"" + k
                + "\"\r\n\r\n" + v + "\r\n").getBytes(utf8)));
        files.forEach((k, v) -> {
            out.writeBytes(("--" + boundary + "\r\nContent-Disposition: form-data; name=\"" + k + "\"; filename=\""
                    + k + ".png\"\r\nContent-Type: image/png\r\n\r\n").getBytes(utf8));
            out.writeBytes(v);
            out.writeBytes("\r\n".getBytes(utf8));
        });
        out.writeBytes(("--" + boundary + "--\r\n").getBytes(utf8));
        return out.toByteArray();
    }

    @Test
    void theVillageAgentFilesThroughTheApplyPageWithPhotographedMaterials() throws Exception {
        String base = "http://127.0.0.1:" + RestAssured.port;
        Browser agent = new Browser();
        agent.logIn(base, t, "agent-x", "Test-pass-1");
        HttpResponse<String> page = agent.go(HttpRequest.newBuilder(URI.create(base + "/t/" + t
                + "/services/allowance/apply")));
        assertEquals(200, page.statusCode());
        assertTrue(page.body().contains("<option value=\"" + zhang + "\""), "the agent picks a resident of the village");
        assertTrue(page.body().contains("capture=\"environment\""), "each material opens the phone's camera");
        Map<String, String> fields = new LinkedHashMap<>(Map.of("_csrf", Browser.token(page.body()),
                "resident", String.valueOf(zhang), "birthDate", "1940-02-01", "account", "6217000012345678"));
        Map<String, byte[]> photos = Map.of("m-idcard", PNG, "m-disability", PNG);
        String boundary = "----mingjing" + System.nanoTime();
        long before = count("SELECT count(*) FROM $s.service_application");
        HttpResponse<String> forged = agent.go(multipartPost(base, boundary, multipart(boundary, Map.of("_csrf", "x",
                "resident", String.valueOf(zhang)), photos)));
        assertEquals(403, forged.statusCode());
        assertEquals(before, count("SELECT count(*) FROM $s.service_application"), "a forged form files nothing");

        HttpResponse<String> filed = agent.go(multipartPost(base, boundary, multipart(boundary, fields, photos)));
        assertEquals(200, filed.statusCode());
        Matcher m = Pattern.compile("/services/applications/(\\d+)$")
                .matcher(filed.uri().getPath());
        assertTrue(m.find(), "post/redirect/get lands on the application: " + filed.uri());
        long id = Long.parseLong(m.group(1));
        given().auth().oauth2(agentX).get("/api/t/" + t + "/service-applications/" + id).then().statusCode(200)
                .body("via", equalTo("AGENT")).body("state", equalTo("REVIEW")).body("applicant", equalTo("张三"))
                .body("form.account", equalTo("6217000012345678"));
        assertEquals(2, count("SELECT count(*) FROM $s.service_material WHERE application_id = " + id
                + " AND content_type = 'image/png'"), "both photographed materials are kept as images");
    }

    private HttpRequest.Builder multipartPost(String base, String boundary, byte[] body) {
        return HttpRequest.newBuilder(URI.create(base + "/t/" + t + "/services/allowance/apply"))
                .header("Content-Type", "multipart/form-data; boundary=" + boundary).header("Origin", base)
                .POST(HttpRequest.BodyPublishers.ofByteArray(body));
    }

    @Test
    void hepuOffersTwentyRealItemsAndItsDemoHasApplicationsInEveryState() {
        Counties.awaitDemoCounties();
        Awaitility.await().atMost(Duration.ofSeconds(180)).until(() -> given().get("/api/t/hepu/services")
                .then().extract().jsonPath().getList("code").size() >= 20);
        given().get("/api/t/hepu/services").then().body("code", hasItem("gaoling")).body("code", hasItem("dibao"))
                .body("code", hasItem("tekun")).body("code", hasItem("canji-shenghuo"))
                .body("code", hasItem("yibao")).body("code", hasItem("zhaijidi"));
        String token = Tokens.password("mingjing-hepu", "cadre", "demo123");
        Awaitility.await().atMost(Duration.ofSeconds(120)).until(() -> given().auth().oauth2(token)
                .get("/api/t/hepu/service-applications?limit=100").then().extract().jsonPath()
                .getList("items.state").stream().distinct().count() == ServiceState.values().length);
        given().get("/t/hepu/services/gaoling").then().statusCode(200).body(containsString("/power/"));
        for (String card : List.of("YELLOW", "RED")) {
            assertTrue(given().auth().oauth2(token).get("/api/t/hepu/service-applications?limit=100").then().extract()
                    .jsonPath().getList("items.sla").contains(card), "the demo has a " + card + " card on the clock");
        }
        given().auth().oauth2(token).get("/api/t/hepu/service-applications?limit=100").then()
                .body("items.find { it.itemName == '医疗救助' }.sla", equalTo("RED"))
                .body("items.find { it.itemName == '老年人优待证办理' }.sla", equalTo("YELLOW"));
        for (String county : List.of("yiwu", "jiangbei", "lucheng", "beichuan")) {
            Awaitility.await().atMost(Duration.ofSeconds(120)).until(() -> given().get("/api/t/" + county + "/services")
                    .then().extract().jsonPath().getList("code").contains("gaoling"));
        }
    }
}
