package io.mingjing.platform.jobs;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.mingjing.platform.plugin.EchoJars;
import io.mingjing.platform.plugin.ListenJars;
import io.mingjing.platform.testing.Counties;
import io.mingjing.platform.testing.KeycloakServer;
import io.mingjing.platform.testing.People;
import io.mingjing.platform.testing.PlatformProcess;
import io.mingjing.platform.testing.Postgres;
import io.mingjing.platform.testing.Tokens;
import io.mingjing.platform.testing.TransparencyCounty;
import io.restassured.RestAssured;
import io.restassured.http.ContentType;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;

/**
 * Two platform processes on one database, sweeping every second: every overdue case is escalated
 * once and every channel message sent once, and when the replica that is sweeping is killed the
 * other one finishes the sweep, still once per case. Then, with a fresh second replica, a listening
 * module gets every domain event of a scenario once after deduplication, in order per entity, though
 * a replica is killed while it delivers. Last, both replicas keep the figures while four writers add and
 * change appeals, and every appeal is counted once for its village, town, county, their months and the province;
 * and every audit entry written through either replica, or left unlinked by a dead one, is linked into the
 * chain once.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class TwoReplicasIT {

    private static final String DATABASE = "mingjing_it_" + ProcessHandle.current().pid();
    private static final KeycloakServer KEYCLOAK = new KeycloakServer();
    // events: small claims and a short lease (above the module time limit), so a dead replica's claims
    // come back within seconds; filing limits scaled up for the scripted scenario
    private static final Map<String, String> FAST = Map.of("mingjing.sla.sweep-every", "1s",
            "mingjing.channels.every", "1s", "mingjing.jobs.heartbeat", "1s", "mingjing.events.lease", "8s",
            "mingjing.events.batch", "10", "mingjing.plugins.timeout", "4s", "mingjing.limits.default-scale", "1000",
            "mingjing.figures.every", "1s", "mingjing.audit.link-sweep-every", "1s");
    private static final List<PlatformProcess> replicas = new CopyOnWriteArrayList<>();
    private static Path plugins;
    private static String county;
    private static String schema;

    @BeforeAll
    static void twoReplicas() throws Exception {
        Postgres.recreate(DATABASE, "mingjing");
        KEYCLOAK.start();
        plugins = Files.createTempDirectory("mingjing-it-plugins");
        Files.write(plugins.resolve("echo-plugin.jar"), EchoJars.echo("1.0.0"));
        Files.write(plugins.resolve("listen-plugin.jar"), ListenJars.listen());
        replicas.add(PlatformProcess.launch(DATABASE, plugins, FAST));
        replicas.add(PlatformProcess.launch(DATABASE, plugins, FAST));
        for (PlatformProcess p : replicas) {
            p.awaitReady(Duration.ofMinutes(3));
        }
        RestAssured.baseURI = "http://127.0.0.1";
        RestAssured.port = replicas.get(0).port();
        county = Counties.onboard("two");
        schema = "t_" + county.replace('-', '_');
        People.orgUnits(county, Tokens.countyAdmin(county));
        given().auth().oauth2(Tokens.operator()).contentType(ContentType.JSON).body("{\"enabled\":true}")
                .put("/api/platform/tenants/" + county + "/modules/echo").then().statusCode(200);
    }

    @AfterAll
    static void stop() {
        replicas.forEach(PlatformProcess::kill);
        Postgres.exec("postgres", "DROP DATABASE IF EXISTS " + DATABASE + " WITH (FORCE)");
        KEYCLOAK.stop();
    }

    @Test
    @Order(1)
    void everyOverdueCaseIsEscalatedOnce() throws Exception {
        overdue("A", 2000);
        await().atMost(Duration.ofMinutes(2)).until(() -> waiting("A") == 0);
        Thread.sleep(3000); // later sweeps find nothing more to do
        assertEscalatedOnce("A", 2000);
    }

    @Test
    @Order(2)
    void everyChannelMessageIsDeliveredOnce() throws Exception {
        // each escalation told the appellant by phone: 2,000 messages for the echo module's SMS channel
        await().atMost(Duration.ofMinutes(2)).until(() -> count("SELECT count(*) FROM " + schema + ".echo_sent") >= 2000);
        Thread.sleep(3000);
        assertEquals(2000, count("SELECT count(*) FROM " + schema + ".echo_sent"));
        assertEquals(2000, count("SELECT count(DISTINCT message_id) FROM " + schema + ".echo_sent"));
        assertEquals(2000, count("SELECT count(*) FROM " + schema + ".inbox_delivery WHERE delivered_at IS NOT NULL"
                + " AND attempts = 1"));
    }

    /** A push's messages, claimed in batches along their waiting rows by whichever replica runs a round: each handed over once. */
    @Test
    @Order(3)
    void everyMessageOfAPushIsHandedOverOnce() throws Exception {
        int n = 6000;
        try (Connection c = Postgres.admin(DATABASE); Statement st = c.createStatement()) {
            st.execute(("INSERT INTO $s.household (code, village_code) SELECT 'TP' || i, '" + People.VILLAGE_X
                    + "' FROM generate_series(1, " + n + ") i; INSERT INTO $s.resident (household_id, name, id_card_enc,"
                    + " id_card_hash, id_card_masked, phone, registered_village, created_at) SELECT h.id, '村民' || i,"
                    + " 'x', encode(sha256(('tp' || i)::bytea), 'hex'), '3307**********0000', '137' || lpad(i::text, 8,"
                    + " '0'), h.village_code, now() FROM generate_series(1, " + n + ") i JOIN $s.household h ON h.code ="
                    + " 'TP' || i").replace("$s", schema));
        }
        String admin = Tokens.countyAdmin(county);
        String dept = People.staff(county, admin, "dept-two", "department-staff", null);
        long push = given().auth().oauth2(dept).contentType(ContentType.JSON).body(Map.of("title", "防汛通知", "text",
                "今晚有暴雨。", "audience", Map.of("villages", List.of(People.VILLAGE_X)))).post("/api/t/" + county
                + "/pushes").then().statusCode(201).extract().jsonPath().getLong("id");
        String ofPush = " e JOIN " + schema + ".inbox_message m ON m.id = e.message_id WHERE m.push_id = " + push;
        await().atMost(Duration.ofMinutes(2)).until(() -> count("SELECT count(*) FROM " + schema + ".echo_sent" + ofPush) >= n);
        Thread.sleep(3000);
        assertEquals(n, count("SELECT count(*) FROM " + schema + ".echo_sent" + ofPush));
        assertEquals(n, count("SELECT count(DISTINCT e.message_id) FROM " + schema + ".echo_sent" + ofPush));
        assertEquals(n, count("SELECT count(*) FROM " + schema + ".inbox_delivery" + ofPush
                + " AND e.delivered_at IS NOT NULL AND e.attempts = 1"));
    }

    @Test
    @Order(4)
    void theOtherReplicaFinishesTheSweepOfAKilledOne() throws Exception {
        overdue("K", 10000);
        await().atMost(Duration.ofMinutes(1)).pollInterval(Duration.ofMillis(50))
                .until(() -> waiting("K") < 10000);
        long sweeper = sweepingPid();
        PlatformProcess killed = replicas.stream().filter(p -> p.pid() == sweeper).findFirst().orElseThrow();
        killed.kill();
        replicas.remove(killed);
        RestAssured.port = replicas.stream().filter(p -> p != killed).findFirst().orElseThrow().port();
        long left = waiting("K");
        assertTrue(left > 0, "the sweep ended before the kill; sweep more cases");
        await().atMost(Duration.ofMinutes(2)).until(() -> waiting("K") == 0);
        Thread.sleep(3000);
        assertEscalatedOnce("K", 10000);
    }

    @Test
    @Order(5)
    void aListenerGetsEveryEventOnceAfterDedupThoughAReplicaIsKilledWhileDelivering() throws Exception {
        replicas.add(PlatformProcess.start(DATABASE, plugins, FAST)); // in place of the one killed above
        PlatformProcess doomed = replicas.get(replicas.size() - 1);
        PlatformProcess survivor = replicas.get(0);
        RestAssured.port = survivor.port();
        TransparencyCounty c = new TransparencyCounty("evk", "13955000");
        String s = "t_" + c.id.replace('-', '_');
        given().auth().oauth2(Tokens.operator()).contentType(ContentType.JSON).body("{\"enabled\":true}")
                .put("/api/platform/tenants/" + c.id + "/modules/listen").then().statusCode(200);
        // a listener slower than the scenario: both replicas hold claims of a backlog when one is killed
        for (PlatformProcess p : replicas) {
            await().atMost(Duration.ofSeconds(40)).until(() -> given().port(p.port()).contentType(ContentType.JSON)
                    .body(Map.of("ms", 600)).post(c.api() + "/m/listen/slow").statusCode() == 200);
        }

        List<String> cases = Collections.synchronizedList(new ArrayList<>());
        try (ExecutorService writers = Executors.newVirtualThreadPerTaskExecutor()) {
            for (PlatformProcess p : replicas) {
                for (int w = 0; w < 2; w++) {
                    writers.execute(() -> {
                        for (int i = 0; i < 40; i++) {
                            String no = file(p, c);
                            step(p, c, no, "ACCEPTED", null);
                            cases.add(no);
                        }
                    });
                }
            }
        }
        await().atMost(Duration.ofSeconds(30)).until(() -> count("SELECT count(*) FROM " + s
                + ".listen_received WHERE pid = " + doomed.pid()) > 0);
        long backlog = count("SELECT count(*) FROM " + s + ".event_delivery WHERE delivered_at IS NULL");
        assertTrue(backlog > 20, "the backlog is gone before the kill (" + backlog + "); slow the listener down");
        doomed.kill();
        replicas.remove(doomed);
        // the killed window: what was claimed and not yet noted as delivered when the replica died
        Set<String> window = ids("SELECT '" + c.id + ":' || event_id FROM " + s + ".event_delivery WHERE "
                + "delivered_at IS NULL AND attempts > 0");
        given().port(survivor.port()).contentType(ContentType.JSON).body(Map.of("ms", 0))
                .post(c.api() + "/m/listen/slow").then().statusCode(200);
        for (String no : cases) { // the scenario goes on at the survivor
            step(survivor, c, no, "REPLIED", "已处理");
        }
        given().auth().oauth2(c.token("cadrex")).contentType(ContentType.JSON).body(Map.of("title", "停水通知",
                "body", "周三停水", "target", "VILLAGE", "code", People.VILLAGE_X)).post(c.api() + "/notices").then()
                .statusCode(201);
        await().atMost(Duration.ofMinutes(3)).until(() -> count("SELECT count(*) FROM " + s
                + ".event_delivery WHERE delivered_at IS NULL") == 0);

        Set<String> expected = ids("SELECT '" + c.id + ":' || event_id FROM " + s + ".event_delivery WHERE module = 'listen'");
        assertEquals(160 * 3 + 1, count("SELECT count(*) FROM " + s + ".domain_event WHERE name IN ('appeal.created', "
                + "'appeal.accepted', 'appeal.replied', 'notice.published')"), "the scenario's events");
        assertEquals(0, count("SELECT count(*) FROM " + s + ".domain_event e WHERE name LIKE 'appeal.%' AND NOT EXISTS "
                + "(SELECT 1 FROM " + s + ".event_delivery d WHERE d.event_id = e.id AND d.module = 'listen')"),
                "every event of the scenario has its delivery");
        assertEquals(expected, ids("SELECT event_id FROM " + s + ".listen_received"), "every event, after dedup");
        Set<String> twice = ids("SELECT event_id FROM " + s + ".listen_received GROUP BY event_id HAVING count(*) > 1");
        assertTrue(window.containsAll(twice), "delivered twice outside the killed window: " + twice);
        assertTrue(count("SELECT count(*) FROM " + s + ".event_delivery WHERE attempts > 1") > 0,
                "the killed replica's claims were taken over");
        assertEquals(0, count("SELECT count(*) FROM (SELECT entity_id, first, lag(first) OVER (PARTITION BY entity_id "
                + "ORDER BY seq) AS before FROM (SELECT entity_id, event_id, min(seq) AS seq, "
                + "split_part(event_id, ':', 2)::bigint AS first FROM " + s + ".listen_received GROUP BY entity_id, "
                + "event_id) f) o WHERE before > first"), "in order per entity");
        given().get(c.api() + "/audit/verify").then().statusCode(200);
    }

    private static String file(PlatformProcess p, TransparencyCounty c) {
        return given().port(p.port()).auth().oauth2(c.villagerX()).contentType(ContentType.JSON).body(Map.of("kind",
                "COMPLAINT", "category", "village-affairs", "subject", "路灯坏了", "body", "村口路灯不亮", "village",
                People.VILLAGE_X)).post(c.api() + "/appeals").then().statusCode(201).extract().path("trackingNo");
    }

    @Test
    @Order(6)
    void theFiguresCountEveryAppealOnceThoughBothReplicasRefreshWhileItIsWritten() throws Exception {
        ExecutorService writers = Executors.newFixedThreadPool(4);
        List<java.util.concurrent.Future<?>> done = new ArrayList<>();
        for (int w = 0; w < 4; w++) {
            int writer = w;
            done.add(writers.submit(() -> {
                for (int batch = 0; batch < 25; batch++) {
                    filed("F" + writer + "-" + batch + "-", 40, (writer * 25 + batch) % 60);
                    Postgres.exec(DATABASE, "UPDATE " + schema + ".appeal SET sla = 'RED' WHERE tracking_no LIKE 'F"
                            + writer + "-" + batch + "-%' AND right(tracking_no, 1) IN ('3', '7')");
                }
                return null;
            }));
        }
        for (var f : done) {
            f.get();
        }
        writers.shutdown();
        await().atMost(Duration.ofMinutes(2)).until(() -> count("SELECT count(*) FROM " + schema + ".figure_dirty") == 0);
        Map<String, String> places = Map.of("county", "true", People.TOWN, "village IN (SELECT code FROM " + schema
                + ".org_unit WHERE parent_code = '" + People.TOWN + "')", People.VILLAGE_X, "village = '" + People.VILLAGE_X + "'");
        for (var unit : places.entrySet()) {
            String filed = "SELECT (created_at AT TIME ZONE 'Asia/Shanghai')::date, kind, count(*) FROM " + schema
                    + ".appeal WHERE kind <> 'REPORT' AND " + unit.getValue() + " GROUP BY 1, 2";
            String counted = "SELECT day, dim, n FROM " + schema + ".figure WHERE unit = '" + unit.getKey()
                    + "' AND metric = 'appeals.kind'";
            assertEquals(0, count("SELECT count(*) FROM ((" + filed + " EXCEPT " + counted + ") UNION ALL (" + counted
                    + " EXCEPT " + filed + ")) d"), "the figures of " + unit.getKey() + " differ from its appeals");
        }
        String months = "SELECT unit, month, metric, dim, n, total FROM " + schema + ".figure_month";
        String days = "SELECT unit, date_trunc('month', day)::date, metric, dim, sum(n), sum(total) FROM " + schema
                + ".figure GROUP BY 1, 2, 3, 4";
        assertEquals(0, count("SELECT count(*) FROM ((" + months + " EXCEPT " + days + ") UNION ALL (" + days + " EXCEPT "
                + months + ")) d"), "month rows that are not the sums of their days");
        assertEquals(count("SELECT count(*) FROM " + schema + ".appeal WHERE kind <> 'REPORT' AND sla = 'RED'"),
                count("SELECT COALESCE(sum(n), 0) FROM " + schema + ".figure WHERE unit = 'county' AND metric = 'appeals.sla' "
                        + "AND dim = 'RED'"));
        assertEquals(count("SELECT count(*) FROM " + schema + ".appeal WHERE kind <> 'REPORT'"),
                count("SELECT COALESCE(sum(n), 0) FROM platform.province_figure WHERE county = '" + county
                        + "' AND metric = 'appeals.kind'"));
    }

    @Test
    @Order(7)
    void everyAuditEntryIsLinkedOnceThoughBothReplicasWriteAndLink() throws Exception {
        if (replicas.size() < 2) {
            replicas.add(PlatformProcess.start(DATABASE, plugins, FAST));
        }
        String notes = "SELECT count(*) FROM " + schema + ".audit_entry WHERE action LIKE '%note.created'";
        long before = count(notes);
        // what replicas killed between their commits and their linkings leave, for the cluster job
        Postgres.exec(DATABASE, "INSERT INTO " + schema + ".audit_unlinked (chain, at, actor, action, entity, entity_id, "
                + "payload_digest) SELECT 1, now(), 'tester', 'test.orphaned', 'Thing', g::text, repeat('b', 64) "
                + "FROM generate_series(1, 2000) g");
        ExecutorService writers = Executors.newFixedThreadPool(4);
        List<java.util.concurrent.Future<?>> done = new ArrayList<>();
        for (int w = 0; w < 4; w++) {
            PlatformProcess p = replicas.get(w % 2);
            done.add(writers.submit(() -> {
                for (int i = 0; i < 50; i++) {
                    given().port(p.port()).contentType(ContentType.JSON).body("{\"text\":\"两台\"}")
                            .post("/api/t/" + county + "/m/echo/notes").then().statusCode(201);
                }
                return null;
            }));
        }
        for (var f : done) {
            f.get();
        }
        writers.shutdown();
        await().atMost(Duration.ofMinutes(1)).until(() -> count("SELECT count(*) FROM " + schema + ".audit_unlinked") == 0);
        assertEquals(2000, count("SELECT count(*) FROM " + schema + ".audit_entry WHERE action = 'test.orphaned'"));
        assertEquals(2000, count("SELECT count(DISTINCT entity_id) FROM " + schema + ".audit_entry WHERE action = 'test.orphaned'"));
        assertEquals(before + 200, count(notes));
        given().get("/api/t/" + county + "/audit/verify").then().statusCode(200).body("ok", org.hamcrest.Matchers.equalTo(true));
    }

    /** n appeals filed days ago at village X, one transaction, as an import would leave them. */
    private static void filed(String prefix, int n, int daysAgo) {
        Postgres.exec(DATABASE, "INSERT INTO " + schema + ".appeal (tracking_no, kind, category, subject, body, village, "
                + "state, level, channel, sla, step_started_at, created_at) SELECT '" + prefix + "' || g, "
                + "(ARRAY['COMPLAINT','SUGGESTION','INQUIRY'])[1 + g % 3], 'village-affairs', '测试', '测试', '"
                + People.VILLAGE_X + "', 'ACCEPTED', 'VILLAGE', 'API', 'GREEN', now(), now() - interval '" + daysAgo
                + " days' FROM generate_series(1, " + n + ") g");
    }

    private static void step(PlatformProcess p, TransparencyCounty c, String no, String to, String note) {
        given().port(p.port()).auth().oauth2(c.token("cadrex")).contentType(ContentType.JSON)
                .body(note == null ? Map.of("to", to) : Map.of("to", to, "note", note))
                .post(c.api() + "/appeals/" + no + "/steps").then().statusCode(200);
    }

    private static Set<String> ids(String sql) throws Exception {
        Set<String> ids = new HashSet<>();
        try (Connection db = Postgres.admin(DATABASE); Statement st = db.createStatement(); ResultSet rs = st.executeQuery(sql)) {
            while (rs.next()) {
                ids.add(rs.getString(1));
            }
        }
        return ids;
    }

    /** Cases with tracking numbers prefix+n, overdue for a minute at the village, with an appellant's phone. */
    private static void overdue(String prefix, int n) {
        Postgres.exec(DATABASE, "INSERT INTO " + schema + ".appeal (tracking_no, kind, category, subject, body, village, "
                + "state, level, channel, sla, step_started_at, due_at, created_at, appellant_name, appellant_phone) "
                + "SELECT '" + prefix + "' || g, 'COMPLAINT', 'village-affairs', '测试', '测试', '" + People.VILLAGE_X
                + "', 'ACCEPTED', 'VILLAGE', 'API', 'YELLOW', now() - interval '3 days', now() - interval '1 minute', "
                + "now(), '测试', '139' || lpad(g::text, 8, '0') FROM generate_series(1, " + n + ") g");
    }

    private static long waiting(String prefix) throws Exception {
        return count("SELECT count(*) FROM " + schema + ".appeal WHERE tracking_no LIKE '" + prefix
                + "%' AND level = 'VILLAGE'");
    }

    /** One timeline step, one escalation and three messages (village, town, appellant) per case. */
    private static void assertEscalatedOnce(String prefix, int n) throws Exception {
        String cases = "SELECT id FROM " + schema + ".appeal WHERE tracking_no LIKE '" + prefix + "%'";
        assertEquals(n, count("SELECT count(*) FROM " + schema + ".appeal_step WHERE action = 'overdue' AND appeal_id IN ("
                + cases + ")"));
        assertEquals(n, count("SELECT count(DISTINCT appeal_id) FROM " + schema + ".appeal_step WHERE action = 'overdue'"
                + " AND appeal_id IN (" + cases + ")"));
        assertEquals(n, count("SELECT count(*) FROM " + schema + ".appeal WHERE tracking_no LIKE '" + prefix
                + "%' AND escalations = 1 AND level = 'TOWN'"));
        assertEquals(3L * n, count("SELECT count(*) FROM " + schema + ".inbox_message WHERE appeal_id IN (" + cases + ")"));
        given().get("/api/t/" + county + "/audit/verify").then().statusCode(200);
    }

    /** The replica that holds the sweep now, from db-scheduler's picked_by ("host#pid"). */
    private static long sweepingPid() throws Exception {
        try (Connection c = Postgres.admin(DATABASE); Statement st = c.createStatement();
                ResultSet rs = st.executeQuery("SELECT picked_by FROM platform.scheduled_tasks WHERE task_name = "
                        + "'time-limits' AND picked")) {
            assertTrue(rs.next(), "no replica is sweeping");
            String by = rs.getString(1);
            return Long.parseLong(by.substring(by.lastIndexOf('#') + 1));
        }
    }

    private static long count(String sql) throws Exception {
        try (Connection c = Postgres.admin(DATABASE); Statement st = c.createStatement(); ResultSet rs = st.executeQuery(sql)) {
            rs.next();
            return rs.getLong(1);
        }
    }
}
