package io.mingjing.platform.web;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.allOf;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.mingjing.platform.testing.Counties;
import io.mingjing.platform.testing.DevStack;
import io.mingjing.platform.testing.Tokens;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.ValidatableResponse;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** Every answer of the portal, the API and the platform's files carries the browser policy headers. */
@QuarkusTest
@QuarkusTestResource(DevStack.class)
class BrowserHeadersTest {

    @Test
    void everyKindOfResponseCarriesThem() {
        Counties.awaitDemoCounties();
        List<Object[]> cases = List.of(
                new Object[] {"GET", "/t/yiwu/", 200, "text/html"},
                new Object[] {"GET", "/t/yiwu/no-such-page", 404, "text/html"},
                new Object[] {"GET", "/t/no-such-county/", 404, "text/html"},
                new Object[] {"GET", "/t/yiwu/d/999999", 404, "*/*"},
                new Object[] {"GET", "/t/yiwu/appeals", 302, "text/html"},
                new Object[] {"POST", "/t/yiwu/appeals/track", 403, "text/html"},
                new Object[] {"GET", "/api/t/yiwu/org-units", 200, "application/json"},
                new Object[] {"GET", "/api/t/yiwu/residents/me", 401, "application/json"},
                new Object[] {"GET", "/api/t/yiwu/disclosures/999999", 404, "application/json"},
                new Object[] {"GET", "/api/platform/tenants", 401, "application/json"},
                new Object[] {"GET", "/static/portal.css", 200, "text/css"},
                new Object[] {"GET", "/static/portal.js", 200, "text/javascript"},
                new Object[] {"GET", "/t/lucheng/m/shelters/static/shelters.css", 200, "text/css"},
                new Object[] {"GET", "/t/lucheng/m/shelters/", 200, "text/html"},
                new Object[] {"GET", "/q/openapi?format=json", 200, "application/json"},
                new Object[] {"GET", "/q/metrics", 404, "application/problem+json"});
        for (Object[] c : cases) {
            var request = given().redirects().follow(false).accept((String) c[3]);
            var response = c[0].equals("POST") ? request.contentType(ContentType.URLENC).formParam("no", "x")
                    .post((String) c[1]) : request.get((String) c[1]);
            // a module's file is a file: it keeps the stricter sandbox policy of every stored file
            policy(response.then().statusCode((Integer) c[2]), ((String) c[1]).contains("/m/shelters/static/"));
        }
    }

    @Test
    void hstsOnlyOverTls() {
        given().get("/t/yiwu/").then().header("Strict-Transport-Security", nullValue());
        given().header("X-Forwarded-Proto", "https").get("/t/yiwu/").then()
                .header("Strict-Transport-Security", containsString("max-age="));
        given().header("X-Forwarded-Proto", "https").get("/api/t/yiwu/residents/me").then().statusCode(401)
                .header("Strict-Transport-Security", containsString("max-age="));
    }

    @Test
    void onlyTheAppealFormMayUseTheMicrophoneAndOnlyTheShelterMapThePosition() {
        Counties.awaitDemoCounties();
        given().get("/t/yiwu/appeals/new").then().statusCode(200)
                .header("Permissions-Policy", allOf(containsString("microphone=(self)"),
                        containsString("geolocation=()"), containsString("camera=()")));
        given().get("/t/lucheng/m/shelters/").then().statusCode(200)
                .header("Permissions-Policy", allOf(containsString("geolocation=(self)"),
                        containsString("microphone=()")))
                .header("Content-Security-Policy", containsString("img-src 'self' data:;"))
                .body(not(containsString("id=\"map\"")));
        given().get("/t/yiwu/").then().header("Permissions-Policy",
                allOf(containsString("geolocation=()"), containsString("microphone=()")));
    }

    @Test
    void aCountysTileServerIsAllowedForTheMapPageAlone() {
        String county = Counties.onboard("tiles");
        String admin = Tokens.countyAdmin(county);
        String settings = "{\"enabled\":true,\"settings\":{\"tiles\":"
                + "\"https://t0.tianditu.gov.cn/DataServer?T=vec_w&x={x}&y={y}&l={z}&tk=k\",\"attribution\":\"天地图\"}}";
        given().auth().oauth2(admin).contentType(ContentType.JSON).body(settings)
                .put("/api/t/" + county + "/admin/modules/shelters").then().statusCode(200);
        String csp = given().get("/t/" + county + "/m/shelters/").then().statusCode(200)
                .body(containsString("id=\"map\"")).extract().header("Content-Security-Policy");
        assertTrue(csp.contains("img-src 'self' data: https://t0.tianditu.gov.cn;"), csp);
        assertTrue(!csp.contains("openstreetmap"), csp);
        given().get("/t/" + county + "/").then().header("Content-Security-Policy",
                not(containsString("tianditu")));
        given().auth().oauth2(admin).contentType(ContentType.JSON)
                .body("{\"enabled\":true,\"settings\":{\"tiles\":\"https://x.example/' 'unsafe-inline'; script-src *\"}}")
                .put("/api/t/" + county + "/admin/modules/shelters").then().statusCode(200);
        String hostile = given().get("/t/" + county + "/m/shelters/").then().statusCode(200).extract()
                .header("Content-Security-Policy");
        assertEquals(Optional.of("script-src 'self'"), List.of(hostile.split("; ")).stream()
                .filter(d -> d.startsWith("script-src")).findFirst(), hostile);
        assertTrue(hostile.contains("img-src 'self' data: https://x.example;"), hostile);
    }

    static void policy(ValidatableResponse r, boolean file) {
        r.header("Content-Security-Policy", file ? equalTo("sandbox") : allOf(containsString("script-src 'self'"),
                containsString("frame-ancestors 'none'"), containsString("object-src 'none'"),
                containsString("base-uri 'none'"), containsString("form-action 'self'")))
                .header("X-Content-Type-Options", equalTo("nosniff"))
                .header("Referrer-Policy", equalTo("strict-origin-when-cross-origin"))
                .header("Permissions-Policy", allOf(containsString("camera=()"), containsString("microphone=")))
                .header("X-Frame-Options", equalTo("DENY"));
    }
}
