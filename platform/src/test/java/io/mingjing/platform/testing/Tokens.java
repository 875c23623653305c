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

    public static String operator() {
        return password("mingjing-platform", "operator", "operator");
    }
}
