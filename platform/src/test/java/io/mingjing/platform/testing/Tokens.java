package io.mingjing.platform.testing;

import static io.restassured.RestAssured.given;

/** Real tokens from the test Keycloak, through the public {@code mingjing-cli} client. */
public final class Tokens {

    private Tokens() {
    }

    public static String password(String realm, String username, String password) {
        return given().baseUri("http://127.0.0.1:" + KeycloakServer.PORT)
                .formParam("grant_type", "password").formParam("client_id", "mingjing-cli")
                .formParam("username", username).formParam("password", password)
                .post("/realms/" + realm + "/protocol/openid-connect/token")
                .then().statusCode(200).extract().path("access_token");
    }

    /** The county's first admin, with a known password set through Keycloak's admin API. */
    public static String countyAdmin(String county) {
        return user(county, "admin");
    }

    /** Logs a county user in, after giving them the password "Test-pass-1". */
    public static String user(String county, String username) {
        KeycloakAdmin.setPassword("mingjing-" + county, username, "Test-pass-1");
        return password("mingjing-" + county, username, "Test-pass-1");
    }

    public static String operator() {
        return password("mingjing-platform", "operator", "operator");
    }
}
