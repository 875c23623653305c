package io.mingjing.platform.health;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.not;

import io.mingjing.platform.testing.Counties;
import io.mingjing.platform.testing.DevStack;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;

/**
 * Metrics and health live on the management port, not on the public one; metrics carry path templates
 * only (never what a caller typed into a refused address), and health names no URL.
 */
@QuarkusTest
@QuarkusTestResource(DevStack.class)
class ManagementInterfaceTest {

    static String management() {
        return "http://127.0.0.1:" + DevStack.MANAGEMENT_PORT;
    }

    @Test
    void thePublicPortServesNeitherMetricsNorHealth() {
        given().get("/q/metrics").then().statusCode(404);
        given().get("/q/health").then().statusCode(404);
        given().get("/q/openapi").then().statusCode(200);
    }

    @Test
    void metricsNameTemplatesNeverRefusedAddresses() {
        Counties.awaitDemoCounties();
        given().get("/api/t/no-such-county-zz9/org-units").then().statusCode(404);
        given().urlEncodingEnabled(false).get("/api/t/yiwu/secret-probe-qq7%00").then().statusCode(400);
        given().get("/api/platform/unknown-thing-xx3").then().statusCode(404);
        given().get("/api/t/yiwu/org-units").then().statusCode(200);
        given().baseUri(management()).get("/q/metrics").then().statusCode(200)
                .body(containsString("http_server_requests")).body(not(containsString("no-such-county-zz9")))
                .body(not(containsString("secret-probe-qq7"))).body(not(containsString("unknown-thing-xx3")))
                .body(containsString("/api/t/{tenant}/org-units"));
    }

    @Test
    void healthTellsUpOrDownAndNoAddresses() {
        given().baseUri(management()).get("/q/health/live").then().statusCode(200).body("status", equalTo("UP"));
        given().baseUri(management()).get("/q/health/ready").then().statusCode(200).body("status", equalTo("UP"))
                .body(not(containsString("http://"))).body(not(containsString("127.0.0.1")));
        given().baseUri(management()).get("/q/health").then().statusCode(200).body(not(containsString("http://")));
    }
}
