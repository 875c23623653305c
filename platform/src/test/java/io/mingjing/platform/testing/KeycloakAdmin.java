package io.mingjing.platform.testing;

import static io.restassured.RestAssured.given;

import io.restassured.http.ContentType;
import java.util.List;
import java.util.Map;

/** Test-side use of Keycloak's admin REST API, for what a test must arrange outside the platform. */
public final class KeycloakAdmin {

    private KeycloakAdmin() {
    }

    static String base() {
        return "http://127.0.0.1:" + KeycloakServer.PORT;
    }

    public static String token() {
        return given().baseUri(base()).formParam("grant_type", "password").formParam("client_id", "admin-cli")
                .formParam("username", "admin").formParam("password", "admin")
                .post("/realms/master/protocol/openid-connect/token").then().statusCode(200).extract()
                .path("access_token");
    }

    private static io.restassured.specification.RequestSpecification admin() {
        return given().baseUri(base()).auth().oauth2(token()).contentType(ContentType.JSON);
    }

    public static String userId(String realm, String username) {
        List<String> ids = admin().queryParam("username", username).queryParam("exact", true)
                .get("/admin/realms/" + realm + "/users").then().statusCode(200).extract().path("id");
        if (ids.isEmpty()) {
            throw new IllegalStateException("no user " + username + " in " + realm);
        }
        return ids.get(0);
    }

    /** Gives a user a known, permanent password, as if they had completed their first login. */
    public static void setPassword(String realm, String username, String password) {
        String id = userId(realm, username);
        admin().body(Map.of("type", "password", "value", password, "temporary", false))
                .put("/admin/realms/" + realm + "/users/" + id + "/reset-password").then().statusCode(204);
        admin().body(Map.of("requiredActions", List.of())).put("/admin/realms/" + realm + "/users/" + id)
                .then().statusCode(204);
    }

    /** A user with a permanent password and no realm role but the realm's defaults. */
    public static void createUser(String realm, String username, String password) {
        admin().body(Map.of("username", username, "enabled", true, "firstName", username, "lastName", "test",
                "email", username + "@example.org", "emailVerified", true, "credentials",
                List.of(Map.of("type", "password", "value", password, "temporary", false))))
                .post("/admin/realms/" + realm + "/users").then().statusCode(org.hamcrest.Matchers.anyOf(
                        org.hamcrest.Matchers.is(201), org.hamcrest.Matchers.is(409)));
    }

    public static int userCount(String realm, String username) {
        List<?> users = admin().queryParam("username", username).queryParam("exact", true)
                .get("/admin/realms/" + realm + "/users").then().statusCode(200).extract().path("");
        return users.size();
    }

    public static void deleteRealmRole(String realm, String role) {
        admin().delete("/admin/realms/" + realm + "/roles/" + role).then().statusCode(204);
    }

    public static Map<String, Object> realm(String realm) {
        return admin().get("/admin/realms/" + realm).then().statusCode(200).extract().as(Map.class);
    }

    public static void updateRealm(String realm, Map<String, Object> changes) {
        admin().body(changes).put("/admin/realms/" + realm).then().statusCode(204);
    }

    public static int clientCount(String realm, String clientId) {
        List<?> clients = admin().queryParam("clientId", clientId).get("/admin/realms/" + realm + "/clients").then()
                .statusCode(200).extract().path("");
        return clients.size();
    }

    public static Map<String, Object> user(String realm, String username) {
        return admin().get("/admin/realms/" + realm + "/users/" + userId(realm, username)).then().statusCode(200)
                .extract().as(Map.class);
    }

    /** Deletes the county realms a previous run left, so realms do not pile up across runs. */
    static void deleteCountyRealms() {
        List<String> realms = admin().queryParam("briefRepresentation", true).get("/admin/realms").then()
                .statusCode(200).extract().path("realm");
        for (String realm : realms) {
            if (realm.startsWith("mingjing-") && !realm.equals("mingjing-platform")) {
                admin().delete("/admin/realms/" + realm);
            }
        }
    }
}
