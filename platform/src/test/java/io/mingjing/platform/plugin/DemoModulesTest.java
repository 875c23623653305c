package io.mingjing.platform.plugin;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItems;

import io.mingjing.platform.testing.DevStack;
import io.mingjing.platform.testing.Tokens;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/**
 * The regional plugins built in plugins/ run in the platform: 合浦 has the market, 鹿城 the shelters
 * map, as their descriptors say — and neither sees the other's module.
 */
@QuarkusTest
@QuarkusTestResource(DevStack.class)
class DemoModulesTest {

    @Test
    void demoCountiesServeTheirRegionalModulesAndOnlyThose() {
        await().atMost(Duration.ofSeconds(90)).pollInterval(Duration.ofSeconds(1)).until(() ->
                given().get("/api/t/hepu/m/market/listings").statusCode() == 200
                        && given().get("/api/t/lucheng/m/shelters/shelters").statusCode() == 200);
        given().auth().oauth2(Tokens.operator()).get("/api/platform/modules").then().statusCode(200)
                .body("findAll { it.source == 'plugin' && it.status == 'active' }.id", hasItems("market", "shelters"));

        given().get("/api/t/lucheng/m/shelters/shelters.geojson").then().statusCode(200)
                .body("type", equalTo("FeatureCollection"));
        given().get("/t/lucheng/m/shelters").then().statusCode(200).body(containsString("leaflet/leaflet.js"));
        given().get("/t/lucheng/m/shelters/static/leaflet/leaflet.js").then().statusCode(200)
                .contentType(containsString("javascript"));
        given().get("/t/hepu/m/market").then().statusCode(200).body(containsString("农村集市"));
        given().get("/api/t/hepu/m/market/categories").then().statusCode(200).body("size()", equalTo(7));

        given().get("/api/t/hepu/m/shelters/shelters").then().statusCode(404);
        given().get("/api/t/lucheng/m/market/listings").then().statusCode(404);
        given().get("/api/t/yiwu/m/market/listings").then().statusCode(404);
    }
}
