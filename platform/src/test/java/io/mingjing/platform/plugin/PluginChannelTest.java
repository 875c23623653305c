package io.mingjing.platform.plugin;

import static io.mingjing.platform.plugin.PluginRuntimeTest.count;
import static io.mingjing.platform.plugin.PluginRuntimeTest.schema;
import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.mingjing.platform.identity.Role;
import io.mingjing.platform.testing.Counties;
import io.mingjing.platform.testing.DevStack;
import io.mingjing.platform.testing.People;
import io.mingjing.platform.testing.Postgres;
import io.mingjing.platform.testing.Tokens;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * A module's notification channel (the echo plugin's "sms") receives the persons' inbox messages of
 * the counties that enabled it: with the phone, once each, again after a failure, a report's
 * messages like any other (the kind never named), and someone staff filed for by their phone alone.
 */
@QuarkusTest
@QuarkusTestResource(DevStack.class)
class PluginChannelTest {

    @Test
    void personsMessagesGoOutThroughTheChannelOnceAndReportsStayDiscreet() throws Exception {
        given().auth().oauth2(Tokens.operator()).delete("/api/platform/plugins/echo");
        PluginRuntimeTest.install(EchoJars.echo("1.0.0")).statusCode(201);
        String t = Counties.onboard("chan");
        String quiet = Counties.onboard("chan-off");
        PluginRuntimeTest.configure(t, "echo", "{\"enabled\":true}").statusCode(200);
        String admin = Tokens.countyAdmin(t);
        People.orgUnits(t, admin);
        People.villagers(t, admin, "13600000");
        String villager = Tokens.user(t, "13600000001");
        String cadre = People.staff(t, admin, "cadre-c", Role.CADRE, People.VILLAGE_X);
        String inspector = People.staff(t, admin, "inspector-c", Role.INSPECTOR, null);
        given().contentType(ContentType.JSON).body(Map.of("count", 1)).post("/api/t/" + t + "/m/echo/fail-sends")
                .then().statusCode(200);

        String complaint = file(t, villager, "COMPLAINT");
        step(t, cadre, complaint);
        await().atMost(30, TimeUnit.SECONDS).until(() -> count(t, "SELECT count(*) FROM " + schema(t)
                + ".echo_sent") == 1);
        Map<String, String> sent = row(t, "SELECT phone, text, link FROM " + schema(t) + ".echo_sent");
        assertEquals("13600000001", sent.get("phone"));
        assertTrue(sent.get("text").contains(complaint), sent.get("text"));
        assertTrue(sent.get("link").endsWith("/t/" + t + "/inbox"), sent.get("link"));
        assertEquals("2", row(t, "SELECT attempts FROM " + schema(t) + ".inbox_delivery").get("attempts"),
                "the first attempt failed (gateway down), the second delivered");

        String report = file(t, villager, "REPORT");
        step(t, inspector, report);
        await().atMost(30, TimeUnit.SECONDS).until(() -> count(t, "SELECT count(*) FROM " + schema(t)
                + ".echo_sent") == 2);
        String reportText = row(t, "SELECT text FROM " + schema(t) + ".echo_sent ORDER BY message_id DESC LIMIT 1")
                .get("text");
        assertEquals(sent.get("text").replace(complaint, report), reportText, "a report reads like any case");

        // someone without an account who phoned in: reached by their phone only
        String phoned = given().auth().oauth2(cadre).contentType(ContentType.JSON).body(Map.of("kind", "COMPLAINT",
                "category", "village-affairs", "subject", "来电反映", "body", "水渠堵了", "village", People.VILLAGE_X,
                "onBehalfOf", Map.of("name", "赵六", "phone", "13600000999", "channel", "PHONE")))
                .post("/api/t/" + t + "/appeals").then().statusCode(201).extract().path("trackingNo");
        step(t, cadre, phoned);
        await().atMost(30, TimeUnit.SECONDS).until(() -> count(t, "SELECT count(*) FROM " + schema(t)
                + ".echo_sent") == 3);
        Map<String, String> sms = row(t, "SELECT recipient, phone, text, link FROM " + schema(t)
                + ".echo_sent WHERE phone = '13600000999'");
        assertTrue(sms.get("text").contains(phoned), sms.get("text"));
        assertEquals(null, sms.get("recipient"));
        assertEquals(null, sms.get("link"));

        Thread.sleep(3000); // further rounds send nothing twice; unit messages and other counties never
        assertEquals(3, count(t, "SELECT count(*) FROM " + schema(t) + ".echo_sent"));
        assertFalse(PluginRuntimeTest.tables(quiet).contains("echo_sent"));
        given().get("/api/t/" + t + "/audit/verify").then().statusCode(200);
    }

    private static String file(String t, String token, String kind) {
        return given().auth().oauth2(token).contentType(ContentType.JSON).body(Map.of("kind", kind, "category",
                "village-affairs", "subject", "通知渠道", "body", "测试", "village", People.VILLAGE_X))
                .post("/api/t/" + t + "/appeals").then().statusCode(201).extract().path("trackingNo");
    }

    private static void step(String t, String token, String no) {
        given().auth().oauth2(token).contentType(ContentType.JSON).body(Map.of("to", "ACCEPTED"))
                .post("/api/t/" + t + "/appeals/" + no + "/steps").then().statusCode(200);
    }

    private static Map<String, String> row(String county, String sql) throws Exception {
        try (Connection c = Postgres.admin(DevStack.DATABASE); Statement st = c.createStatement();
                ResultSet rs = st.executeQuery(sql)) {
            assertTrue(rs.next(), sql);
            Map<String, String> row = new java.util.HashMap<>();
            for (int i = 1; i <= rs.getMetaData().getColumnCount(); i++) {
                row.put(rs.getMetaData().getColumnName(i), rs.getString(i));
            }
            return row;
        }
    }
}
