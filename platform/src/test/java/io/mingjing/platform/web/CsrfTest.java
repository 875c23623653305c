package io.mingjing.platform.web;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.mingjing.platform.plugin.PluginCatalogue;
import io.mingjing.platform.testing.Browser;
import io.mingjing.platform.testing.DevStack;
import io.mingjing.platform.testing.People;
import io.mingjing.platform.testing.TransparencyCounty;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import io.restassured.http.ContentType;
import jakarta.inject.Inject;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Cross-site request forgery as a class: every state-changing portal route (found by scanning the
 * resources and the modules, not listed by hand) refuses a request without this browser's token, with
 * another login's token, or from another site's page, and accepts the portal's own form.
 */
@QuarkusTest
@QuarkusTestResource(DevStack.class)
class CsrfTest {

    static TransparencyCounty c;
    static Browser cadre;
    static Browser villager;
    static String cadreToken;
    static String villagerToken;

    @Inject
    PluginCatalogue catalogue;

    String base() {
        return "http://127.0.0.1:" + RestAssured.port;
    }

    @BeforeEach
    void sessions() throws Exception {
        if (c != null) {
            return;
        }
        c = new TransparencyCounty("csrf", "13913000");
        given().auth().oauth2(c.token("admin")).contentType(ContentType.JSON).body("{\"enabled\":true}")
                .put(c.api() + "/admin/modules/market").then().statusCode(200);
        c.token("cadrex"); // gives the cadre the test password
        cadre = new Browser();
        assertEquals(200, cadre.logIn(base(), c.id, "cadrex", "Test-pass-1").statusCode());
        cadreToken = Browser.token(page(cadre, "/staff/disclosures"));
        c.villagerX();
        villager = new Browser();
        assertEquals(200, villager.logIn(base(), c.id, c.phonePrefix + "001", "Test-pass-1").statusCode());
        villagerToken = Browser.token(page(villager, "/appeals/new"));
    }

    @Test
    void theRouteListCoversThePortalsFormsAndTheModulesForms() throws Exception {
        List<String> paths = PortalRoutes.all(catalogue).stream().map(p -> p.path()).toList();
        assertTrue(paths.containsAll(List.of("/t/{tenant}/appeals/new", "/t/{tenant}/appeals/track",
                "/t/{tenant}/staff/disclosures", "/t/{tenant}/m/market/post")), paths.toString());
    }

    @Test
    void everyPortalPostRefusesAMissingTokenAnotherLoginsTokenAndAForeignOrigin() throws Exception {
        for (PortalRoutes.Post route : PortalRoutes.all(catalogue)) {
            String path = route.in(c.id);
            assertRefused(send(cadre, route, path, null, base()), PortalRoutesMessages.NO_TOKEN, route);
            assertRefused(send(cadre, route, path, "forged", base()), PortalRoutesMessages.NO_TOKEN, route);
            assertRefused(send(cadre, route, path, villagerToken, base()), PortalRoutesMessages.NO_TOKEN, route);
            assertRefused(send(cadre, route, path, cadreToken, "https://evil.example"), PortalRoutesMessages.FOREIGN,
                    route);
            assertRefused(send(cadre, route, path, cadreToken, "null"), PortalRoutesMessages.FOREIGN, route);
            HttpResponse<String> own = send(cadre, route, path, cadreToken, base());
            assertTrue(!own.body().contains(PortalRoutesMessages.NO_TOKEN)
                    && !own.body().contains(PortalRoutesMessages.FOREIGN), route + " " + own.statusCode());
        }
    }

