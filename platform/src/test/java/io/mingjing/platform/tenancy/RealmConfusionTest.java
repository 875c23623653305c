package io.mingjing.platform.tenancy;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.mingjing.platform.testing.Counties;
import io.mingjing.platform.testing.DevStack;
import io.mingjing.platform.testing.Tokens;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * No spelling of a county path lets a token of another realm act there: every disguised county
 * segment is a 404 before any realm is chosen, for operator tokens, other counties' tokens and none.
 */
@QuarkusTest
@QuarkusTestResource(DevStack.class)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class RealmConfusionTest {

    /** 404 from the county gate, or 400 when the address already holds a character refused for everyone. */
    private static final Set<Integer> REFUSED = Set.of(400, 404);

    String county;
    String other;
    String operator;
    String otherAdmin;

    @BeforeEach
    void arrange() {
        if (county == null) {
            county = Counties.onboard("rc");
            other = Counties.onboard("rc");
            operator = Tokens.operator();
            otherAdmin = Tokens.countyAdmin(other);
        }
    }

    /** Raw paths as an attacker sends them: parameters, escapes, dot segments, doubled and back slashes. */
    private List<String> disguises(String rest) {
        List<String> paths = new ArrayList<>();
        for (String segment : List.of(county + ";x=1", county + ";", county + "%3bx=1", county + "%3B",
                "%" + Integer.toHexString(county.charAt(0)) + county.substring(1), county.toUpperCase(),
                county + "%2f", county + "%00", other + "/../" + county, ".." + "/" + county)) {
            paths.add("/api/t/" + segment + rest);
        }
        paths.add("/api/t/" + other + "/%2e%2e/%2e%2e/t/" + county + rest);
        paths.add("/api/t/" + county + "/./" + rest.substring(1));
        paths.add("/api/t/" + county + "/" + rest);
        paths.add("//api/t/" + county + rest);
        paths.add("/api;x=1/t/" + county + rest);
        paths.add("/api/%74/" + county + rest);
        return paths;
    }

    /** Sent as written: no client-side normalising of the path. */
    private static HttpResponse<String> send(String method, String path, String token) {
        var request = HttpRequest.newBuilder(URI.create(RestAssured.baseURI + ":" + RestAssured.port + path))
                .timeout(Duration.ofSeconds(10));
        if (token != null) {
            request.header("Authorization", "Bearer " + token);
        }
        request = method.equals("PUT") ? request.header("Content-Type", "application/json")
                .PUT(HttpRequest.BodyPublishers.ofString("{\"enabled\":true}")) : request.GET();
        try (HttpClient http = HttpClient.newHttpClient()) {
            return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    @Test
    void disguisedCountyPathsAreNotFoundWhateverTheToken() {
        for (String token : new String[] { operator, otherAdmin, null }) {
            for (String path : disguises("/admin/modules")) {
                HttpResponse<String> r = send("GET", path, token);
                assertTrue(REFUSED.contains(r.statusCode()), path + " → " + r.statusCode() + " " + r.body());
                assertEquals("application/problem+json", r.headers().firstValue("Content-Type").orElse(""), path);
            }
        }
    }

    @Test
    void aDisguisedPathChangesNoModule() {
        var before = given().auth().oauth2(Tokens.countyAdmin(county)).get("/api/t/" + county + "/admin/modules")
                .then().statusCode(200).extract().asString();
        for (String path : disguises("/admin/modules/market")) {
            assertTrue(REFUSED.contains(send("PUT", path, operator).statusCode()), path);
        }
        String after = given().auth().oauth2(Tokens.countyAdmin(county)).get("/api/t/" + county + "/admin/modules")
                .then().statusCode(200).extract().asString();
        assertEquals(before, after);
    }

    @Test
    void theCanonicalPathStillRefusesAnOperatorAndAnotherCountysToken() {
        for (String token : new String[] { operator, otherAdmin }) {
            given().auth().oauth2(token).get("/api/t/" + county + "/admin/modules").then().statusCode(401)
                    .body("status", equalTo(401));
        }
    }

    @Test
    void anUnknownCountyNeverFallsBackToTheOperatorRealm() {
        HttpResponse<String> r = send("GET", "/api/t/no-such-county/admin/modules", operator);
        assertEquals(404, r.statusCode(), r.body());
        assertFalse(r.body().contains("enabled"));
    }
}
