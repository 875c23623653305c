package io.mingjing.platform.appeal;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.mingjing.platform.tenancy.TenantIds;
import io.mingjing.platform.testing.Counties;
import io.mingjing.platform.testing.DevStack;
import io.mingjing.platform.testing.People;
import io.mingjing.platform.testing.Postgres;
import io.mingjing.platform.testing.Tokens;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import java.sql.ResultSet;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.Test;

/** A case acknowledged with 201 is never lost, even when the database drops every connection mid-submission. */
@QuarkusTest
@QuarkusTestResource(DevStack.class)
class AppealDurabilityTest {

    @Test
    void everyAcknowledgedCaseSurvivesTheDatabaseGoingDownMidSubmission() throws Exception {
        Counties.awaitDemoCounties(); // the outage must not hit the descriptors still being applied
        String t = Counties.onboard("dur");
        String admin = Tokens.countyAdmin(t);
        People.orgUnits(t, admin);
        People.villagers(t, admin, "13600000");
        String villager = Tokens.user(t, "13600000001");
        var acknowledged = new ConcurrentLinkedQueue<String>();
        var refused = new java.util.concurrent.atomic.AtomicInteger();
        var running = new AtomicBoolean(true);
        var pool = Executors.newFixedThreadPool(4);
        for (int w = 0; w < 4; w++) {
            int worker = w;
            pool.submit(() -> {
                for (int i = 0; running.get(); i++) {
                    var response = given().auth().oauth2(villager).contentType(ContentType.JSON)
                            .header("Idempotency-Key", "dur-" + worker + "-" + i)
                            .body(Map.of("kind", "SUGGESTION", "category", "village-affairs", "subject", "建议 " + i,
                                    "body", "worker " + worker, "village", People.VILLAGE_X))
                            .post("/api/t/" + t + "/appeals");
                    if (response.statusCode() == 201) {
                        acknowledged.add(response.path("trackingNo"));
                    } else {
                        assertTrue(response.statusCode() == 503, "only 503 while down, got " + response.statusCode());
                        refused.incrementAndGet();
                    }
                }
            });
        }
        Thread.sleep(1500);
        Postgres.takeDown(DevStack.DATABASE);
        Thread.sleep(1500);
        Postgres.bringUp(DevStack.DATABASE);
        Thread.sleep(2500);
        running.set(false);
        pool.shutdown();
        assertTrue(pool.awaitTermination(30, TimeUnit.SECONDS));
        assertTrue(refused.get() > 0, "the outage was felt");
        assertTrue(acknowledged.size() > 0, "submissions went through before and after");
        List<String> stored = new java.util.ArrayList<>();
        try (var c = Postgres.admin(DevStack.DATABASE); var st = c.createStatement();
                ResultSet rs = st.executeQuery("SELECT tracking_no FROM " + TenantIds.schema(t) + ".appeal")) {
            while (rs.next()) {
                stored.add(rs.getString(1));
            }
        }
        for (String no : acknowledged) {
            assertTrue(stored.contains(no), "acknowledged case " + no + " was lost");
        }
        assertEquals(acknowledged.size(), acknowledged.stream().distinct().count());
    }
}
