package io.mingjing.platform.portal;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.mingjing.platform.testing.Browser;
import io.mingjing.platform.testing.Counties;
import io.mingjing.platform.testing.DevStack;
import io.mingjing.platform.testing.KeycloakAdmin;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
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
        // a cadre lands on their work, not on an account page
        assertEquals(base + "/t/yiwu/staff", me.request().uri().toString());
        String account = browser.go(HttpRequest.newBuilder(URI.create(base + "/t/yiwu/me"))).body();
        assertThat(account, containsString("村干部"));
        assertThat(account, not(containsString(">cadre ")));
        assertThat(account, containsString("七一村"));
    }

    @Test
    void theHomePageListsTownsAndVillagesWithoutLogin() {
        Counties.awaitDemoCounties();
        RestAssured.get("/t/beichuan/").then().contentType("text/html").body(containsString("片口乡"))
                .body(containsString("东江村")).body(containsString("北川"));
        KeycloakAdmin.realm("mingjing-beichuan");
    }
}
