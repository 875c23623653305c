package io.mingjing.platform.task;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.greaterThanOrEqualTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasKey;
import static org.hamcrest.Matchers.hasSize;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.mingjing.platform.clock.SlaSweep;
import io.mingjing.platform.identity.Role;
import io.mingjing.platform.tenancy.TenantIds;
import io.mingjing.platform.testing.Counties;
import io.mingjing.platform.testing.DevStack;
import io.mingjing.platform.testing.People;
import io.mingjing.platform.testing.Postgres;
import io.mingjing.platform.testing.Tokens;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import io.restassured.http.ContentType;
import io.mingjing.platform.testing.Browser;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import io.restassured.response.Response;
import jakarta.inject.Inject;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.ResultSet;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/** 待办/督办 against real Keycloak and PostgreSQL: scope, evidence, progress, reminders and escalation on the one clock. */
@QuarkusTest
@QuarkusTestResource(DevStack.class)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class TaskTest {

    static final String X = People.VILLAGE_X;
    static final String Y = People.VILLAGE_Y;
    static final byte[] PDF = "%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF".getBytes(StandardCharsets.US_ASCII);

    @Inject
    SlaSweep sweep;

    String t;
    String admin;
    String town;
    String otherTown;
    String cadreX;
    String cadreY;
    String department;

    @BeforeEach
    void arrange() {
        if (t != null) {
            return;
        }
        Counties.awaitDemoCounties(); // a county onboarded meanwhile waits on a busy Keycloak
        t = Counties.onboard("tsk");
        admin = Tokens.countyAdmin(t);
        People.orgUnits(t, admin);
        town = People.staff(t, admin, "town-x", Role.TOWN_OFFICIAL, People.TOWN);
        otherTown = People.staff(t, admin, "town-z", Role.TOWN_OFFICIAL, People.OTHER_TOWN);
        cadreX = People.staff(t, admin, "cadre-x", Role.CADRE, X);
        cadreY = People.staff(t, admin, "cadre-y", Role.CADRE, Y);
        department = People.staff(t, admin, "dept", Role.DEPARTMENT_STAFF, null);
    }

    private Response assign(String token, Map<String, Object> body) {
        return given().auth().oauth2(token).contentType(ContentType.JSON).body(body).post("/api/t/" + t + "/tasks");
    }

    private static Map<String, Object> task(String title, List<String> villages, Instant deadline) {
        return Map.of("title", title, "body", "请各村按要求完成", "villages", villages, "deadline", deadline.toString());
    }

    private long first(Response r) {
        return ((Number) r.then().statusCode(201).extract().path("tasks[0].id")).longValue();
    }

    private long count(String sql) {
        return Counties.count(t, sql);
    }

    private String userId(String username) {
        try (Connection c = Postgres.admin(DevStack.DATABASE); ResultSet r = c.createStatement().executeQuery(
                "SELECT user_id FROM " + TenantIds.schema(t) + ".staff WHERE username = '" + username + "'")) {
            r.next();
            return r.getString(1);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    @Test
    void aTownAssignsToItsVillagesWhoShowItDoneWithEvidenceAndTheTownSeesProgress() throws Exception {
        Response r = assign(town, task("人居环境整治自查", List.of(X, Y), Instant.now().plusSeconds(2 * 86400)));
        r.then().statusCode(201).body("tasks", hasSize(2));
        long forX = ((Number) r.path("tasks.find { it.unit == '" + X + "' }.id")).longValue();
        given().auth().oauth2(cadreX).get("/api/t/" + t + "/tasks").then().statusCode(200)
                .body("items.id", hasItem((int) forX));
        given().auth().oauth2(cadreY).get("/api/t/" + t + "/tasks/" + forX).then().statusCode(404);
        given().auth().oauth2(cadreX).contentType(ContentType.JSON).body(Map.of("note", "已完成"))
                .post("/api/t/" + t + "/tasks/" + forX + "/completion").then().statusCode(422).body("errors", hasKey("files"));
        given().auth().oauth2(cadreX).contentType(ContentType.BINARY).body("<html>".getBytes(StandardCharsets.UTF_8))
                .post("/api/t/" + t + "/tasks/" + forX + "/files").then().statusCode(415);
        given().auth().oauth2(cadreX).contentType(ContentType.BINARY).body(PDF)
                .post("/api/t/" + t + "/tasks/" + forX + "/files?filename=自查表.pdf").then().statusCode(201);
        given().auth().oauth2(town).contentType(ContentType.JSON).body(Map.of())
                .post("/api/t/" + t + "/tasks/" + forX + "/completion").then().statusCode(403);
        given().auth().oauth2(cadreX).contentType(ContentType.JSON).body(Map.of("note", "已完成自查"))
                .post("/api/t/" + t + "/tasks/" + forX + "/completion").then().statusCode(200)
                .body("state", equalTo("DONE")).body("files", hasSize(1));
        given().auth().oauth2(town).get("/api/t/" + t + "/tasks/progress").then().statusCode(200)
                .body("find { it.unit == '" + X + "' }.done", equalTo(1))
                .body("find { it.unit == '" + Y + "' }.open", equalTo(1));
        given().auth().oauth2(department).get("/api/t/" + t + "/tasks/progress").then().statusCode(200)
                .body("find { it.unit == '" + People.TOWN + "' }.total", greaterThanOrEqualTo(2));
        given().auth().oauth2(otherTown).get("/api/t/" + t + "/tasks/progress?town=" + People.TOWN).then().statusCode(403);
        given().auth().oauth2(cadreX).get("/api/t/" + t + "/tasks/progress").then().statusCode(403);
        assertEquals(1, count("SELECT count(*) FROM $s.audit_entry WHERE action = 'task.completed' AND entity_id = '"
                + forX + "'"));
        long forY = ((Number) r.path("tasks.find { it.unit == '" + Y + "' }.id")).longValue();
        given().auth().oauth2(cadreY).contentType(ContentType.BINARY).body(PDF)
                .post("/api/t/" + t + "/tasks/" + forY + "/files").then().statusCode(201);
        completedFromThePhone(forY);
    }

    /** The cadre of Y finds the task in the list page and reports it done from its page. */
    private void completedFromThePhone(long id) throws Exception {
        Browser phone = new Browser();
        String base = "http://127.0.0.1:" + RestAssured.port;
        assertEquals(200, phone.logIn(base, t, "cadre-y", "Test-pass-1").statusCode());
        HttpResponse<String> list = phone.go(HttpRequest.newBuilder(URI.create(base + "/t/" + t + "/staff/tasks")));
        assertTrue(list.body().contains("/staff/tasks/" + id), list.body());
        HttpResponse<String> one = phone.go(HttpRequest.newBuilder(URI.create(base + "/t/" + t + "/staff/tasks/" + id)));
        assertTrue(one.body().contains("/completion"), one.body());
        HttpResponse<String> done = phone.go(HttpRequest.newBuilder(URI.create(base + "/t/" + t + "/staff/tasks/" + id
                + "/completion")).header("Origin", base).header("Accept", "text/html")
                .header("Content-Type", "application/x-www-form-urlencoded").POST(HttpRequest.BodyPublishers.ofString(
                        "_csrf=" + URLEncoder.encode(Browser.token(one.body()), StandardCharsets.UTF_8) + "&note="
                                + URLEncoder.encode("已完成", StandardCharsets.UTF_8))));
        assertEquals(200, done.statusCode(), done.body());
        given().auth().oauth2(town).get("/api/t/" + t + "/tasks/" + id).then().body("state", equalTo("DONE"));
    }

    @Test
    void aTaskOutsideTheAssignersScopeIsRefusedWhole() {
        Instant later = Instant.now().plusSeconds(86400);
        long before = count("SELECT count(*) FROM $s.task");
        assign(town, task("越权", List.of(X, People.VILLAGE_Z), later)).then().statusCode(403)
                .body("errors", hasKey("villages[1]"));
        assign(town, task("本镇", List.of(People.TOWN), later)).then().statusCode(403);
        assign(cadreX, task("村干部", List.of(X), later)).then().statusCode(403);
        assign(town, task("未知", List.of("999999999999"), later)).then().statusCode(422);
        assign(town, task("过去", List.of(X), Instant.now().minusSeconds(60))).then().statusCode(422)
                .body("errors", hasKey("deadline"));
        assign(town, Map.of("title", "无人", "deadline", later.toString())).then().statusCode(422);
        assign(town, Map.of("title", "人", "assignees", List.of("cadre-z-nobody"), "deadline", later.toString()))
                .then().statusCode(422).body("errors", hasKey("assignees[0]"));
        assertEquals(before, count("SELECT count(*) FROM $s.task"), "nothing of a refused assignment is kept");
        first(assign(department, task("全县", List.of(People.VILLAGE_Z), later)));
        first(assign(town, Map.of("title", "个人", "assignees", List.of("cadre-y"), "deadline", later.toString())));
    }

    @Test
    void aTaskIsRemindedBeforeItsDeadlineRedWhenOverdueAndGoesToTheAssignersSuperiorWhenLongOverdue() {
        long id = first(assign(town, task("秸秆禁烧巡查", List.of(X), Instant.now().plusSeconds(3600))));
        String schema = TenantIds.schema(t);
        String cadre = userId("cadre-x");
        Postgres.exec(DevStack.DATABASE, "UPDATE " + schema + ".task SET yellow_at = now() - interval '1 minute' WHERE id = " + id);
        sweep.sweep(t, Instant.now());
        given().auth().oauth2(town).get("/api/t/" + t + "/tasks/" + id).then().body("sla", equalTo("YELLOW"));
        assertEquals(1, count("SELECT count(*) FROM $s.inbox_message WHERE to_person AND recipient = '" + cadre
                + "' AND text LIKE '%#" + id + "%即将到期%'"), "the village's cadre is reminded, also on the channels");

        Postgres.exec(DevStack.DATABASE, "UPDATE " + schema + ".task SET due_at = now() - interval '1 minute' WHERE id = " + id);
        sweep.sweep(t, Instant.now());
        given().auth().oauth2(town).get("/api/t/" + t + "/tasks/" + id).then().body("sla", equalTo("RED"))
                .body("escalations", equalTo(1));
        assertEquals(1, count("SELECT count(*) FROM $s.inbox_message WHERE recipient = '" + cadre + "' AND text LIKE '%#"
                + id + "%红牌%'"));
        assertTrue(count("SELECT count(*) FROM $s.task WHERE id = " + id + " AND due_at > now() + interval '70 hours'") == 1,
                "long overdue comes the county's hours later");

        Postgres.exec(DevStack.DATABASE, "UPDATE " + schema + ".task SET due_at = now() - interval '1 minute' WHERE id = " + id);
        sweep.sweep(t, Instant.now());
        given().auth().oauth2(town).get("/api/t/" + t + "/tasks/" + id).then().body("escalations", equalTo(2));
        assertEquals(1, count("SELECT count(*) FROM $s.inbox_message WHERE to_person AND recipient = '" + userId("dept")
                + "' AND text LIKE '%#" + id + "%督办%'"), "a town's task goes up to the county");
        assertEquals(0, count("SELECT count(*) FROM $s.task WHERE id = " + id + " AND due_at IS NOT NULL"));
        assertEquals(0, sweep.sweep(t, Instant.now()).escalated(), "a second sweep touches nothing");
        assertEquals(2, count("SELECT count(*) FROM $s.audit_entry WHERE action = 'task.overdue' AND entity_id = '" + id + "'"));
    }
}
