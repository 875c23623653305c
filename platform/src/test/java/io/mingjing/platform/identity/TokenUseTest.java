package io.mingjing.platform.identity;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.mingjing.platform.testing.Counties;
import io.mingjing.platform.testing.DevStack;
import io.mingjing.platform.testing.KeycloakAdmin;
import io.mingjing.platform.testing.KeycloakServer;
import io.mingjing.platform.testing.Tokens;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import java.util.Base64;
import java.util.Map;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * Tokens are bound to their use: only access tokens the county's own clients obtained for the API
 * act on it; lockout cannot be used to lock people out; county realms have a password policy.
 */
@QuarkusTest
@QuarkusTestResource(DevStack.class)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class TokenUseTest {

    @ConfigProperty(name = "mingjing.keycloak.token-seconds")
    int tokenSeconds;

    String county;

    @BeforeEach
    void arrange() {
        if (county == null) {
            county = Counties.onboard("tu");
            Tokens.countyAdmin(county);
        }
    }

    private static Map<String, Object> grant(String realm, String client, String username) {
        return given().baseUri("http://127.0.0.1:" + KeycloakServer.PORT).formParam("grant_type", "password")
                .formParam("client_id", client).formParam("username", username).formParam("password", "Test-pass-1")
                .formParam("scope", "openid").post("/realms/" + realm + "/protocol/openid-connect/token")
                .then().statusCode(200).extract().as(Map.class);
    }

    @Test
    void anIdTokenIsNoApiToken() {
        Map<String, Object> tokens = grant("mingjing-" + county, CountyRealms.CLI, "admin");
        given().auth().oauth2((String) tokens.get("access_token")).get("/api/t/" + county + "/admin/modules")
                .then().statusCode(200);
        given().auth().oauth2((String) tokens.get("id_token")).get("/api/t/" + county + "/admin/modules")
                .then().statusCode(401).body("status", equalTo(401));
    }

    @Test
    void aTokenMintedForAnotherClientOfTheRealmIsRefused() {
        String adminCli = (String) grant("mingjing-" + county, "admin-cli", "admin").get("access_token");
        given().auth().oauth2(adminCli).get("/api/t/" + county + "/admin/modules").then().statusCode(401);
    }

    @Test
    void theOperatorApiTakesOnlyTheOperatorCliAccessToken() {
        Map<String, Object> tokens = given().baseUri("http://127.0.0.1:" + KeycloakServer.PORT)
                .formParam("grant_type", "password").formParam("client_id", "mingjing-cli")
                .formParam("username", "operator").formParam("password", "operator").formParam("scope", "openid")
                .post("/realms/mingjing-platform/protocol/openid-connect/token").then().statusCode(200)
                .extract().as(Map.class);
        given().auth().oauth2((String) tokens.get("access_token")).get("/api/platform/tenants").then().statusCode(200);
        given().auth().oauth2((String) tokens.get("id_token")).get("/api/platform/tenants").then().statusCode(401);
    }

    @Test
    void accessTokensLiveAsLongAsConfiguredSoADisabledAccountIsOutWithinThatTime() {
        String token = (String) grant("mingjing-" + county, CountyRealms.CLI, "admin").get("access_token");
        Map<?, ?> claims = io.restassured.path.json.JsonPath.from(new String(Base64.getUrlDecoder()
                .decode(token.split("\\.")[1]))).getMap("");
        long lifetime = ((Number) claims.get("exp")).longValue() - ((Number) claims.get("iat")).longValue();
        assertEquals(tokenSeconds, lifetime);
        assertEquals(tokenSeconds, ((Number) KeycloakAdmin.realm("mingjing-" + county).get("accessTokenLifespan")).intValue());
    }

    @Test
    void lockoutIsShortAndNeverPermanentAndAPasswordPolicyHolds() {
        Map<String, Object> realm = KeycloakAdmin.realm("mingjing-" + county);
        assertEquals(Boolean.FALSE, realm.get("permanentLockout"));
        assertTrue(((Number) realm.get("failureFactor")).intValue() >= 20, "failureFactor " + realm.get("failureFactor"));
        assertTrue(((Number) realm.get("maxFailureWaitSeconds")).intValue() <= 60);
        assertEquals(0, ((Number) realm.get("quickLoginCheckMilliSeconds")).intValue());
        assertTrue(String.valueOf(realm.get("passwordPolicy")).contains("length(8)"), String.valueOf(realm.get("passwordPolicy")));
        // three quick wrong passwords lock nobody out
        for (int i = 0; i < 3; i++) {
            given().baseUri("http://127.0.0.1:" + KeycloakServer.PORT).formParam("grant_type", "password")
                    .formParam("client_id", CountyRealms.CLI).formParam("username", "admin").formParam("password", "wrong" + i)
                    .post("/realms/mingjing-" + county + "/protocol/openid-connect/token").then()
                    .statusCode(org.hamcrest.Matchers.not(200));
        }
        grant("mingjing-" + county, CountyRealms.CLI, "admin");
    }

    @Test
    void demoCountiesKeepTheirDocumentedPasswords() {
        Counties.awaitDemoCounties();
        assertEquals("", String.valueOf(KeycloakAdmin.realm("mingjing-yiwu").getOrDefault("passwordPolicy", "")));
    }
}
