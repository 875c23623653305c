package io.mingjing.platform.portal;

import static io.restassured.RestAssured.given;

import io.mingjing.platform.testing.Counties;
import java.time.Duration;
import org.awaitility.Awaitility;

/** The demo county yiwu with its descriptor content applied (七一村 is its demo village). */
final class DemoPortal {

    static final String VILLAGE = "330782006201";
    static final String VILLAGER = "13507820001";
    static final String VILLAGER_PASSWORD = "100004";

    private DemoPortal() {
    }

    static void await() {
        Counties.awaitDemoCounties();
        Awaitility.await().atMost(Duration.ofSeconds(120)).until(() -> given()
                .get("/api/t/yiwu/villages/" + VILLAGE + "/disclosures").then().extract().jsonPath().getList("id")
                .size() >= 3 && given().get("/api/t/yiwu/programmes").then().extract().asString().contains("policyId\":")
                && given().get("/api/t/yiwu/services").then().extract().jsonPath().getList("code").size() >= 3);
    }
}
