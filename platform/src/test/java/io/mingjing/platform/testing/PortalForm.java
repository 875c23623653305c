package io.mingjing.platform.testing;

import static io.restassured.RestAssured.given;

import io.restassured.specification.RequestSpecification;

/**
 * A logged-out browser's form session, taken the way a browser gets it: the token cookie and the
 * hidden form field of a rendered page.
 */
public record PortalForm(String cookie, String token) {

    public static final String COOKIE = "mj_csrf";
    public static final String FIELD = "_csrf";

    /** Opens {@code pagePath} (a page with a form) and keeps its token. */
    public static PortalForm from(String pagePath) {
        var page = given().accept("text/html").get(pagePath).then().statusCode(200).extract();
        return new PortalForm(page.cookie(COOKIE), Browser.token(page.asString()));
    }

    /** A request carrying this browser's cookie; add {@link #token()} as the form field {@value #FIELD}. */
    public RequestSpecification request() {
        return given().cookie(COOKIE, cookie);
    }
}