    @Test
    void thePortalsOwnFormWorksAndAForgedOneChangesNothing() throws Exception {
        String form = "village=" + People.VILLAGE_X + "&category=FINANCE&title=" + enc("跨站草稿") + "&period=2024"
                + "&body=x&visibility=PUBLIC";
        HttpResponse<String> forged = cadre.go(post("/staff/disclosures", form + "&_csrf=" + cadreToken)
                .header("Origin", "https://evil.example"));
        assertEquals(403, forged.statusCode());
        HttpResponse<String> own = cadre.go(post("/staff/disclosures", form + "&_csrf=" + cadreToken)
                .header("Origin", base()));
        assertEquals(200, own.statusCode(), own.body());
        assertEquals(1, given().auth().oauth2(c.token("cadrex")).get(c.api() + "/disclosures/work").then()
                .extract().jsonPath().getList("findAll { it.title == '跨站草稿' }").size(), "one draft, the portal's");
        // no Origin at all (an old browser), the Referer decides
        assertEquals(403, cadre.go(post("/staff/disclosures", form + "&_csrf=" + cadreToken)
                .header("Referer", "https://evil.example/page")).statusCode());
    }

    @Test
    void aBrowserSeesTheRefusalAsAPageAndAScriptAsAProblem() throws Exception {
        HttpResponse<String> page = cadre.go(post("/appeals/track", "no=x&code=y").header("Accept", "text/html"));
        assertEquals(403, page.statusCode());
        assertTrue(page.headers().firstValue("Content-Type").orElse("").startsWith("text/html"));
        given().contentType("application/x-www-form-urlencoded").formParam("no", "x")
                .post("/t/" + c.id + "/appeals/track").then().statusCode(403)
                .contentType("application/problem+json").body("detail", containsString("Reload the page"));
    }

    @Test
    void bearerApiCallsNeedNoTokenButAForeignPageCannotSendThem() {
        String json = "{\"kind\":\"COMPLAINT\",\"category\":\"village-affairs\",\"subject\":\"路灯\",\"body\":\"坏了\","
                + "\"village\":\"" + People.VILLAGE_X + "\"}";
        given().auth().oauth2(c.villagerX()).contentType(ContentType.JSON).body(json).post(c.api() + "/appeals")
                .then().statusCode(201);
        given().auth().oauth2(c.villagerX()).header("Origin", base()).contentType(ContentType.JSON).body(json)
                .post(c.api() + "/appeals").then().statusCode(201);
        given().header("Origin", "https://evil.example").multiPart("appeal", json.replace("COMPLAINT", "REPORT"))
                .post(c.api() + "/appeals").then().statusCode(403).contentType("application/problem+json");
    }

    private void assertRefused(HttpResponse<String> r, String detail, PortalRoutes.Post route) {
        assertEquals(403, r.statusCode(), route + ": " + r.body());
        assertTrue(r.body().contains(detail), route + ": " + r.body());
    }

    private HttpResponse<String> send(Browser browser, PortalRoutes.Post route, String path, String token,
            String origin) throws Exception {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(base() + path)).header("Origin", origin)
                .header("Accept", "*/*");
        if (route.multipart()) {
            String boundary = "mjboundary";
            String body = token == null ? "" : "--" + boundary + "\r\nContent-Disposition: form-data; name=\"_csrf\""
                    + "\r\n\r\n" + token + "\r\n";
            body += "--" + boundary + "\r\nContent-Disposition: form-data; name=\"subject\"\r\n\r\nx\r\n--" + boundary
                    + "--\r\n";
            b.header("Content-Type", "multipart/form-data; boundary=" + boundary);
            return browser.go(b.method(route.method(), HttpRequest.BodyPublishers.ofString(body)));
        }
        String body = "note=x" + (token == null ? "" : "&_csrf=" + enc(token));
        b.header("Content-Type", "application/x-www-form-urlencoded");
        return browser.go(b.method(route.method(), HttpRequest.BodyPublishers.ofString(body)));
    }

    private HttpRequest.Builder post(String path, String form) {
        return HttpRequest.newBuilder(URI.create(base() + "/t/" + c.id + path))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(form));
    }

    private String page(Browser browser, String path) throws Exception {
        HttpResponse<String> r = browser.go(HttpRequest.newBuilder(URI.create(base() + "/t/" + c.id + path)));
        assertEquals(200, r.statusCode(), r.body());
        return r.body();
    }

    private static String enc(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8);
    }

    /** The guard's words, so a 403 from an access rule is never mistaken for it. */
    static final class PortalRoutesMessages {
        static final String NO_TOKEN = "Reload the page";
        static final String FOREIGN = "sent by a page of another site";
    }
}
