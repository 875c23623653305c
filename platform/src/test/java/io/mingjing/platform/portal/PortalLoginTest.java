package io.mingjing.platform.portal;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.mingjing.platform.testing.DevStack;
import io.mingjing.platform.testing.KeycloakAdmin;
import io.mingjing.platform.testing.Counties;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/** A villager logs into a demo county's portal the way a browser does: code flow through the county realm. */
@QuarkusTest
@QuarkusTestResource(DevStack.class)
class PortalLoginTest {

    private static final Pattern FORM_ACTION = Pattern.compile("<form[^>]*action=\"([^\"]+)\"");

    @Test
    void aCountyUserLogsInThroughTheBrandedLoginPage() throws Exception {
        String base = "http://127.0.0.1:" + RestAssured.port;
        Counties.awaitDemoCounties();
        Browser browser = new Browser();
        HttpResponse<String> login = browser.go(HttpRequest.newBuilder(URI.create(base + "/t/yiwu/login")));
        assertEquals(200, login.statusCode());
        assertThat(login.request().uri().toString(), containsString("/realms/mingjing-yiwu/"));
        assertThat(login.body(), containsString("义乌市"));
        assertThat(login.body(), containsString("#6a1b7a"));

        Matcher action = FORM_ACTION.matcher(login.body());
        action.find();
        String form = "username=" + URLEncoder.encode("cadre", StandardCharsets.UTF_8) + "&password=demo123";
        HttpResponse<String> me = browser.go(HttpRequest.newBuilder(URI.create(action.group(1).replace("&amp;", "&")))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(form)));
        assertEquals(200, me.statusCode(), me.body());
        assertEquals(base + "/t/yiwu/me", me.request().uri().toString());
        assertThat(me.body(), containsString("cadre"));
        assertThat(me.body(), containsString("七一村"));
    }

    /**
     * Follows redirects and keeps every cookie per host, whatever its attributes: enough of a browser
     * for the code flow, without the JDK cookie store's rules for Secure and SameSite cookies.
     */
    static final class Browser {
        private final HttpClient http = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).build();
        private final Map<String, Map<String, String>> cookies = new HashMap<>();

        HttpResponse<String> go(HttpRequest.Builder request) throws Exception {
            for (int hops = 0; hops < 10; hops++) {
                HttpRequest built = withCookies(request).build();
                HttpResponse<String> response = http.send(built, HttpResponse.BodyHandlers.ofString());
                Map<String, String> jar = cookies.computeIfAbsent(built.uri().getAuthority(), k -> new HashMap<>());
                for (String header : response.headers().allValues("Set-Cookie")) {
                    String pair = header.split(";", 2)[0];
                    jar.put(pair.substring(0, pair.indexOf('=')), pair.substring(pair.indexOf('=') + 1));
                }
                var location = response.headers().firstValue("Location");
                if (response.statusCode() / 100 != 3 || location.isEmpty()) {
                    return response;
                }
                request = HttpRequest.newBuilder(built.uri().resolve(location.get()));
            }
            throw new IllegalStateException("too many redirects");
        }

        private HttpRequest.Builder withCookies(HttpRequest.Builder request) {
            HttpRequest probe = request.copy().build();
            Map<String, String> jar = cookies.getOrDefault(probe.uri().getAuthority(), Map.of());
            if (!jar.isEmpty()) {
                request.setHeader("Cookie", jar.entrySet().stream().filter(e -> !e.getValue().isEmpty())
                        .map(e -> e.getKey() + "=" + e.getValue()).collect(Collectors.joining("; ")));
            }
            return request;
        }
    }

    @Test
    void theHomePageListsTownsAndVillagesWithoutLogin() {
        Counties.awaitDemoCounties();
        RestAssured.get("/t/beichuan/").then().contentType("text/html").body(containsString("片口乡"))
                .body(containsString("东江村")).body(containsString("北川"));
        KeycloakAdmin.realm("mingjing-beichuan");
    }
}
