package io.mingjing.platform.approval;

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
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/** 三资审批 against real Keycloak and PostgreSQL: one form to the end, integrity, bad input, the clock. */
@QuarkusTest
@QuarkusTestResource(DevStack.class)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ApprovalTest {

    static final String X = People.VILLAGE_X;
    static final byte[] PDF = "%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF".getBytes(StandardCharsets.US_ASCII);

    @Inject
    SlaSweep sweep;

    String t;
    String admin;
    String bookkeeper;
    String cadre1; // of the household of 张三 and 李四: excused from paying them
    String cadre2;
    String cadre3;
    String supervisor;
    String town;
    String cadreY;
    String villager;

    @BeforeEach
    void arrange() {
        if (t != null) {
            return;
        }
        t = Counties.onboard("apv");
        admin = Tokens.countyAdmin(t);
        People.orgUnits(t, admin);
        People.villagers(t, admin, "13800000");
        villager = Tokens.user(t, "13800000001");
        bookkeeper = People.staff(t, admin, "bk-x", Role.BOOKKEEPER, X);
        cadre1 = staff("cadre-x1", Role.CADRE, X, "13800000002");
        cadre2 = People.staff(t, admin, "cadre-x2", Role.CADRE, X);
        cadre3 = People.staff(t, admin, "cadre-x3", Role.CADRE, X);
        supervisor = People.staff(t, admin, "sup-x", Role.SUPERVISOR, X);
        town = People.staff(t, admin, "town-x", Role.TOWN_OFFICIAL, People.TOWN);
        cadreY = People.staff(t, admin, "cadre-y", Role.CADRE, People.VILLAGE_Y);
    }

    private String staff(String username, String role, String unit, String phone) {
        given().auth().oauth2(admin).contentType(ContentType.JSON).body(Map.of("username", username, "name", "职员"
                + username, "role", role, "orgUnit", unit, "phone", phone)).post("/api/t/" + t + "/admin/staff")
                .then().statusCode(201);
        return Tokens.user(t, username);
    }

    private static Map<String, Object> payment(Object amount) {
        return new HashMap<>(Map.of("kind", "PAYMENT", "village", X, "title", "务工工资", "amount", amount,
                "payee", Map.of("name", "张三", "phone", "13800000001"), "purpose", "道路保洁务工工资",
                "budgetLine", "管理费用"));
    }

    private Response file(String token, Object body) {
        return given().auth().oauth2(token).contentType(ContentType.JSON).body(body).post("/api/t/" + t + "/approvals");
    }

    private long fileOk(Object body) {
        return ((Number) file(bookkeeper, body).then().statusCode(201).extract().path("id")).longValue();
    }

    private Response act(String token, long id, String action, Integer seq, String note) {
        Map<String, Object> b = new HashMap<>();
        b.put("action", action);
        if (seq != null) {
            b.put("seq", seq);
        }
        if (note != null) {
            b.put("note", note);
        } else if ("APPROVE".equals(action)) {
            b.put("note", "核实同意"); // these cases break warning rules (split payments, labour before its application): a RED flag needs a reason
        }
        return given().auth().oauth2(token).contentType(ContentType.JSON).body(b)
                .post("/api/t/" + t + "/approvals/" + id + "/steps");
    }

    private int seq(long id) {
        return given().auth().oauth2(bookkeeper).get("/api/t/" + t + "/approvals/" + id).then().statusCode(200)
                .extract().path("seq");
    }

    private Response approve(String token, long id) {
        return act(token, id, "APPROVE", seq(id), null);
    }

    private long count(String sql) {
        return Counties.count(t, sql);
    }

    @Test
    void aPaymentGoesFromFilingToPaidThroughFourApproversAndBecomesAFinanceDraftLine() {
        long id = fileOk(payment(60000));
        given().auth().oauth2(bookkeeper).get("/api/t/" + t + "/approvals/" + id).then().statusCode(200)
                .body("state", equalTo("PENDING")).body("step", equalTo("村党组织书记审核"))
                .body("waitingFor", equalTo(List.of("cadre-x2", "cadre-x3"))).body("sla", equalTo("GREEN"))
                .body("timeline.action", hasItem("skipped"));
        approve(cadre1, id).then().statusCode(403).body("detail", containsString("excused"));
        approve(bookkeeper, id).then().statusCode(403).body("detail", containsString("own request"));
        approve(cadreY, id).then().statusCode(404);
        given().auth().oauth2(cadre2).get("/api/t/" + t + "/approvals/queue").then().statusCode(200)
                .body("items.id", hasItem((int) id));
        approve(cadre2, id).then().statusCode(200).body("step", equalTo("村务监督委员会审核"));
        act(cadre3, id, "APPROVE", 1, null).then().statusCode(409);
        approve(supervisor, id).then().statusCode(200).body("step", equalTo("村两委成员会审"));
        approve(cadre3, id).then().statusCode(200).body("step", equalTo("镇（街道）审批"));
        approve(town, id).then().statusCode(200).body("state", equalTo("APPROVED"));
        given().auth().oauth2(bookkeeper).contentType(ContentType.JSON).body(Map.of("bankRef", "x"))
                .post("/api/t/" + t + "/approvals/" + id + "/payment").then().statusCode(400).body("errors", hasKey("bankRef"));
        given().auth().oauth2(bookkeeper).contentType(ContentType.JSON).body(Map.of("bankRef", "ICBC-20240520-0001"))
                .post("/api/t/" + t + "/approvals/" + id + "/payment").then().statusCode(200)
                .body("state", equalTo("PAID")).body("disclosureId", notNullValue());
        assertEquals(1, count("SELECT count(*) FROM $s.disclosure WHERE category = 'FINANCE' AND status = 'DRAFT' "
                + "AND lines::text LIKE '%ICBC-20240520-0001%'"));
        for (String e : List.of("approval.filed", "approval.step", "approval.approved", "approval.paid")) {
            assertTrue(count("SELECT count(*) FROM $s.domain_event WHERE entity = 'approval' AND entity_id = '" + id
                    + "' AND name = '" + e + "'") >= 1, e);
        }
        assertTrue(count("SELECT count(*) FROM $s.audit_entry WHERE entity = 'Approval' AND entity_id = '" + id + "'") >= 6);
        given().get("/api/t/" + t + "/audit/verify").then().body("ok", equalTo(true));
    }

    @Test
    void twoApproversOnOneStepAtOnceExactlyOneWinsTheOtherGets409() throws Exception {
        long id = fileOk(payment(800));
        int s = seq(id);
        CountDownLatch go = new CountDownLatch(1);
        List<CompletableFuture<Integer>> both = new ArrayList<>();
        for (String token : List.of(cadre2, cadre3)) {
            both.add(CompletableFuture.supplyAsync(() -> {
                try {
                    go.await();
                } catch (InterruptedException e) {
                    throw new IllegalStateException(e);
                }
                return act(token, id, "APPROVE", s, null).statusCode();
            }));
        }
        go.countDown();
        List<Integer> codes = new ArrayList<>();
        for (var f : both) {
            codes.add(f.get());
        }
        codes.sort(Integer::compare);
        assertEquals(List.of(200, 409), codes);
    }

    @Test
    void wrongRolesAndImplausibleFilingsAreRefusedWithTheirFields() {
        file(villager, payment(100)).then().statusCode(403);
        file(supervisor, payment(100)).then().statusCode(403);
        file(cadreY, payment(100)).then().statusCode(403);
        file(bookkeeper, payment(-5)).then().statusCode(422).body("errors", hasKey("amount"));
        file(bookkeeper, payment(1e12)).then().statusCode(422).body("errors", hasKey("amount"));
        file(bookkeeper, payment(0.001)).then().statusCode(422).body("errors", hasKey("amount"));
        file(bookkeeper, Map.of("village", X)).then().statusCode(400).body("errors", hasKey("kind"));
        LocalDate today = LocalDate.now();
        file(bookkeeper, labour(today, today.minusDays(2), 150)).then().statusCode(422).body("errors", hasKey("plannedEnd"));
        file(bookkeeper, labour(today.minusYears(5), today, 150)).then().statusCode(422).body("errors", hasKey("plannedStart"));
        file(bookkeeper, labour(today, today.plusDays(2), -1)).then().statusCode(422).body("errors", hasKey("dailyRate"));
        long id = fileOk(payment(500));
        act(cadre2, id, "REJECT", seq(id), null).then().statusCode(400).body("errors", hasKey("note"));
        act(cadre2, id, "APPROVE", null, null).then().statusCode(400).body("errors", hasKey("seq"));
        act(cadre2, id, "REJECT", seq(id), "发票不全").then().statusCode(200).body("state", equalTo("REJECTED"));
        act(cadre3, id, "APPROVE", seq(id), null).then().statusCode(422).body("title", equalTo("Invalid transition"));
        given().auth().oauth2(bookkeeper).contentType(ContentType.JSON).body(Map.of("bankRef", "ABCD-1"))
                .post("/api/t/" + t + "/approvals/" + id + "/payment").then().statusCode(422);
    }

    @Test
    void aReturnedApprovalIsCorrectedAndTheSameStepOpensAgain() {
        long id = fileOk(payment(300));
        act(cadre2, id, "RETURN", seq(id), "请补发票").then().statusCode(200).body("state", equalTo("RETURNED"));
        act(cadre3, id, "APPROVE", seq(id), null).then().statusCode(422);
        given().auth().oauth2(bookkeeper).contentType(ContentType.JSON).body(Map.of("note", "已补"))
                .post("/api/t/" + t + "/approvals/" + id + "/resubmission").then().statusCode(200)
                .body("state", equalTo("PENDING")).body("step", equalTo("村党组织书记审核"));
        approve(cadre2, id).then().statusCode(200).body("step", equalTo("村务监督委员会审核"));
    }

    @Test
    void largeAmountsNeedTheResolutionAndOnlyAcceptedKindsOfFile() {
        long id = fileOk(payment(150000));
        approve(cadre2, id).then().statusCode(200);
        approve(supervisor, id).then().statusCode(200);
        approve(cadre3, id).then().statusCode(422).body("errors", hasKey("attachments"));
        attach(id, "resolution", "not a document".getBytes(StandardCharsets.UTF_8)).then().statusCode(415);
        attach(id, "nonsense", PDF).then().statusCode(400).body("errors", hasKey("kind"));
        attach(id, "resolution", PDF).then().statusCode(201).body("contentType", equalTo("application/pdf"));
        approve(cadre3, id).then().statusCode(200).body("step", equalTo("镇（街道）审批"));
    }

    private Response attach(long id, String kind, byte[] data) {
        return given().auth().oauth2(bookkeeper).contentType(ContentType.BINARY).body(data)
                .post("/api/t/" + t + "/approvals/" + id + "/attachments?kind=" + kind + "&filename=决议.pdf");
    }

    private static Map<String, Object> labour(LocalDate start, LocalDate end, Object rate) {
        return Map.of("kind", "LABOUR", "village", X, "title", "河道清理务工", "purpose", "河道清理",
                "workers", List.of(Map.of("name", "张三", "phone", "13800000001"), Map.of("name", "王五")),
                "plannedStart", start.toString(), "plannedEnd", end.toString(), "dailyRate", rate);
    }

    @Test
    void labourIsAppliedForDeclaredWithinItsPeriodThenPaid() {
        LocalDate today = LocalDate.now();
        long id = fileOk(labour(today.minusDays(3), today.plusDays(1), 150));
        approve(cadre2, id).then().statusCode(200);
        approve(supervisor, id).then().statusCode(200).body("state", equalTo("AWAITING_INPUT"));
        declare(id, 6, 4).then().statusCode(422).body("errors", hasKey("days[0].days"));
        given().auth().oauth2(bookkeeper).contentType(ContentType.JSON).body(Map.of("note", "x"))
                .post("/api/t/" + t + "/approvals/" + id + "/forms/quotes").then().statusCode(422);
        declare(id, 5, 4).then().statusCode(200).body("state", equalTo("PENDING")).body("amount", equalTo(1350));
        approve(supervisor, id).then().statusCode(200);
        approve(cadre2, id).then().statusCode(200).body("state", equalTo("APPROVED"));
        given().auth().oauth2(bookkeeper).contentType(ContentType.JSON).body(Map.of("bankRef", "NB-7788"))
                .post("/api/t/" + t + "/approvals/" + id + "/payment").then().statusCode(200).body("state", equalTo("PAID"));
        assertEquals(1, count("SELECT count(*) FROM $s.domain_event WHERE name = 'labour.declared' AND entity_id = '"
                + id + "' AND payload->>'totalDays' = '9'"));
    }

    private Response declare(long id, int a, int b) {
        return given().auth().oauth2(bookkeeper).contentType(ContentType.JSON).body(Map.of("days",
                List.of(Map.of("name", "张三", "days", a), Map.of("name", "王五", "days", b))))
                .post("/api/t/" + t + "/approvals/" + id + "/forms/declaration");
    }

    @Test
    void aCountyReplacesADefinitionAsANewVersionAndRunningApprovalsKeepTheirs() {
        long before = fileOk(payment(700));
        String invalid = """
                kind: PAYMENT
                name: 坏流程
                filers: [bookkeeper]
                stages:
                  - id: s
                    name: 审核
                    steps:
                      - {id: a, name: 村民审核, role: villager, mode: ANY, hours: 24}
                      - {id: b, name: 票签, role: cadre, mode: SHARE, share: 2, hours: 24}
                """;
        define(invalid).then().statusCode(422).body("errors", hasKey("stages[0].steps[0].role"))
                .body("errors", hasKey("stages[0].steps[1].share"));
        define("kind: PAYMENT\nname: [").then().statusCode(400);
        String all = """
                kind: PAYMENT
                name: 全体会签
                filers: [bookkeeper]
                stages:
                  - id: s
                    name: 会签
                    steps:
                      - {id: all, name: 村两委全体会签, role: cadre, mode: ALL, hours: 24}
                """;
        define(all).then().statusCode(200).body("version", equalTo(2));
        given().auth().oauth2(cadre2).put("/api/t/" + t + "/admin/approval-definitions/PAYMENT").then().statusCode(403);
        long after = fileOk(payment(700));
        given().auth().oauth2(bookkeeper).get("/api/t/" + t + "/approvals/" + after).then()
                .body("definitionVersion", equalTo(2)).body("required", equalTo(2));
        int s = seq(after);
        act(cadre2, after, "APPROVE", s, null).then().statusCode(200).body("state", equalTo("PENDING"));
        act(cadre2, after, "APPROVE", s, null).then().statusCode(409).body("detail", containsString("already"));
        act(cadre3, after, "APPROVE", s, null).then().statusCode(200).body("state", equalTo("APPROVED"));
        given().auth().oauth2(bookkeeper).get("/api/t/" + t + "/approvals/" + before).then()
                .body("definitionVersion", equalTo(1)).body("step", equalTo("村党组织书记审核"));
        define(all.replace("ALL", "ANY")).then().statusCode(200).body("version", equalTo(3));
        define(all.replace("ALL", "ANY")).then().statusCode(200).body("version", equalTo(3));
        try (var in = getClass().getClassLoader().getResourceAsStream("approval/definitions/PAYMENT.yaml")) {
            define(new String(in.readAllBytes(), StandardCharsets.UTF_8)).then().statusCode(200)
                    .body("version", equalTo(4)); // the other tests file under the default again
        } catch (java.io.IOException e) {
            throw new IllegalStateException(e);
        }
    }

    @Test
    void unreadableOrHostileDefinitionsAreProblemsNotErrors() {
        define("kind: PAYMENT\nname: \u0000").then().statusCode(400);
        define("[".repeat(5000) + "]".repeat(5000)).then().statusCode(400);
        define("a: &a [1]\nb: &b [*a, *a, *a, *a, *a, *a, *a, *a]\nc: [*b, *b, *b, *b, *b, *b, *b, *b]").then()
                .statusCode(400);
        given().auth().oauth2(admin).contentType("application/yaml").body("kind: PAYMENT\nname: 村级资金"
                .getBytes(java.nio.charset.Charset.forName("GB18030"))).put("/api/t/" + t
                + "/admin/approval-definitions/PAYMENT").then().statusCode(400);
        define("kind: PAYMENT\nname: x\nfilers: [null]\nstages: [null]").then().statusCode(422)
                .body("errors", hasKey("filers")).body("errors", hasKey("stages[0]"));
        define("kind: PAYMENT\nname: x\nfilers: [cadre]\nstages: [{id: s, name: s, steps: [{id: a, name: a, "
                + "role: cadre, mode: ANY, hours: 99999999999}]}]").then().statusCode(400);
        given().auth().oauth2(admin).put("/api/t/" + t + "/admin/approval-definitions/NOPE").then().statusCode(400);
    }

    private Response define(String yaml) {
        return given().auth().oauth2(admin).contentType("application/yaml").body(yaml.getBytes(StandardCharsets.UTF_8))
                .put("/api/t/" + t + "/admin/approval-definitions/PAYMENT");
    }

    @Test
    void anOverdueStepTurnsYellowThenRedAndIsEscalated() {
        long id = fileOk(Map.of("kind", "SEAL", "village", X, "title", "用印", "seal", seal(), "document", "证明",
                "purpose", "开具证明"));
        String schema = TenantIds.schema(t);
        Postgres.exec(DevStack.DATABASE, "UPDATE " + schema + ".approval SET yellow_at = now() - interval '1 minute' "
                + "WHERE id = " + id);
        sweep.sweep(t, Instant.now()); // the background sweep may have got there first: the state is what counts
        given().auth().oauth2(cadre2).get("/api/t/" + t + "/approvals/" + id).then().body("sla", equalTo("YELLOW"));
        Postgres.exec(DevStack.DATABASE, "UPDATE " + schema + ".approval SET due_at = now() - interval '1 minute' "
                + "WHERE id = " + id);
        switchApprovals(false);
        try {
            sweep.sweep(t, Instant.now());
            assertEquals(0, count("SELECT count(*) FROM $s.approval WHERE id = " + id + " AND sla = 'RED'"),
                    "a county that switched approvals off gets no escalations about them");
        } finally {
            switchApprovals(true);
        }
        sweep.sweep(t, Instant.now());
        given().auth().oauth2(town).get("/api/t/" + t + "/approvals/" + id).then().body("sla", equalTo("RED"))
                .body("escalations", equalTo(1)).body("timeline.action", hasItem("overdue"));
        assertEquals(0, sweep.sweep(t, Instant.now()).escalated(), "a second sweep touches nothing");
        given().auth().oauth2(town).get("/api/t/" + t + "/approvals?sla=RED").then().statusCode(200)
                .body("items.id", hasItem((int) id));
    }

    private void switchApprovals(boolean on) {
        given().auth().oauth2(admin).contentType(ContentType.JSON).body(Map.of("enabled", on))
                .put("/api/t/" + t + "/admin/modules/approvals").then().statusCode(200);
    }

    private long seal() {
        return ((Number) given().auth().oauth2(cadre2).contentType(ContentType.JSON).body(Map.of("village", X,
                "name", "村民委员会公章")).post("/api/t/" + t + "/seals").then().statusCode(201).extract().path("id"))
                .longValue();
    }

    @Test
    void anApprovedSealUseIsInTheRegisterTheSupervisoryCommitteeReads() {
        long id = fileOk(Map.of("kind", "SEAL", "village", X, "title", "用印申请", "seal", seal(), "document",
                "土地流转合同", "purpose", "合同盖章"));
        approve(cadre2, id).then().statusCode(200);
        approve(supervisor, id).then().statusCode(200).body("state", equalTo("APPROVED"));
        given().auth().oauth2(supervisor).get("/api/t/" + t + "/seals/register?village=" + X).then().statusCode(200)
                .body("approval", hasItem((int) id)).body("document", hasItem("土地流转合同"));
        given().auth().oauth2(villager).get("/api/t/" + t + "/seals/register?village=" + X).then().statusCode(403);
        file(bookkeeper, Map.of("kind", "SEAL", "village", X, "title", "用印", "seal", 99999, "document", "x",
                "purpose", "y")).then().statusCode(422).body("errors", hasKey("seal"));
    }

    @Test
    void staffListsPageByKeysetAndResidentsSeeNone() {
        for (int i = 0; i < 3; i++) {
            fileOk(payment(10 + i));
        }
        Response first = given().auth().oauth2(bookkeeper).get("/api/t/" + t + "/approvals?kind=PAYMENT&limit=2");
        first.then().statusCode(200).body("items.size()", equalTo(2)).body("next", notNullValue());
        long next = ((Number) first.path("next")).longValue();
        given().auth().oauth2(bookkeeper).get("/api/t/" + t + "/approvals?kind=PAYMENT&limit=2&before=" + next).then()
                .statusCode(200).body("items.id", not(hasItem((int) next)));
        given().auth().oauth2(villager).get("/api/t/" + t + "/approvals").then().statusCode(403);
        given().auth().oauth2(bookkeeper).get("/api/t/" + t + "/approvals?kind=NOPE").then().statusCode(400);
        given().auth().oauth2(cadreY).get("/api/t/" + t + "/approvals?village=" + X).then().statusCode(403);
    }

    /** Approves the open step as each of these in turn until it moves on (a share needs more than one). */
    private void sign(long id, String... tokens) {
        int s = seq(id);
        for (String token : tokens) {
            Response now = given().auth().oauth2(bookkeeper).get("/api/t/" + t + "/approvals/" + id);
            if (now.<Integer>path("seq") != s || !"PENDING".equals(now.path("state"))) {
                return;
            }
            act(token, id, "APPROVE", s, null).then().statusCode(200);
        }
    }

    private void form(long id, String section, Map<String, Object> body) {
        given().auth().oauth2(bookkeeper).contentType(ContentType.JSON).body(body)
                .post("/api/t/" + t + "/approvals/" + id + "/forms/" + section).then().statusCode(200)
                .body("state", equalTo("PENDING"));
    }

    @Test
    void aProcurementGoesFromNeedToAcceptanceAndItsAwardBecomesADisclosureDraft() {
        long id = fileOk(Map.of("kind", "PROCUREMENT", "village", X, "title", "垃圾分类桶采购", "amount", 18000,
                "need", "采购分类垃圾桶60只"));
        sign(id, cadre2, cadre3, cadre1);
        form(id, "quotes", Map.of("quotes", List.of(Map.of("supplier", "甲环保公司", "amount", 17600),
                Map.of("supplier", "乙环保公司", "amount", 18900))));
        sign(id, supervisor);
        form(id, "award", Map.of("supplier", "甲环保公司", "amount", 17600));
        sign(id, cadre2);
        form(id, "contract", Map.of("amount", 17600, "reference", "CG-2024-031"));
        sign(id, supervisor);
        form(id, "acceptance", Map.of("note", "60只全部到货，验收合格"));
        sign(id, supervisor);
        long draft = ((Number) given().auth().oauth2(bookkeeper).get("/api/t/" + t + "/approvals/" + id).then()
                .body("state", equalTo("APPROVED")).body("amount", equalTo(17600.0f)).extract().path("disclosureId"))
                .longValue();
        assertEquals(1, count("SELECT count(*) FROM $s.disclosure WHERE id = " + draft + " AND status = 'DRAFT' AND "
                + "title = '采购结果公示：垃圾分类桶采购' AND body LIKE '%甲环保公司%' AND body LIKE '%CG-2024-031%' "
                + "AND lines::text LIKE '%17600%'"));
        publish(draft);
        given().get("/t/" + t + "/v/" + X + "/c/approvals").then().statusCode(200)
                .body(containsString("垃圾分类桶采购")).body(containsString("/d/" + draft));
    }

    @Test
    void aProjectGoesFromApprovalToSettlementAndBecomesAFinanceDisclosureDraft() {
        long id = fileOk(Map.of("kind", "PROJECT", "village", X, "title", "文化礼堂修缮工程", "amount", 260000,
                "purpose", "屋面防水和外墙修缮"));
        attach(id, "resolution", PDF).then().statusCode(201);
        sign(id, cadre2, cadre3, cadre1);
        sign(id, town);
        form(id, "tender", Map.of("note", "公开招标，三家投标，丙建设公司中标"));
        sign(id, supervisor);
        form(id, "contract", Map.of("amount", 255000, "reference", "GC-2024-07"));
        sign(id, town);
        form(id, "progress", Map.of("note", "屋面完工"));
        sign(id, supervisor);
        form(id, "acceptance", Map.of("note", "竣工验收合格"));
        sign(id, town);
        form(id, "settlement", Map.of("amount", 251000));
        sign(id, cadre2);
        long draft = ((Number) given().auth().oauth2(bookkeeper).get("/api/t/" + t + "/approvals/" + id).then()
                .body("state", equalTo("APPROVED")).body("amount", equalTo(251000.0f)).extract().path("disclosureId"))
                .longValue();
        assertEquals(1, count("SELECT count(*) FROM $s.disclosure WHERE id = " + draft + " AND status = 'DRAFT' AND "
                + "category = 'FINANCE' AND title = '工程项目结算公示：文化礼堂修缮工程' AND body LIKE '%GC-2024-07%' "
                + "AND lines::text LIKE '%251000%'"));
        given().get("/t/" + t + "/v/" + X + "/c/approvals").then().statusCode(200)
                .body(not(containsString("文化礼堂修缮工程"))); // a draft is not published
    }

    /** The village's cadre submits the draft, the town reviews and publishes it. */
    private void publish(long disclosure) {
        given().auth().oauth2(cadre2).post("/api/t/" + t + "/disclosures/" + disclosure + "/submit").then()
                .statusCode(200);
        given().auth().oauth2(town).post("/api/t/" + t + "/disclosures/" + disclosure + "/publish").then()
                .statusCode(200).body("status", equalTo("PUBLISHED"));
    }

    private String base() {
        return "http://127.0.0.1:" + RestAssured.port;
    }

    private String page(Browser phone, String path) throws Exception {
        HttpResponse<String> r = phone.go(HttpRequest.newBuilder(URI.create(base() + "/t/" + t + path)));
        assertEquals(200, r.statusCode(), r.body());
        return r.body();
    }

    /** Sends a page's form as the browser does: its token, its own origin; follows the redirect. */
    private HttpResponse<String> send(Browser phone, String path, String token, Map<String, String> fields)
            throws Exception {
        StringBuilder body = new StringBuilder("_csrf=" + enc(token));
        fields.forEach((k, v) -> body.append('&').append(enc(k)).append('=').append(enc(v)));
        return phone.go(HttpRequest.newBuilder(URI.create(base() + "/t/" + t + path)).header("Origin", base())
                .header("Accept", "text/html").header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(body.toString())));
    }

    private static String enc(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8);
    }

    private static long idOf(HttpResponse<String> r) {
        assertEquals(200, r.statusCode(), r.body());
        String path = r.uri().getPath();
        assertTrue(path.matches(".*/staff/approvals/\\d+$"), path);
        return Long.parseLong(path.substring(path.lastIndexOf('/') + 1));
    }

    /** The filer's own steps on the approval's page: resubmit it when returned, record the transfer when approved. */
    private void returnedThenResubmittedAndPaidFromThePhone(Browser phone) throws Exception {
        long id = fileOk(payment(1000));
        act(cadre2, id, "RETURN", seq(id), "发票抬头有误").then().statusCode(200).body("state", equalTo("RETURNED"));
        String returned = page(phone, "/staff/approvals/" + id);
        assertTrue(returned.contains("/resubmission") && !returned.contains("/payment\""), returned);
        assertEquals(id, idOf(send(phone, "/staff/approvals/" + id + "/resubmission", Browser.token(returned),
                Map.of("note", "已换开发票"))));
        approve(cadre2, id).then().statusCode(200);
        approve(supervisor, id).then().statusCode(200);
        approve(cadre3, id).then().statusCode(200).body("state", equalTo("APPROVED"));
        String approved = page(phone, "/staff/approvals/" + id);
        assertTrue(approved.contains("/payment\"") && approved.contains("<label for=\"bankRef\">"), approved);
        assertEquals(400, send(phone, "/staff/approvals/" + id + "/payment", Browser.token(approved),
                Map.of("bankRef", "x")).statusCode());
        assertEquals(id, idOf(send(phone, "/staff/approvals/" + id + "/payment", Browser.token(approved),
                Map.of("bankRef", "ABC-20241201-7"))));
        given().auth().oauth2(bookkeeper).get("/api/t/" + t + "/approvals/" + id).then().statusCode(200)
                .body("state", equalTo("PAID")).body("bankRef", equalTo("ABC-20241201-7"));
        assertTrue(!page(phone, "/staff/approvals/" + id).contains("/payment\""), "paid once");
    }

    @Test
    void aBookkeeperFilesLabourDeclaresItsDaysAndFilesASealUseFromThePhonePages() throws Exception {
        Browser phone = new Browser();
        assertEquals(200, phone.logIn(base(), t, "bk-x", "Test-pass-1").statusCode());
        String picker = page(phone, "/staff/approvals/new");
        for (ApprovalKind k : ApprovalKind.values()) {
            assertTrue(picker.contains("/staff/approvals/new?kind=" + k.name()), picker);
        }
        String form = page(phone, "/staff/approvals/new?kind=LABOUR");
        assertTrue(form.contains("<label for=\"f-workers\">") && form.contains("id=\"f-workers\"")
                && form.contains("id=\"f-dailyRate\"") && form.contains("value=\"" + X + "\""), form);
        LocalDate today = LocalDate.now();
        Map<String, String> labour = new HashMap<>(Map.of("kind", "LABOUR", "village", X, "title", "河道清理务工",
                "workers", "张三 13800000001\r\n王五\r\n", "plannedStart", today.minusDays(3).toString(),
                "plannedEnd", today.plusDays(1).toString(), "dailyRate", "150", "purpose", "河道清理"));
        labour.put("plannedEnd", "明天");
        HttpResponse<String> bad = send(phone, "/staff/approvals/new", Browser.token(form), labour);
        assertEquals(400, bad.statusCode(), bad.body());
        assertTrue(bad.headers().firstValue("Content-Type").orElse("").startsWith("text/html"), bad.body());
        labour.put("plannedEnd", today.plusDays(1).toString());
        long id = idOf(send(phone, "/staff/approvals/new", Browser.token(form), labour));
        given().auth().oauth2(bookkeeper).get("/api/t/" + t + "/approvals/" + id).then().statusCode(200)
                .body("kind", equalTo("LABOUR")).body("amount", equalTo(1500.0f)).body("data.filing.workers.name",
                        equalTo(List.of("张三", "王五")));
        approve(cadre2, id).then().statusCode(200);
        approve(supervisor, id).then().statusCode(200).body("state", equalTo("AWAITING_INPUT"));
        String one = page(phone, "/staff/approvals/" + id);
        assertTrue(one.contains("/forms/declaration") && one.contains("<label for=\"f-days-0\">张三</label>")
                && one.contains("<label for=\"f-days-1\">王五</label>"), one);
        HttpResponse<String> tooMany = send(phone, "/staff/approvals/" + id + "/forms/declaration",
                Browser.token(one), Map.of("days.0", "6", "days.1", "4"));
        assertEquals(422, tooMany.statusCode(), tooMany.body());
        assertEquals(id, idOf(send(phone, "/staff/approvals/" + id + "/forms/declaration", Browser.token(one),
                Map.of("days.0", "5", "days.1", "4", "note", "按考勤表"))));
        given().auth().oauth2(bookkeeper).get("/api/t/" + t + "/approvals/" + id).then().statusCode(200)
                .body("state", equalTo("PENDING")).body("amount", equalTo(1350.0f));
        assertTrue(!page(phone, "/staff/approvals/" + id).contains("/forms/"), "the form is done");

        long seal = seal();
        String sealForm = page(phone, "/staff/approvals/new?kind=SEAL");
        assertTrue(sealForm.contains("<option value=\"" + seal + "\">村民委员会公章</option>")
                && sealForm.contains("<label for=\"f-seal\">"), sealForm);
        long use = idOf(send(phone, "/staff/approvals/new", Browser.token(sealForm), Map.of("kind", "SEAL",
                "village", X, "title", "用印申请", "document", "土地流转合同", "seal", String.valueOf(seal),
                "purpose", "合同盖章")));
        given().auth().oauth2(bookkeeper).get("/api/t/" + t + "/approvals/" + use).then().statusCode(200)
                .body("kind", equalTo("SEAL")).body("state", equalTo("PENDING")).body("data.filing.seal",
                        equalTo((int) seal));
        assertEquals(422, send(phone, "/staff/approvals/new", Browser.token(sealForm), Map.of("kind", "SEAL",
                "village", X, "title", "用印", "document", "x", "seal", "99999", "purpose", "y")).statusCode());
        assertEquals(400, send(phone, "/staff/approvals/new", Browser.token(sealForm), Map.of("kind", "NOPE"))
                .statusCode());
        returnedThenResubmittedAndPaidFromThePhone(phone);
        phone.go(HttpRequest.newBuilder(URI.create(base() + "/t/" + t + "/lang/en?back=/t/" + t + "/")));
        String english = page(phone, "/staff/approvals/new?kind=LABOUR");
        assertTrue(english.contains("<label for=\"f-workers\">Workers (one a line: name mobile)</label>")
                && !english.contains("务工人员") && !english.contains("日工资"), english);
    }
}

