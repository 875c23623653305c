package io.mingjing.platform.push;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;

import io.mingjing.platform.identity.Role;
import io.mingjing.platform.plugin.EchoJars;
import io.mingjing.platform.tenancy.TenantIds;
import io.mingjing.platform.testing.Counties;
import io.mingjing.platform.testing.DevStack;
import io.mingjing.platform.testing.People;
import io.mingjing.platform.testing.Postgres;
import io.mingjing.platform.testing.Tokens;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * Figures for docs/push.md, run by platform/bench/push.sh (not part of the suite: the name does not end
 * in Test). A county of 130,000 residents made by SQL (2,000 of them in one village for the warm-up),
 * the echo test plugin's SMS channel enabled (a real module channel behind the outbox: it writes a row
 * per message in its own table, one module transaction per batch); then (1) counting the whole county
 * (preview), (2) a push to all 130,000 through the API, timed from the request to its answer (queued and
 * committed), and (3) how fast the channel rounds hand them to the channel: from the first hand-over to
 * the last, and from the push's commit to the last.
 */
@QuarkusTest
@QuarkusTestResource(DevStack.class)
class PushBench {

    static final int RESIDENTS = Integer.getInteger("bench.residents", 130_000);
    static final int WARM = 2000;

    @Test
    void figures() throws Exception {
        given().auth().oauth2(Tokens.operator()).delete("/api/platform/plugins/echo");
        given().auth().oauth2(Tokens.operator()).contentType("application/java-archive").body(EchoJars.echo("1.0.0"))
                .post("/api/platform/plugins").then().statusCode(201);
        String county = Counties.onboard("pbench");
        given().auth().oauth2(Tokens.operator()).contentType(ContentType.JSON).body("{\"enabled\":true}")
                .put("/api/platform/tenants/" + county + "/modules/echo").then().statusCode(200);
        String admin = Tokens.countyAdmin(county);
        People.orgUnits(county, admin);
        String dept = People.staff(county, admin, "dept-bench", Role.DEPARTMENT_STAFF, null);
        String schema = TenantIds.schema(county);
        long made = System.nanoTime();
        residents(schema);
        List<String> out = new ArrayList<>();
        out.add(String.format("%,d residents made by SQL in %.1f s", RESIDENTS, (System.nanoTime() - made) / 1e9));

        long[] previews = new long[7];
        for (int i = 0; i < previews.length; i++) {
            long t0 = System.nanoTime();
            given().auth().oauth2(dept).contentType(ContentType.JSON).body(Map.of()).post("/api/t/" + county
                    + "/pushes/preview").then().statusCode(200);
            previews[i] = (System.nanoTime() - t0) / 1_000_000;
        }
        Arrays.sort(previews);
        out.add(String.format("preview (count the whole county): median %d ms, max %d ms (n=%d)", previews[3],
                previews[6], previews.length));

        long warm = push(county, dept, Map.of("villages", List.of(People.VILLAGE_Z)));
        awaitHanded(schema, warm, WARM);
        long t0 = System.nanoTime();
        long id = push(county, dept, Map.of());
        double queued = (System.nanoTime() - t0) / 1e9;
        out.add(String.format("push to %,d residents: queued and committed in %.2f s (one request)",
                count(schema, "SELECT queued FROM $s.push WHERE id = " + id), queued));
        awaitHanded(schema, id, RESIDENTS);
        out.add(handOff(schema, id));
        out.add(String.format("handed over exactly once: %,d rows in echo_sent for %,d messages",
                count(schema, "SELECT count(*) FROM $s.echo_sent e JOIN $s.inbox_message m ON m.id = e.message_id "
                        + "WHERE m.push_id = " + id),
                count(schema, "SELECT count(DISTINCT e.message_id) FROM $s.echo_sent e JOIN $s.inbox_message m "
                        + "ON m.id = e.message_id WHERE m.push_id = " + id)));
        Path file = Path.of("target", "bench", "push.txt");
        Files.createDirectories(file.getParent());
        Files.write(file, out);
        out.forEach(System.out::println);
    }

    private static long push(String county, String token, Map<String, Object> audience) {
        return given().auth().oauth2(token).contentType(ContentType.JSON).body(Map.of("title", "低保政策更新",
                "text", "低保申请的有关最新政策已发布，详见村社通知。", "audience", audience))
                .post("/api/t/" + county + "/pushes").then().statusCode(201).extract().jsonPath().getLong("id");
    }

    private static void awaitHanded(String schema, long push, int n) {
        await().atMost(Duration.ofMinutes(20)).pollInterval(1, TimeUnit.SECONDS).until(() -> count(schema,
                "SELECT count(*) FROM $s.inbox_delivery d JOIN $s.inbox_message m ON m.id = d.message_id WHERE "
                        + "m.push_id = " + push + " AND d.delivered_at IS NOT NULL") >= n);
    }

    private static String handOff(String schema, long push) throws Exception {
        try (Connection c = Postgres.admin(DevStack.DATABASE); Statement st = c.createStatement();
                ResultSet rs = st.executeQuery(("SELECT count(*), extract(epoch FROM max(d.delivered_at) - min(d.delivered_at)),"
                        + " extract(epoch FROM max(d.delivered_at) - (SELECT created_at FROM $s.push WHERE id = " + push
                        + ")) FROM $s.inbox_delivery d JOIN $s.inbox_message m ON m.id = d.message_id WHERE m.push_id = "
                        + push).replace("$s", schema))) {
            rs.next();
            long n = rs.getLong(1);
            double first = rs.getDouble(2);
            double commit = rs.getDouble(3);
            return String.format("handed to the channel (echo/sms, batches of 500): %,d messages in %.1f s from the "
                    + "first to the last, %.0f messages/s; %.1f s from the push to the last, %.0f messages/s", n, first,
                    n / first, commit, n / commit);
        }
    }

    /** Households of four; the first 2,000 residents in village Z, the rest in X and Y; every other one has an account. */
    private static void residents(String schema) throws Exception {
        String sql = """
                INSERT INTO $s.household (code, village_code)
                  SELECT 'PB' || i, CASE WHEN i <= %2$d THEN '%3$s' WHEN i %% 2 = 0 THEN '%4$s' ELSE '%5$s' END
                  FROM generate_series(1, (%1$d + 3) / 4) i;
                INSERT INTO $s.resident (household_id, name, id_card_enc, id_card_hash, id_card_masked, phone,
                    registered_village, user_id, birth_date, created_at)
                  SELECT h.id, '村民' || i, 'x', encode(sha256(('pb' || i)::bytea), 'hex'),
                    '3307**********' || lpad((i %% 10000)::text, 4, '0'), '139' || lpad(i::text, 8, '0'),
                    h.village_code, CASE WHEN i %% 2 = 0 THEN 'bench-' || i END, date '1940-01-01' + (i %% 25000), now()
                  FROM generate_series(1, %1$d) i JOIN $s.household h ON h.code = 'PB' || ((i + 3) / 4);
                ANALYZE $s.household;
                ANALYZE $s.resident;
                """.formatted(RESIDENTS, WARM / 4, People.VILLAGE_Z, People.VILLAGE_X, People.VILLAGE_Y)
                .replace("$s", schema);
        try (Connection c = Postgres.admin(DevStack.DATABASE); Statement st = c.createStatement()) {
            st.execute(sql);
        }
    }

    private static long count(String schema, String sql) throws Exception {
        try (Connection c = Postgres.admin(DevStack.DATABASE); Statement st = c.createStatement();
                ResultSet rs = st.executeQuery(sql.replace("$s", schema))) {
            rs.next();
            return rs.getLong(1);
        }
    }
}
