package io.mingjing.platform.portal;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.mingjing.platform.testing.Browser;
import io.mingjing.platform.testing.DevStack;
import io.mingjing.platform.testing.People;
import io.mingjing.platform.testing.TransparencyCounty;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * One language per page: the 我有话说 form speaks the reader's language only. Proper names from the
 * county's data (its villages) may be Chinese on the English page; the page's own words may not.
 */
@QuarkusTest
@QuarkusTestResource(DevStack.class)
class AppealFormLanguageTest {

    private static final Pattern HAN = Pattern.compile("[\\x{4e00}-\\x{9fff}]+");
    private static final Pattern LATIN_WORD = Pattern.compile("[A-Za-z]{2,}");
    private static final String HTML = "text/html,application/xhtml+xml,*/*;q=0.8";

    static TransparencyCounty c;
    static Browser cadre;

    String base() {
        return "http://127.0.0.1:" + RestAssured.port;
    }

    @BeforeEach
    void arrange() throws Exception {
        if (c != null) {
            return;
        }
        c = new TransparencyCounty("alang", "13916000");
        c.token("cadrex"); // gives the cadre the test password
        cadre = new Browser();
        assertEquals(200, cadre.logIn(base(), c.id, "cadrex", "Test-pass-1").statusCode());
    }

    @Test
    void theAppealFormInEnglishHasNoChineseWordsAndInChineseNoEnglishOnes() throws Exception {
        // staff see the whole form: the kinds, the matters, and filing for a resident
        String english = words(page(cadre, "/lang/en?back=/t/" + c.id + "/appeals/new"));
        assertTrue(english.contains("Filing for a resident") && english.contains("Suggestion"), english);
        Matcher han = HAN.matcher(english);
        assertFalse(han.find(), () -> "Chinese on the English form: " + han.group() + " in " + english);

        String receipt = file(cadre, Browser.token(page(cadre, "/appeals/new")), "路灯不亮");
        assertTrue(receipt.contains("Tracking number: <strong>") && receipt.contains("Progress appears in your <a"),
                receipt);
        assertFalse(HAN.matcher(words(receipt).replace("路灯不亮", "")).find(), receipt);

        String chinese = words(page(cadre, "/lang/zh?back=/t/" + c.id + "/appeals/new"));
        assertTrue(chinese.contains("代为登记") && chinese.contains("提建议"), chinese);
        Matcher latin = LATIN_WORD.matcher(chinese);
        assertFalse(latin.find(), () -> "English on the Chinese form: " + latin.group() + " in " + chinese);
    }

    @Test
    void theLoggedOutFormAndTheProblemPageFollowTheReadersLanguage() {
        String anonymous = words(given().accept(HTML).cookie(PortalContext.LANG_COOKIE, "en")
                .get("/t/" + c.id + "/appeals/new").then().statusCode(200).extract().asString());
        assertTrue(anonymous.contains("anonymous report"), anonymous);
        assertFalse(HAN.matcher(anonymous).find(), anonymous);
        assertFalse(LATIN_WORD.matcher(words(given().accept(HTML).get("/t/" + c.id + "/appeals/new").then()
                .statusCode(200).extract().asString())).find(), "Chinese by default");

        given().accept(HTML).cookie(PortalContext.LANG_COOKIE, "en").get("/t/" + c.id + "/v/330782999999").then()
                .statusCode(404).body(containsString("Something went wrong")).body(not(containsString("出错了")))
                .body(containsString("lang=\"en\""));
        given().accept(HTML).header("Accept-Language", "en-GB,en;q=0.9").get("/t/" + c.id + "/v/330782999999")
                .then().statusCode(404).body(containsString("Back to the home page"));
        given().accept(HTML).get("/t/" + c.id + "/v/330782999999").then().statusCode(404)
                .body(containsString("出错了")).body(not(containsString("Something went wrong")));
    }

    private String page(Browser browser, String path) throws Exception {
        HttpResponse<String> r = browser.go(HttpRequest.newBuilder(URI.create(base() + "/t/" + c.id + path)));
        assertEquals(200, r.statusCode(), r.body());
        return r.body();
    }

    /** Files a complaint through the portal's multipart form as a browser sends it; answers the receipt. */
    private String file(Browser browser, String token, String subject) throws Exception {
        String boundary = "----mj" + System.nanoTime();
        StringBuilder body = new StringBuilder();
        java.util.Map.of("_csrf", token, "kind", "COMPLAINT", "category", "village-affairs", "village",
                People.VILLAGE_X, "subject", subject, "body", "晚上看不见").forEach((name, value) -> body.append("--")
                .append(boundary).append("\r\nContent-Disposition: form-data; name=\"").append(name)
                .append("\"\r\nContent-Type: text/plain; charset=UTF-8\r\n\r\n").append(value).append("\r\n"));
        body.append("--").append(boundary).append("--\r\n");
        HttpResponse<String> r = browser.go(HttpRequest.newBuilder(URI.create(base() + "/t/" + c.id + "/appeals/new"))
                .header("Content-Type", "multipart/form-data; boundary=" + boundary).header("Origin", base())
                .header("Accept", HTML).POST(HttpRequest.BodyPublishers.ofString(body.toString(),
                        java.nio.charset.StandardCharsets.UTF_8)));
        assertEquals(200, r.statusCode(), r.body());
        return r.body();
    }

    /** The page's own words: the text of its main part without the markup and the village names (data). */
    private static String words(String html) {
        int from = html.indexOf("<main");
        String main = html.substring(from, html.indexOf("</main>", from));
        return main.replaceAll("(?s)<select id=\"village\".*?</select>", " ").replaceAll("(?s)<[^>]*>", " ")
                .replaceAll("\\s+", " ");
    }
}
