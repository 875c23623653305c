package io.mingjing.platform.registry;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;

import io.mingjing.platform.testing.Counties;
import io.mingjing.platform.testing.DevStack;
import io.mingjing.platform.testing.Postgres;
import io.mingjing.platform.testing.Tokens;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import java.time.Duration;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;

/** Onboarding that fails part-way leaves a FAILED county with a reason, and asking again completes it. */
@QuarkusTest
@QuarkusTestResource(DevStack.class)
class OnboardingFaultTest {

    @Test
    void aFailureLeavesFailedWithAReasonAndRetryCompletesIt() {
        String id = Counties.uniqueId("fail");
        String schema = "t_" + id.replace('-', '_');
        // Something in the way: a schema of that name the county's role does not own.
        Postgres.exec(DevStack.DATABASE, "CREATE SCHEMA " + schema + " AUTHORIZATION postgres");
        String token = Tokens.operator();
        given().auth().oauth2(token).contentType(ContentType.JSON).body(Counties.body(id, "330782"))
                .post("/api/platform/tenants").then().statusCode(503).contentType("application/problem+json")
                .body("detail", containsString("FAILED"));
        given().auth().oauth2(token).get("/api/platform/tenants/" + id).then().statusCode(200)
                .body("status", equalTo("FAILED")).body("failureReason", containsString("permission denied"));
        given().get("/api/t/" + id + "/org-units").then().statusCode(404);

        Postgres.exec(DevStack.DATABASE, "DROP SCHEMA " + schema);
        given().auth().oauth2(token).post("/api/platform/tenants/" + id + "/retry").then().statusCode(200)
                .body("status", equalTo("ACTIVE"));
        given().get("/api/t/" + id + "/org-units").then().statusCode(200);
    }

    @Test
    void onboardingWhileTheDatabaseIsDownIs503AndARetryAfterwardsCompletes() {
        Counties.awaitDemoCounties(); // the outage must not hit the descriptors still being applied
        String id = Counties.uniqueId("down");
        String token = Tokens.operator();
        Postgres.takeDown(DevStack.DATABASE);
        try {
            given().auth().oauth2(token).contentType(ContentType.JSON).body(Counties.body(id, "330782"))
                    .post("/api/platform/tenants").then().statusCode(503).contentType("application/problem+json")
                    .header("Retry-After", org.hamcrest.Matchers.notNullValue());
        } finally {
            Postgres.bringUp(DevStack.DATABASE);
        }
        // Pooled connections the outage cut are dropped as they fail: a client honouring Retry-After
        // gets through within seconds, and the county is complete.
        Awaitility.await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(500)).until(() -> given()
                .auth().oauth2(token).contentType(ContentType.JSON).body(Counties.body(id, "330782"))
                .post("/api/platform/tenants").statusCode() == 201);
        given().auth().oauth2(token).get("/api/platform/tenants/" + id).then().body("status", equalTo("ACTIVE"));
        given().get("/api/t/" + id + "/audit/verify").then().body("ok", equalTo(true));
    }
}
