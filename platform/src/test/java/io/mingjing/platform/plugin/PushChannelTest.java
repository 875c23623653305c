package io.mingjing.platform.plugin;

import static io.mingjing.platform.plugin.PluginRuntimeTest.count;
import static io.mingjing.platform.plugin.PluginRuntimeTest.schema;
import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.mingjing.platform.identity.Role;
import io.mingjing.platform.testing.Counties;
import io.mingjing.platform.testing.DevStack;
import io.mingjing.platform.testing.People;
import io.mingjing.platform.testing.Tokens;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * A push's messages reach a module's channel (the echo plugin's "sms") in batches: queued with a waiting row
 * for the channel, each handed over once, a failed one tried again without holding back the rest of its
 * batch, one that keeps failing given up after the last attempt — and the push's counts say so.
 */
@QuarkusTest
@QuarkusTestResource(DevStack.class)
class PushChannelTest {

    @Test
    void aPushGoesOutInBatchesOnceEachAndItsCountsFollow() throws Exception {
        given().auth().oauth2(Tokens.operator()).delete("/api/platform/plugins/echo");
        PluginRuntimeTest.install(EchoJars.echo("1.0.0")).statusCode(201);
        String t = Counties.onboard("pchan");
        PluginRuntimeTest.configure(t, "echo", "{\"enabled\":true}").statusCode(200);
        String admin = Tokens.countyAdmin(t);
        People.orgUnits(t, admin);
        People.villagers(t, admin, "13860000");
        String dept = People.staff(t, admin, "dept-p", Role.DEPARTMENT_STAFF, null);
        failNext(t, 1);

        long id = push(t, dept, Map.of("title", "防汛通知", "text", "今晚有暴雨，请转移到避灾安置点。", "audience", Map.of()));
        assertEquals(3, count(t, "SELECT count(*) FROM " + schema(t) + ".inbox_delivery d JOIN " + schema(t)
                + ".inbox_message m ON m.id = d.message_id WHERE m.push_id = " + id + " AND d.channel = 'echo/sms'"),
                "queued with a waiting row for the channel on");
        await().atMost(30, TimeUnit.SECONDS).until(() -> sent(t, id) == 3);
        assertEquals(3, count(t, "SELECT count(DISTINCT e.message_id) FROM " + schema(t) + ".echo_sent e JOIN "
                + schema(t) + ".inbox_message m ON m.id = e.message_id WHERE m.push_id = " + id));
        assertEquals(1, count(t, "SELECT count(*) FROM " + schema(t) + ".inbox_delivery d JOIN " + schema(t)
                + ".inbox_message m ON m.id = d.message_id WHERE m.push_id = " + id + " AND d.attempts = 2"),
                "the one that failed was tried again; the rest of its batch went out the first time");
        given().auth().oauth2(dept).get("/api/t/" + t + "/pushes/" + id).then().statusCode(200)
                .body("counts.queued", equalTo(3)).body("counts.delivered", equalTo(3)).body("counts.failed", equalTo(0))
                .body("counts.channels[0].channel", equalTo("echo/sms")).body("counts.channels[0].handed", equalTo(3))
                .body("counts.channels[0].waiting", equalTo(0));

        failNext(t, 1000);
        long doomed = push(t, dept, Map.of("title", "停电通知", "text", "明天停电。", "audience",
                Map.of("villages", List.of(People.VILLAGE_Y))));
        await().atMost(60, TimeUnit.SECONDS).until(() -> count(t, "SELECT count(*) FROM " + schema(t)
                + ".inbox_delivery d JOIN " + schema(t) + ".inbox_message m ON m.id = d.message_id WHERE m.push_id = "
                + doomed + " AND d.attempts >= 5") == 1);
        failNext(t, 0);
        given().auth().oauth2(dept).get("/api/t/" + t + "/pushes/" + doomed).then().statusCode(200)
                .body("counts.queued", equalTo(1)).body("counts.delivered", equalTo(0)).body("counts.failed", equalTo(1))
                .body("counts.channels[0].failed", equalTo(1));

        Thread.sleep(3000); // later rounds hand nothing over twice, and never the one given up
        assertEquals(3, sent(t, id));
        assertEquals(0, sent(t, doomed));
        given().get("/api/t/" + t + "/audit/verify").then().statusCode(200);
    }

    private static long push(String t, String token, Map<String, Object> body) {
        return given().auth().oauth2(token).contentType(ContentType.JSON).body(body).post("/api/t/" + t + "/pushes")
                .then().statusCode(201).extract().jsonPath().getLong("id");
    }

    private static long sent(String t, long push) throws Exception {
        return count(t, "SELECT count(*) FROM " + schema(t) + ".echo_sent e JOIN " + schema(t)
                + ".inbox_message m ON m.id = e.message_id WHERE m.push_id = " + push);
    }

    /** The echo gateway refuses the next n messages, as an outage would. */
    private static void failNext(String t, int n) {
        given().contentType(ContentType.JSON).body(Map.of("count", n)).post("/api/t/" + t + "/m/echo/fail-sends").then()
                .statusCode(200);
    }
}
