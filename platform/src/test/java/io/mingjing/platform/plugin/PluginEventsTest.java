package io.mingjing.platform.plugin;

import static io.mingjing.platform.plugin.PluginRuntimeTest.count;
import static io.mingjing.platform.plugin.PluginRuntimeTest.schema;
import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.mingjing.platform.event.DomainEvents;
import io.mingjing.platform.event.EventStore;
import io.mingjing.platform.identity.Role;
import io.mingjing.platform.tenancy.TenantScope;
import io.mingjing.platform.testing.DevStack;
import io.mingjing.platform.testing.People;
import io.mingjing.platform.testing.Postgres;
import io.mingjing.platform.testing.Tokens;
import io.mingjing.platform.testing.TransparencyCounty;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;

/**
 * Domain events reach a module's listener (the "listen" test plugin) once each after deduplication and
 * in order per entity, after retries, after a replica died holding them, and after an admin replayed a
 * dead one; reports record none.
 */
@QuarkusTest
@QuarkusTestResource(DevStack.class)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class PluginEventsTest {

    static final String ZHANG = People.idNumber("33078219600101001");

    @Inject
    DomainEvents events;
    @Inject
    EventStore store;
    @Inject
    TenantScope scope;

    TransparencyCounty c;
    String inspector;

    @BeforeEach
    void arrange() {
        if (c == null) {
            given().auth().oauth2(Tokens.operator()).delete("/api/platform/plugins/listen");
            PluginRuntimeTest.install(ListenJars.listen()).statusCode(201);
            c = new TransparencyCounty("evt", "13944000");
            inspector = People.staff(c.id, c.token("admin"), "inspector-e", Role.INSPECTOR, null);
        }
    }

    @Test
    @Order(1)
    void everyEventOfAScenarioReachesTheListenerOnceInOrderPerEntityAndReportsRecordNone() throws Exception {
        PluginRuntimeTest.configure(c.id, "listen", "{\"enabled\":true}").statusCode(200);
        People.orgUnits(c.id, c.token("admin"));
        long batch = given().auth().oauth2(c.token("dept")).contentType("text/csv; charset=UTF-8")
                .body("programme,idCard,name,amount,date,department\n高龄津贴," + ZHANG + ",张三,300,2024-03-25,民政局\n")
                .post(c.api() + "/admin/payments/import").then().statusCode(200).extract().jsonPath().getLong("batch");
        long disclosure = publishedDisclosure();
        long notice = notice();
        String complaint = file("COMPLAINT");
        step(c.token("cadrex"), complaint, "ACCEPTED", null);
        step(c.token("cadrex"), complaint, "REPLIED", "已修好");
        given().auth().oauth2(c.villagerX()).contentType(ContentType.JSON).body(Map.of("satisfied", true))
                .post(c.api() + "/appeals/" + complaint + "/rating").then().statusCode(200);
        String report = file("REPORT");
        step(inspector, report, "ACCEPTED", null);

        List<String> expected = List.of("module.enabled listen", "org-units.imported county",
                "payments.imported " + batch, "disclosure.submitted " + disclosure,
                "disclosure.published " + disclosure, "notice.published " + notice, "appeal.created " + complaint,
                "appeal.accepted " + complaint, "appeal.replied " + complaint, "appeal.rated " + complaint);
        await().atMost(30, TimeUnit.SECONDS).until(() -> seen().size() >= expected.size());
        Thread.sleep(1500); // later rounds bring nothing more
        List<String> seen = seen();
        assertEquals(expected.stream().sorted().toList(), seen.stream().sorted().toList(), "each event once");
        assertEquals(expected.subList(6, 10), seen.stream().filter(s -> s.startsWith("appeal.")).toList(), "in order");
        assertEquals(expected.subList(3, 5), seen.stream().filter(s -> s.startsWith("disclosure.")).toList());
        assertEquals(count(c.id, "SELECT count(DISTINCT event_id) FROM " + schema(c.id) + ".listen_received"),
                expected.size());

        String outbox = schema(c.id) + ".domain_event";
        assertEquals(0, count(c.id, "SELECT count(*) FROM " + outbox + " WHERE entity_id = '" + report
                + "' OR payload::text LIKE '%REPORT%' OR payload::text LIKE '%" + report + "%'"), "a report records nothing");
        assertEquals(0, count(c.id, "SELECT count(*) FROM " + outbox + " WHERE payload::text ~ '张三|李四|1394400|"
                + ZHANG + "'"), "no personal data");
        assertEquals(0, count(c.id, "SELECT count(*) FROM " + schema(c.id) + ".listen_seen WHERE version <> 1 "
                + "OR source <> 'platform' OR event_id NOT LIKE '" + c.id + ":%'"));
        // a module's own SQL cannot read the outbox at all: it reaches only its tables and the v_ views
        given().get(c.api() + "/m/listen/outbox").then().statusCode(403).contentType("application/problem+json");

        JsonPath list = given().auth().oauth2(c.token("admin")).get(c.api() + "/events?module=listen&limit=500")
                .then().statusCode(200).extract().jsonPath();
        assertEquals(expected.size(), list.getList("id").size());
        assertEquals(Set.of("DELIVERED"), Set.copyOf(list.getList("deliveries.flatten().state")));
        assertEquals(complaint, list.getString("find { it.name == 'appeal.rated' }.data.trackingNo"));
        assertEquals("COMPLAINT", list.getString("find { it.name == 'appeal.rated' }.data.kind"));
    }

    @Test
    @Order(2)
    void aFailingListenerIsRetriedAndHoldsBackOnlyItsEntitysLaterEvents() throws Exception {
        fail("appeal.accepted", 2);
        String complaint = file("COMPLAINT");
        step(c.token("cadrex"), complaint, "ACCEPTED", null);
        step(c.token("cadrex"), complaint, "REPLIED", "已处理");
        await().atMost(30, TimeUnit.SECONDS).until(() -> seen().contains("appeal.replied " + complaint));
        List<String> ofCase = seen().stream().filter(s -> s.endsWith(" " + complaint)).toList();
        assertEquals(List.of("appeal.created " + complaint, "appeal.supervised " + complaint,
                "appeal.accepted " + complaint,
                "appeal.replied " + complaint), ofCase);
        assertEquals(3, count(c.id, "SELECT d.attempts FROM " + schema(c.id) + ".event_delivery d JOIN "
                + schema(c.id) + ".domain_event e ON e.id = d.event_id WHERE d.module = 'listen' AND e.name = 'appeal.accepted' AND e.entity_id = '"
                + complaint + "'"), "two failures, then delivered");
    }

    @Test
    @Order(3)
    void aListenerThatKeepsFailingGoesDeadVisiblyAndIsReplayed() throws Exception {
        fail("notice.published", 1000);
        long notice = notice();
        String admin = c.token("admin");
        await().atMost(30, TimeUnit.SECONDS).until(() -> given().auth().oauth2(admin)
                .get(c.api() + "/events?state=dead").then().statusCode(200).extract().jsonPath()
                .getList("entityId").contains(String.valueOf(notice)));
        JsonPath dead = given().auth().oauth2(admin).get(c.api() + "/events?state=dead").then().extract().jsonPath();
        String id = dead.getString("find { it.entityId == '" + notice + "' }.id");
        assertEquals("DEAD", dead.getString("find { it.entityId == '" + notice + "' }.deliveries[0].state"));
        assertEquals(4, dead.getInt("find { it.entityId == '" + notice + "' }.deliveries[0].attempts"));
        assertFalse(seen().contains("notice.published " + notice));

        fail("notice.published", 0);
        given().auth().oauth2(admin).post(c.api() + "/events/" + id + "/replay").then().statusCode(200)
                .body("deliveries[0].state", equalTo("PENDING"));
        await().atMost(30, TimeUnit.SECONDS).until(() -> seen().contains("notice.published " + notice));
        given().auth().oauth2(admin).post(c.api() + "/events/" + id + "/replay").then().statusCode(409)
                .contentType("application/problem+json");
        given().auth().oauth2(admin).post(c.api() + "/events/99999999/replay").then().statusCode(404)
                .contentType("application/problem+json");
        given().auth().oauth2(admin).post(c.api() + "/events/other-county:1/replay").then().statusCode(404);
        given().auth().oauth2(admin).post(c.api() + "/events/' OR 1=1/replay").then().statusCode(404);
        given().auth().oauth2(admin).get(c.api() + "/events?state=lost").then().statusCode(400)
                .contentType("application/problem+json");
        given().auth().oauth2(admin).get(c.api() + "/events?limit=0").then().statusCode(400);
        given().auth().oauth2(c.villagerX()).get(c.api() + "/events").then().statusCode(403);
        given().get(c.api() + "/events").then().statusCode(401);
        String operator = Tokens.operator();
        given().auth().oauth2(operator).get("/api/platform/tenants/" + c.id + "/events?state=delivered").then()
                .statusCode(200).body("id", hasItem(id));
        given().auth().oauth2(operator).post("/api/platform/tenants/" + c.id + "/events/" + id + "/replay").then()
                .statusCode(409);
        given().auth().oauth2(operator).get("/api/platform/tenants/no-such-county/events").then().statusCode(404);
        given().auth().oauth2(operator).get(c.api() + "/events").then().statusCode(401); // not a county token
        given().get(c.api() + "/audit/verify").then().statusCode(200).body("ok", equalTo(true));
    }

    @Test
    @Order(4)
    void aClaimWhoseReplicaDiedIsDeliveredAgainOnceItsLeaseRunsOut() throws Exception {
        // a replica that claimed the delivery and died before calling the module: the claim commits, nothing else
        List<EventStore.Claim> claimed = new ArrayList<>();
        scope.run(c.id, () -> {
            events.record("test.crashed", "crash", "1", Map.of("n", 1));
            claimed.addAll(store.claim(List.of("listen"), 10, Duration.ofMinutes(5)));
        });
        long eventId = claimed.stream().filter(x -> x.name().equals("test.crashed")).findFirst().orElseThrow()
                .eventId();
        Thread.sleep(1500);
        assertFalse(seen().contains("test.crashed 1"), "leased: no other replica takes it meanwhile");
        try (Connection db = Postgres.admin(DevStack.DATABASE); Statement st = db.createStatement()) {
            st.executeUpdate("UPDATE " + schema(c.id) + ".event_delivery SET next_attempt_at = now() WHERE event_id = "
                    + eventId); // the lease runs out
        }
        await().atMost(30, TimeUnit.SECONDS).until(() -> seen().contains("test.crashed 1"));
        assertEquals(2, count(c.id, "SELECT attempts FROM " + schema(c.id) + ".event_delivery WHERE event_id = "
                + eventId));
        assertTrue(count(c.id, "SELECT count(*) FROM " + schema(c.id) + ".event_delivery WHERE delivered_at IS NULL "
                + "AND module = 'listen'") == 0);
    }

    private List<String> seen() throws Exception {
        List<String> seen = new ArrayList<>();
        try (Connection db = Postgres.admin(DevStack.DATABASE); Statement st = db.createStatement();
                ResultSet rs = st.executeQuery("SELECT type, entity_id FROM " + schema(c.id) + ".listen_seen ORDER BY seq")) {
            while (rs.next()) {
                seen.add(rs.getString(1) + " " + rs.getString(2));
            }
        }
        assertEquals(seen.size(), new LinkedHashSet<>(seen).size(), "never the same event twice: " + seen);
        return seen;
    }

    private void fail(String type, int times) {
        given().contentType(ContentType.JSON).body(Map.of("type", type, "count", times))
                .post(c.api() + "/m/listen/fail").then().statusCode(200);
    }

    private long publishedDisclosure() {
        long id = given().auth().oauth2(c.token("cadrex")).contentType(ContentType.JSON).body("""
                {"category":"FINANCE","title":"三季度收支","period":"2024年第3季度","body":"本季度收支如下。",
                 "visibility":"PUBLIC","lines":[{"label":"上级补助","kind":"INCOME","amount":12000.50}]}""")
                .post(c.api() + "/villages/" + People.VILLAGE_X + "/disclosures").then().statusCode(201).extract()
                .jsonPath().getLong("id");
        given().auth().oauth2(c.token("cadrex")).post(c.api() + "/disclosures/" + id + "/submit").then().statusCode(200);
        given().auth().oauth2(c.token("townx")).post(c.api() + "/disclosures/" + id + "/publish").then().statusCode(200);
        return id;
    }

    private long notice() {
        return given().auth().oauth2(c.token("cadrex")).contentType(ContentType.JSON).body(Map.of("title", "停水通知",
                "body", "周三停水", "target", "VILLAGE", "code", People.VILLAGE_X)).post(c.api() + "/notices").then()
                .statusCode(201).extract().jsonPath().getLong("id");
    }

    private String file(String kind) {
        return given().auth().oauth2(c.villagerX()).contentType(ContentType.JSON).body(Map.of("kind", kind, "category",
                "village-affairs", "subject", "路灯坏了", "body", "村口路灯不亮", "village", People.VILLAGE_X))
                .post(c.api() + "/appeals").then().statusCode(201).extract().path("trackingNo");
    }

    private void step(String token, String no, String to, String note) {
        given().auth().oauth2(token).contentType(ContentType.JSON)
                .body(note == null ? Map.of("to", to) : Map.of("to", to, "note", note))
                .post(c.api() + "/appeals/" + no + "/steps").then().statusCode(200);
    }
}
