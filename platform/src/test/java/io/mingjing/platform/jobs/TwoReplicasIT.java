package io.mingjing.platform.jobs;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.mingjing.platform.plugin.EchoJars;
import io.mingjing.platform.testing.Counties;
import io.mingjing.platform.testing.KeycloakServer;
import io.mingjing.platform.testing.People;
import io.mingjing.platform.testing.PlatformProcess;
import io.mingjing.platform.testing.Postgres;
import io.mingjing.platform.testing.Tokens;
import io.restassured.RestAssured;
import io.restassured.http.ContentType;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;

/**
 * Two platform processes on one database, sweeping every second: every overdue case is escalated
 * once and every channel message sent once, and when the replica that is sweeping is killed the
 * other one finishes the sweep, still once per case.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class TwoReplicasIT {

    private static final String DATABASE = "mingjing_it_" + ProcessHandle.current().pid();
    private static final KeycloakServer KEYCLOAK = new KeycloakServer();
    private static final Map<String, String> FAST = Map.of("mingjing.sla.sweep-every", "1s",
            "mingjing.channels.every", "1s", "mingjing.jobs.heartbeat", "1s");
    private static List<PlatformProcess> replicas;
    private static String county;
    private static String schema;

    @BeforeAll
    static void twoReplicas() throws Exception {
        Postgres.recreate(DATABASE, "mingjing");
        KEYCLOAK.start();
        Path plugins = Files.createTempDirectory("mingjing-it-plugins");
        Files.write(plugins.resolve("echo-plugin.jar"), EchoJars.echo("1.0.0"));
        replicas = List.of(PlatformProcess.launch(DATABASE, plugins, FAST),
                PlatformProcess.launch(DATABASE, plugins, FAST));
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
        if (replicas != null) {
            replicas.forEach(PlatformProcess::kill);
        }
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

    @Test
    @Order(3)
    void theOtherReplicaFinishesTheSweepOfAKilledOne() throws Exception {
        overdue("K", 10000);
        await().atMost(Duration.ofMinutes(1)).pollInterval(Duration.ofMillis(50))
                .until(() -> waiting("K") < 10000);
        long sweeper = sweepingPid();
        PlatformProcess killed = replicas.stream().filter(p -> p.pid() == sweeper).findFirst().orElseThrow();
        killed.kill();
        RestAssured.port = replicas.stream().filter(p -> p != killed).findFirst().orElseThrow().port();
        long left = waiting("K");
        assertTrue(left > 0, "the sweep ended before the kill; sweep more cases");
        await().atMost(Duration.ofMinutes(2)).until(() -> waiting("K") == 0);
        Thread.sleep(3000);
        assertEscalatedOnce("K", 10000);
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
