package io.mingjing.platform.descriptor;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItems;

import io.mingjing.platform.testing.Counties;
import io.mingjing.platform.testing.DevStack;
import io.mingjing.platform.testing.Tokens;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.time.Duration;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;

/** The demo counties in tenants/ are applied at startup, with the towns and villages the seeds name. */
@QuarkusTest
@QuarkusTestResource(DevStack.class)
class DescriptorsTest {

    @Inject
    Descriptors descriptors;

    @Test
    void theFiveDemoCountiesAreActiveWithTheirVillages() {
        Counties.awaitDemoCounties();
        Awaitility.await().atMost(Duration.ofSeconds(180)).untilAsserted(() -> given()
                .auth().oauth2(Tokens.operator()).get("/api/platform/tenants").then().statusCode(200)
                .body("findAll { it.status == 'ACTIVE' }.id", hasItems("jiangbei", "hepu", "lucheng", "beichuan", "yiwu")));
        given().get("/api/t/jiangbei/org-units").then().statusCode(200).body("name", hasItems("复盛镇", "华山村"));
        given().get("/api/t/beichuan/org-units").then().body("name", hasItems("片口乡", "东江村", "小坝镇", "聚宝沟村"));
        given().get("/api/t/yiwu/org-units").then().body("name", hasItems("义亭镇", "城西街道", "七一村", "五星村", "大陈镇", "红峰村"));
        given().get("/api/t/hepu/org-units").then().body("name", hasItems("烟楼村"));
    }

    @Test
    void applyingAgainWritesNothingNew() {
        Counties.awaitDemoCounties();
        int before = given().get("/api/t/yiwu/audit/verify").then().body("ok", equalTo(true)).extract().path("entries");
        descriptors.applyAll();
        given().get("/api/t/yiwu/audit/verify").then().body("ok", equalTo(true)).body("entries", equalTo(before));
    }
}
