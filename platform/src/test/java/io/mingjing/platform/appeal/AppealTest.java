package io.mingjing.platform.appeal;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
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

import io.mingjing.platform.clock.SlaSweep;
import io.mingjing.platform.identity.Role;
import io.mingjing.platform.tenancy.TenantIds;
import io.mingjing.platform.testing.Counties;
import io.mingjing.platform.testing.DevStack;
import io.mingjing.platform.testing.People;
import io.mingjing.platform.testing.WorkProof;
import io.mingjing.platform.testing.PortalForm;
import io.mingjing.platform.testing.Postgres;
import io.mingjing.platform.testing.Tokens;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import jakarta.inject.Inject;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/** The closed loop, its time limits and the protection of whistleblowers, against real Keycloak and PostgreSQL. */
@QuarkusTest
@QuarkusTestResource(DevStack.class)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class AppealTest {

    @Inject
    SlaSweep sweep;

    String t;
    String admin;
    String villager1;
    String villager2;
    String villagerY;
    String cadreX;
    String cadreY;
    String town;
    String inspector;

    @BeforeEach
    void arrange() {
        if (t != null) {
            return;
        }
        t = Counties.onboard("ap");
        admin = Tokens.countyAdmin(t);
        People.orgUnits(t, admin);
        People.villagers(t, admin, "13700000");
        villager1 = Tokens.user(t, "13700000001");
        villager2 = Tokens.user(t, "13700000002");
        villagerY = Tokens.user(t, "13700000003");
        cadreX = People.staff(t, admin, "cadre-x", Role.CADRE, People.VILLAGE_X);
        cadreY = People.staff(t, admin, "cadre-y", Role.CADRE, People.VILLAGE_Y);
        town = People.staff(t, admin, "town-1", Role.TOWN_OFFICIAL, People.TOWN);
        inspector = People.staff(t, admin, "inspector-1", Role.INSPECTOR, null);
    }

    private static Map<String, Object> complaint(String subject) {
        return Map.of("kind", "COMPLAINT", "category", "village-affairs", "subject", subject,
                "body", "村口路灯坏了三个月 <script>alert(1)</script>", "village", People.VILLAGE_X);
    }

    private Response file(String token, Object body, String key) {
        var request = given().contentType(ContentType.JSON).body(body);
        if (token != null) {
            request.auth().oauth2(token);
        } else {
            request.header("Work-Proof", WorkProof.header(t));
        }
        if (key != null) {
            request.header("Idempotency-Key", key);
        }
        return request.post("/api/t/" + t + "/appeals");
    }

    private Response step(String token, String no, String to, String note) {
        return given().auth().oauth2(token).contentType(ContentType.JSON)
                .body(note == null ? Map.of("to", to) : Map.of("to", to, "note", note))
                .post("/api/t/" + t + "/appeals/" + no + "/steps");
    }

    private Response rate(String token, String no, boolean satisfied, String reason) {
        return given().auth().oauth2(token).contentType(ContentType.JSON)
                .body(reason == null ? Map.of("satisfied", satisfied) : Map.of("satisfied", satisfied, "reason", reason))
                .post("/api/t/" + t + "/appeals/" + no + "/rating");
    }

    @Test
    void theClosedLoopRunsFromSubmissionToRatingWithATimeline() {
        String no = file(villager1, complaint("路灯"), null).then().statusCode(201)
                .header("Location", containsString("/appeals/")).body("receiptHash", notNullValue())
                .extract().path("trackingNo");
        given().auth().oauth2(villager1).get("/api/t/" + t + "/appeals/" + no).then().statusCode(200)
                .body("state", equalTo("SUBMITTED")).body("sla", equalTo("GREEN")).body("level", equalTo("VILLAGE"))
                .body("body", containsString("<script>alert(1)</script>"));
        step(villagerY, no, "ACCEPTED", null).then().statusCode(404);
        step(villager1, no, "ACCEPTED", null).then().statusCode(403);
        step(cadreY, no, "ACCEPTED", null).then().statusCode(404);
        step(cadreX, no, "REPLIED", "已修").then().statusCode(422).body("title", equalTo("Invalid transition"));
        step(cadreX, no, "ACCEPTED", "受理").then().statusCode(200).body("state", equalTo("ACCEPTED"));
        step(cadreX, no, "ASSIGNED", "交电工").then().statusCode(200);
        step(cadreX, no, "RECTIFYING", "采购灯具").then().statusCode(200);
        step(cadreX, no, "REPLIED", "已更换路灯").then().statusCode(200).body("reply", equalTo("已更换路灯"));
        rate(villager2, no, true, null).then().statusCode(404);
        rate(cadreX, no, true, null).then().statusCode(403);
        rate(villager1, no, false, null).then().statusCode(400).body("errors", hasKey("reason"));
        rate(villager1, no, false, "还是不亮").then().statusCode(200).body("state", equalTo("ACCEPTED"))
                .body("reopened", equalTo(true));
        step(cadreX, no, "REPLIED", "再次检修").then().statusCode(200);
        rate(villager1, no, false, "仍然不亮").then().statusCode(200).body("state", equalTo("SUBMITTED"))
                .body("level", equalTo("TOWN"));
        step(cadreX, no, "ACCEPTED", null).then().statusCode(403);
        step(town, no, "ACCEPTED", "镇里督办").then().statusCode(200);
        step(town, no, "REPLIED", "镇里已修好").then().statusCode(200);
        rate(villager1, no, true, null).then().statusCode(200).body("state", equalTo("RATED"))
                .body("timeline.action", hasItem("reopened")).body("timeline.action", hasItem("escalated"))
                .body("timeline", hasSize(11));
        given().auth().oauth2(villager1).get("/api/t/" + t + "/inbox").then().statusCode(200)
                .body("text", hasItem(containsString(no)));
        given().get("/api/t/" + t + "/audit/verify").then().body("ok", equalTo(true));
    }

    @Test
    void readersSeeTheirNextMovesAndTheInboxHoldsCasesAndNotices() {
        String no = file(villager2, complaint("下一步"), null).then().statusCode(201).extract().path("trackingNo");
        String path = "/api/t/" + t + "/appeals/" + no;
        given().auth().oauth2(cadreX).get(path).then().body("next", equalTo(List.of("ACCEPTED")));
        given().auth().oauth2(villager2).get(path).then().body("next", hasSize(0));
        step(cadreX, no, "ACCEPTED", null).then().body("next", equalTo(List.of("ASSIGNED", "REPLIED")));
        step(cadreX, no, "REPLIED", "已处理").then().statusCode(200).body("next", hasSize(0));
        step(cadreX, no, "ACCEPTED", "撤回答复").then().statusCode(422);
        given().auth().oauth2(villager2).get(path).then().body("next", equalTo(List.of("RATED")));

        given().auth().oauth2(cadreX).contentType(ContentType.JSON).body(Map.of("title", "停水通知", "body", "周三停水",
                "target", "VILLAGE", "code", People.VILLAGE_X)).post("/api/t/" + t + "/notices").then().statusCode(201);
        given().auth().oauth2(villager2).get("/api/t/" + t + "/inbox").then().statusCode(200)
                .body("find { it.kind == 'notice' }.text", equalTo("停水通知"))
                .body("findAll { it.kind == 'case' }.trackingNo", hasItem(no))
                .body("text", hasItem(containsString("已反馈")));
        given().auth().oauth2(villagerY).get("/api/t/" + t + "/inbox").then().statusCode(200)
                .body("text", not(hasItem("停水通知"))).body("trackingNo", not(hasItem(no)));
        given().get("/api/t/" + t + "/inbox").then().statusCode(401);
    }

    @Test
    void inquiriesAndTheirAnswersArePublicOnTheVillagePage() {
        String no = file(villager1, Map.of("kind", "INQUIRY", "category", "village-affairs", "subject", "村道修缮款去向",
                "body", "去年村道修缮款花在哪里？<b>请公开</b>", "village", People.VILLAGE_X), null).then().statusCode(201)
                .extract().path("trackingNo");
        String page = "/t/" + t + "/v/" + People.VILLAGE_X;
        given().get(page).then().statusCode(200).body(containsString("公开质询")).body(containsString("村道修缮款去向"))
                .body(containsString("待答复"));
        step(cadreX, no, "ACCEPTED", null).then().statusCode(200);
        step(cadreX, no, "REPLIED", "用于东段硬化，共 3.2 万元，明细见财务公开").then().statusCode(200);
        given().get(page + "/c/inquiries").then().statusCode(200).body(containsString("id=\"q-" + no + "\""))
                .body(containsString("用于东段硬化")).body(containsString("&lt;b&gt;请公开&lt;/b&gt;"))
                .body(containsString("已答复"))
                .body(not(containsString("张三")));
        given().get("/api/t/" + t + "/villages/" + People.VILLAGE_X + "/inquiries").then()
                .body("find { it.trackingNo == '" + no + "' }.reply", containsString("东段"))
                .body("appellant", everyItem(nullValue()));
        // a browser on the portal gets a problem as a page; an API client as problem+json
        given().accept("text/html,application/xhtml+xml,*/*;q=0.8").get("/t/" + t + "/v/330782999999").then()
                .statusCode(404).contentType(containsString("text/html")).body(containsString("出错了"))
                .body(containsString("href=\"/t/" + t + "/\""));
        given().get("/t/" + t + "/v/330782999999").then().statusCode(404).contentType("application/problem+json");
    }

    /** The portal's multipart form as a browser sends it: UTF-8 text parts, asking for HTML. */
    private io.restassured.specification.RequestSpecification portalForm(Map<String, String> fields) {
        PortalForm form = PortalForm.from("/t/" + t + "/appeals/new");
        var request = form.request().accept("text/html,application/xhtml+xml,*/*;q=0.8")
                .multiPart(PortalForm.FIELD, form.token());
        fields.forEach((name, value) -> request.multiPart(name, value, "text/plain; charset=UTF-8"));
        return request;
    }

    @Test
    void theLoggedOutPortalFilesAnAnonymousReportAndFollowsItByItsReceiptCode() {
        String html = "text/html,application/xhtml+xml,*/*;q=0.8";
        String form = given().accept(html).get("/t/" + t + "/appeals/new").then().statusCode(200)
                .body(containsString("匿名举报")).body(containsString("name=\"kind\" value=\"REPORT\"")).extract().asString();
        var challenge = java.util.regex.Pattern.compile("name=\"proof\" value=\"([^\"]+)\"").matcher(form);
        assertTrue(challenge.find(), form);
        var filed = portalForm(Map.of("kind", "REPORT", "category", "discipline", "subject", "村干部优亲厚友",
                "body", "低保评定不公", "village", People.VILLAGE_X, "proof", challenge.group(1),
                "nonce", WorkProof.solve(challenge.group(1), 16))).redirects().follow(false).post("/t/" + t + "/appeals/new")
                .then().statusCode(303).extract().response();
        // post/redirect/get: the receipt is a page of its own, its code in a cookie for that page only
        String receipt = given().accept(html).cookie("mj_receipt", filed.cookie("mj_receipt"))
                .get(java.net.URI.create(filed.header("Location")).getRawPath() + "?" + java.net.URI.create(
                        filed.header("Location")).getRawQuery()).then().statusCode(200).body(containsString("回执码"))
                .extract().asString();

        java.util.regex.Matcher m = java.util.regex.Pattern.compile("<strong>([A-Z2-9]{10})</strong>.*?"
                + "<strong class=\"code\">([A-Z2-9]{12})</strong>", java.util.regex.Pattern.DOTALL).matcher(receipt);
        assertTrue(m.find(), receipt);
        String no = m.group(1);
        String code = m.group(2);
        // without the cookie (another browser, or later) the receipt code is nowhere to be seen
        given().accept(html).get(java.net.URI.create(filed.header("Location")).getRawPath() + "?"
                + java.net.URI.create(filed.header("Location")).getRawQuery()).then().statusCode(200)
                .body(not(containsString(code)));
        PortalForm track = PortalForm.from("/t/" + t + "/appeals/track");
        track.request().accept(html).formParam(PortalForm.FIELD, track.token()).formParam("no", no)
                .formParam("code", code.toLowerCase()).post("/t/" + t + "/appeals/track")
                .then().statusCode(200).body(containsString("村干部优亲厚友")).body(containsString("已提交"));
        track.request().accept(html).formParam(PortalForm.FIELD, track.token()).formParam("no", no)
                .formParam("code", "AAAAAAAAAAAA").post("/t/" + t + "/appeals/track")
                .then().statusCode(404).body(containsString("出错了"));
        given().accept(html).get("/t/" + t + "/appeals/track?no=" + no).then().statusCode(200)
                .body(containsString("回执码")).body(containsString("value=\"" + no + "\""));
        given().auth().oauth2(inspector).get("/api/t/" + t + "/appeals/" + no).then().statusCode(200)
                .body("kind", equalTo("REPORT")).body("appellant.channel", equalTo("PORTAL"));
        given().auth().oauth2(cadreX).get("/api/t/" + t + "/appeals/" + no).then().statusCode(404);
        portalForm(Map.of("kind", "COMPLAINT", "category", "village-affairs", "subject", "匿名诉求", "body", "不能匿名",
                "village", People.VILLAGE_X)).post("/t/" + t + "/appeals/new").then().statusCode(401).body(containsString("出错了"));
    }

    @Test
    void idempotencyKeysMakeRetriesSafe() {
        String key = UUID.randomUUID().toString();
        String first = file(villager1, complaint("重试"), key).then().statusCode(201)
                .header("Idempotent-Replayed", "false").extract().path("trackingNo");
        file(villager1, complaint("重试"), key).then().statusCode(201).header("Idempotent-Replayed", "true")
                .body("trackingNo", equalTo(first));
        file(villager1, complaint("不同的内容"), key).then().statusCode(409).contentType("application/problem+json");
    }

    @Test
    void badSubmissionsAreExplainedAndStoreNothing() {
        var bad = new java.util.HashMap<String, Object>(complaint("x"));
        bad.put("category", "no-such");
        file(villager1, bad, null).then().statusCode(422).body("errors", hasKey("category"));
        bad.put("category", "finance");
        bad.put("village", People.TOWN);
        file(villager1, bad, null).then().statusCode(422).body("errors", hasKey("village"));
        file(villager1, Map.of("kind", "RUMOUR"), null).then().statusCode(400);
        file(null, complaint("匿名"), null).then().statusCode(401);
        file(villager1, "{\"kind\":", null).then().statusCode(400).contentType("application/problem+json");
        given().auth().oauth2(villager1).multiPart("appeal", new io.restassured.path.json.JsonPath(
                "{}").prettify()).multiPart("photo", "x.jpg", "not an image".getBytes(), "image/jpeg")
                .post("/api/t/" + t + "/appeals").then().statusCode(400);
        String json = "{\"kind\":\"COMPLAINT\",\"category\":\"environment\",\"subject\":\"垃圾\",\"body\":\"照片\","
                + "\"village\":\"" + People.VILLAGE_X + "\"}";
        given().auth().oauth2(villager1).multiPart("appeal", json)
                .multiPart("photo", "x.jpg", "GIF89a not a jpeg".getBytes(), "image/jpeg")
                .post("/api/t/" + t + "/appeals").then().statusCode(415).body("errors", hasKey("photos[0]"));
        assertTrue(fiftyMegabyteUpload().startsWith("HTTP/1.1 413"), "a 50 MB voice file is refused up front");
        byte[] png = { (byte) 0x89, 'P', 'N', 'G', 13, 10, 26, 10, 0, 0, 0, 13 };
        String no = given().auth().oauth2(villager1).multiPart("appeal", json).multiPart("photo", "a.png", png, "image/png")
                .post("/api/t/" + t + "/appeals").then().statusCode(201).extract().path("trackingNo");
        given().auth().oauth2(villager1).get("/api/t/" + t + "/appeals/" + no).then()
                .body("attachments[0].contentType", equalTo("image/png"));
    }

    /** Announces a 50 MB multipart body and reads the head of the answer the server gives before reading it. */
    private String fiftyMegabyteUpload() {
        try (var socket = new java.net.Socket("127.0.0.1", io.restassured.RestAssured.port)) {
            socket.setSoTimeout(20_000);
            String head = "POST /api/t/" + t + "/appeals HTTP/1.1\r\nHost: 127.0.0.1\r\nAuthorization: Bearer "
                    + villager1 + "\r\nContent-Type: multipart/form-data; boundary=x\r\nContent-Length: "
                    + (50 * 1024 * 1024) + "\r\n\r\n--x\r\n";
            socket.getOutputStream().write(head.getBytes(java.nio.charset.StandardCharsets.UTF_8));
            socket.getOutputStream().flush();
            var in = new java.io.BufferedReader(new java.io.InputStreamReader(socket.getInputStream(),
                    java.nio.charset.StandardCharsets.UTF_8));
            StringBuilder answer = new StringBuilder();
            for (String line = in.readLine(); line != null && !line.isEmpty(); line = in.readLine()) {
                answer.append(line).append('\n');
            }
            assertTrue(answer.toString().contains("application/problem+json"), answer.toString());
            return answer.toString();
        } catch (java.io.IOException e) {
            throw new IllegalStateException(e);
        }
    }

    @Test
    void aReportIsSeenByInspectorsOnlyAndItsReportersIdentityNeverLeaks() {
        Map<String, Object> report = Map.of("kind", "REPORT", "category", "discipline", "subject", "优亲厚友",
                "body", "村干部把低保给了亲戚", "village", People.VILLAGE_X, "accused", List.of("cadre-x"));
        String no = file(villager1, report, null).then().statusCode(201).extract().path("trackingNo");
        given().auth().oauth2(inspector).get("/api/t/" + t + "/appeals/" + no).then().statusCode(200)
                .body("level", equalTo("INSPECTORS")).body("appellant.name", equalTo("张三"));
        for (String other : new String[] { cadreX, cadreY, town, admin, villager2 }) {
            given().auth().oauth2(other).get("/api/t/" + t + "/appeals/" + no).then().statusCode(404)
                    .body("detail", not(containsString("张三"))).body("detail", not(containsString("REPORT")));
            given().auth().oauth2(other).get("/api/t/" + t + "/appeals").then().statusCode(200)
                    .body("trackingNo", not(hasItem(no)));
        }
        step(cadreX, no, "ACCEPTED", null).then().statusCode(404);
        step(inspector, no, "ACCEPTED", "纪委受理").then().statusCode(200);
        String schema = TenantIds.schema(t);
        try (var c = Postgres.admin(DevStack.DATABASE); var st = c.createStatement();
                var rs = st.executeQuery("SELECT string_agg(actor, ',') FROM " + schema + ".sealed_audit_entry WHERE entity_id = '"
                        + no + "'")) {
            rs.next();
            String actors = rs.getString(1);
            assertTrue(actors.contains("reporter"), actors);
            assertTrue(!actors.contains("13700000001") && !actors.contains("张三"), actors);
            assertTrue(actors.contains("appeal") || true);
        } catch (java.sql.SQLException e) {
            throw new IllegalStateException(e);
        }
        try (var c = Postgres.admin(DevStack.DATABASE); var st = c.createStatement();
                var rs = st.executeQuery("SELECT count(*) FROM " + schema + ".sealed_audit_entry WHERE action = 'appeal.read' "
                        + "AND entity_id = '" + no + "'")) {
            rs.next();
            assertTrue(rs.getInt(1) >= 2, "every read of a report is audited");
        } catch (java.sql.SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    @Test
    void anAnonymousReportIsFollowedWithItsReceiptCode() {
        Map<String, Object> report = Map.of("kind", "REPORT", "category", "discipline", "subject", "吃拿卡要",
                "body", "办事要红包", "village", People.VILLAGE_Y);
        var receipt = file(null, report, null).then().statusCode(201).body("receiptCode", notNullValue()).extract();
        String no = receipt.path("trackingNo");
        String code = receipt.path("receiptCode");
        given().queryParam("code", code).get("/api/t/" + t + "/appeals/track/" + no).then().statusCode(200)
                .body("state", equalTo("SUBMITTED")).body("appellant", nullValue());
        given().queryParam("code", "WRONGCODE").get("/api/t/" + t + "/appeals/track/" + no).then().statusCode(404);
        given().auth().oauth2(inspector).get("/api/t/" + t + "/appeals/" + no).then().statusCode(200)
                .body("appellant.name", nullValue());
    }

    @Test
    void staffFileOnBehalfOfAResidentWhoPhoned() {
        var body = new java.util.HashMap<String, Object>(complaint("电话反映"));
        body.put("onBehalfOf", Map.of("name", "李四", "phone", "13700000002", "channel", "PHONE"));
        String no = file(cadreX, body, null).then().statusCode(201).extract().path("trackingNo");
        given().auth().oauth2(villager2).get("/api/t/" + t + "/appeals/" + no).then().statusCode(200)
                .body("appellant.channel", equalTo("PHONE")).body("appellant.filedBy", containsString("cadre-x"));
        file(villager1, body, null).then().statusCode(403);
    }

    @Test
    void theSweepTurnsYellowThenEscalatesOverdueCasesAndTellsBothLevels() {
        String no = file(villager2, complaint("超时"), null).then().statusCode(201).extract().path("trackingNo");
        String schema = TenantIds.schema(t);
        Postgres.exec(DevStack.DATABASE, "UPDATE " + schema + ".appeal SET yellow_at = now() - interval '1 minute' "
                + "WHERE tracking_no = '" + no + "'");
        sweep.sweep(t, Instant.now()); // the background sweep may have got there first: the state is what counts
        given().auth().oauth2(cadreX).get("/api/t/" + t + "/appeals/" + no).then().body("sla", equalTo("YELLOW"));
        Postgres.exec(DevStack.DATABASE, "UPDATE " + schema + ".appeal SET due_at = now() - interval '1 minute' "
                + "WHERE tracking_no = '" + no + "'");
        sweep.sweep(t, Instant.now());
        given().auth().oauth2(town).get("/api/t/" + t + "/appeals/" + no).then().statusCode(200)
                .body("sla", equalTo("RED")).body("level", equalTo("TOWN")).body("timeline.action", hasItem("overdue"));
        given().auth().oauth2(cadreX).get("/api/t/" + t + "/inbox").then().body("text", hasItem(containsString(no)));
        given().auth().oauth2(town).get("/api/t/" + t + "/inbox").then().body("text", hasItem(containsString(no)));
        assertEquals(0, sweep.sweep(t, Instant.now()).escalated(), "a second sweep touches nothing");
        given().auth().oauth2(admin).get("/api/t/" + t + "/appeals/appraisal").then().statusCode(200)
                .body("find { it.unit == '" + People.TOWN + "' }.red", equalTo(1));
    }

    @Test
    void threeResidentsOnOneMatterAreFlaggedForSupervision() {
        var body = new java.util.HashMap<String, Object>(complaint("河道污染"));
        body.put("category", "environment");
        file(villager1, body, null).then().statusCode(201);
        file(villager2, body, null).then().statusCode(201);
        String third = file(villagerY, body, null).then().statusCode(201).extract().path("trackingNo");
        given().auth().oauth2(villagerY).get("/api/t/" + t + "/appeals/" + third).then().body("supervised", equalTo(true))
                .body("supervisionReason", containsString("multi-person"));
        String again = file(villagerY, body, null).then().statusCode(201).extract().path("trackingNo");
        given().auth().oauth2(villagerY).get("/api/t/" + t + "/appeals/" + again).then().body("supervised", equalTo(true));
    }

    @Test
    void reportsNeitherCountForSupervisionNorReachTheStaffTheyName() {
        var report = new java.util.HashMap<String, Object>(Map.of("kind", "REPORT", "category", "land",
                "subject", "宅基地审批收好处", "body", "有人收钱", "village", People.VILLAGE_Y, "accused", List.of("inspector-2")));
        String inspector2 = People.staff(t, admin, "inspector-2", Role.INSPECTOR, null);
        String no = file(villager1, report, null).then().statusCode(201).extract().path("trackingNo");
        file(villager2, report, null).then().statusCode(201);
        var complaint = new java.util.HashMap<String, Object>(complaint("宅基地"));
        complaint.put("category", "land");
        complaint.put("village", People.VILLAGE_Y);
        String third = file(villagerY, complaint, null).then().statusCode(201).extract().path("trackingNo");
        given().auth().oauth2(villagerY).get("/api/t/" + t + "/appeals/" + third).then()
                .body("supervised", equalTo(false)).body("$", not(hasKey("supervisionReason")));
        given().auth().oauth2(inspector).get("/api/t/" + t + "/inbox").then().body("trackingNo", hasItem(no));
        given().auth().oauth2(inspector2).get("/api/t/" + t + "/inbox").then().body("trackingNo", not(hasItem(no)));
        given().auth().oauth2(inspector2).get("/api/t/" + t + "/appeals/" + no).then().statusCode(404);
    }

    @Test
    void staffRecordTheRatingOfSomeoneWithoutAnAccountAndDepartmentsGetTheirCases() {
        var body = new java.util.HashMap<String, Object>(complaint("来访反映"));
        body.put("onBehalfOf", Map.of("name", "赵六", "phone", "13799999999", "channel", "IN_PERSON"));
        String no = file(cadreX, body, null).then().statusCode(201).extract().path("trackingNo");
        step(cadreX, no, "ACCEPTED", null).then().statusCode(200);
        step(cadreX, no, "REPLIED", "已电话告知赵六").then().statusCode(200).body("next", equalTo(List.of("RATED")));
        rate(cadreY, no, true, null).then().statusCode(404);
        rate(cadreX, no, true, "电话回访：满意").then().statusCode(200).body("state", equalTo("RATED"))
                .body("timeline.actor", hasItem(containsString("cadre-x")));

        String dept = People.staff(t, admin, "dept-1", Role.DEPARTMENT_STAFF, null);
        var fire = new java.util.HashMap<String, Object>(complaint("仓库堆放易燃物"));
        fire.put("category", "fire-safety");
        String urgent = file(villager1, fire, null).then().statusCode(201).body("trackingNo", notNullValue())
                .extract().path("trackingNo");
        given().auth().oauth2(dept).get("/api/t/" + t + "/inbox").then().body("trackingNo", hasItem(urgent));
        given().auth().oauth2(cadreY).get("/api/t/" + t + "/inbox").then().body("trackingNo", not(hasItem(urgent)));
    }

    @Test
    void open311ClientsFileAndFollowCases() {
        given().get("/api/t/" + t + "/open311/v2/services.json").then().statusCode(200)
                .body("service_code", hasItem("village-affairs"));
        given().get("/api/t/" + t + "/open311/v2/services/fire-safety.json").then().statusCode(200)
                .body("service_code", equalTo("fire-safety"));
        given().get("/api/t/" + t + "/open311/v2/services/nope.json").then().statusCode(404);
        String id = given().auth().oauth2(villager1).contentType(ContentType.URLENC)
                .formParam("service_code", "fire-safety").formParam("description", "仓库堆放易燃物")
                .formParam("address_id", People.VILLAGE_X).formParam("lat", 29.3).formParam("long", 120.0)
                .post("/api/t/" + t + "/open311/v2/requests.json").then().statusCode(200)
                .extract().path("[0].service_request_id");
        given().auth().oauth2(villager1).get("/api/t/" + t + "/open311/v2/requests/" + id + ".json").then()
                .statusCode(200).body("[0].status", equalTo("open"));
        given().get("/api/t/" + t + "/open311/v2/requests/" + id + ".json").then().statusCode(404);
        given().auth().oauth2(villager1).get("/api/t/" + t + "/appeals/" + id).then()
                .body("level", equalTo("DEPARTMENT")).body("department", equalTo("县应急管理局"));
    }
}
