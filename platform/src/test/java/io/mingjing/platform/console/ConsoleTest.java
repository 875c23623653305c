package io.mingjing.platform.console;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.mingjing.platform.testing.Browser;
import io.mingjing.platform.testing.Counties;
import io.mingjing.platform.testing.DevStack;
import io.mingjing.platform.testing.KeycloakAdmin;
import io.mingjing.platform.testing.KeycloakServer;
import io.mingjing.platform.testing.Postgres;
import io.mingjing.platform.testing.Tokens;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The operator console through its forms, as a browser without JavaScript uses it: logged in through the
 * operator realm's code flow, every form with the console's token, every refusal a page.
 */
@QuarkusTest
@QuarkusTestResource(DevStack.class)
class ConsoleTest {

    static Browser operator;
    static final Pattern HAN = Pattern.compile("\\p{IsHan}");

    static String base() {
        return "http://127.0.0.1:" + RestAssured.port;
    }

    @BeforeEach
    void logIn() throws Exception {
        if (operator == null) {
            Browser b = new Browser();
            HttpResponse<String> home = b.logInAt(base() + "/console", "operator", "operator");
            assertEquals(200, home.statusCode(), home.body());
            assertTrue(home.body().contains("省级运营台"), home.body());
            operator = b;
        }
    }

    @Test
    void anOperatorOnboardsACountyFromTheFormWithErrorsNamedPerField() throws Exception {
        String form = page("/console/counties/new");
        String token = Browser.token(form);
        HttpResponse<String> bad = post(operator, "/console/counties", "id=Bad+Id&name=%E6%B5%8B%E8%AF%95&regionCode=12"
                + "&primaryColor=%23c0392b&adminUsername=admin&_csrf=" + enc(token));
        assertEquals(422, bad.statusCode());
        assertTrue(bad.body().contains("id=\"e-id\""), "the id's error under the id field");
        assertTrue(bad.body().contains("id=\"e-regionCode\""), "the region code's error under its field");
        assertFalse(bad.body().contains("id=\"e-name\""), "a valid field has no error");
        assertTrue(bad.body().contains("须为有效的 6 位县级行政区划代码"), "the error in the page's language");
        assertTrue(bad.body().contains("value=\"Bad Id\""), "what was typed stays in the form");

        String id = Counties.uniqueId("form");
        HttpResponse<String> done = post(operator, "/console/counties", "id=" + id + "&name=" + enc("表单县")
                + "&regionCode=330782&primaryColor=%23336699&motto=" + enc("阳光村务") + "&adminUsername=admin&_csrf="
                + enc(token));
        assertEquals(201, done.statusCode(), done.body());
        assertTrue(done.body().contains("初始密码"), "the first admin's password, shown once");
        assertTrue(done.body().contains("运行中"));
        given().auth().oauth2(Tokens.operator()).get("/api/platform/tenants/" + id).then().statusCode(200)
                .body("status", equalTo("ACTIVE")).body("branding.motto", equalTo("阳光村务"));

        String county = page("/console/counties/" + id);
        assertTrue(county.contains("mingjing-" + id + " · 正常"), "the realm's health");
        assertTrue(county.contains("投递失败事件"), "dead events counted");
        assertTrue(page("/console").contains(id));

        HttpResponse<String> again = post(operator, "/console/counties", "id=" + id + "&name=" + enc("表单县")
                + "&regionCode=330782&primaryColor=%23336699&adminUsername=admin&_csrf=" + enc(token));
        assertEquals(422, again.statusCode());
        assertTrue(again.body().contains("这个县标识已被使用"));
    }

    @Test
    void aFailedOnboardingShowsItsReasonAndTheRetryButtonCompletesIt() throws Exception {
        String id = Counties.uniqueId("cfail");
        String schema = "t_" + id.replace('-', '_');
        Postgres.exec(DevStack.DATABASE, "CREATE SCHEMA " + schema + " AUTHORIZATION postgres");
        String token = Browser.token(page("/console/counties/new"));
        HttpResponse<String> failed = post(operator, "/console/counties", "id=" + id + "&name=" + enc("失败县")
                + "&regionCode=330782&primaryColor=%23336699&adminUsername=admin&_csrf=" + enc(token));
        assertEquals(503, failed.statusCode());
        assertTrue(failed.body().contains("开通失败"));
        assertTrue(failed.body().contains("permission denied"), "the database's own reason");
        assertTrue(failed.body().contains("/console/counties/" + id + "/retry"), "a retry button");

        Postgres.exec(DevStack.DATABASE, "DROP SCHEMA " + schema);
        HttpResponse<String> retried = post(operator, "/console/counties/" + id + "/retry", "_csrf=" + enc(token));
        assertEquals(200, retried.statusCode(), retried.body());
        assertTrue(retried.body().contains("运行中"));
        given().get("/api/t/" + id + "/org-units").then().statusCode(200);
        String trail = page("/console/audit");
        assertTrue(trail.contains("留痕链完整"), "the province's chain is intact");
        assertTrue(trail.contains("<code>tenant.failed</code></strong> Tenant <code>" + id + "</code>"),
                "the failure, before the county had a schema of its own, is on the province's chain");
        assertTrue(trail.contains("<code>tenant.onboarded</code></strong> Tenant <code>" + id + "</code>"));
    }

    @Test
    void aSuspendedCountyAnswers503UntilResumedAndModulesAreEntitledPerCounty() throws Exception {
        String id = Counties.onboard("csus");
        String token = Browser.token(page("/console/counties/" + id));
        assertEquals(200, post(operator, "/console/counties/" + id + "/suspend", "_csrf=" + enc(token)).statusCode());
        given().get("/t/" + id + "/").then().statusCode(503);
        assertEquals(200, post(operator, "/console/counties/" + id + "/resume", "_csrf=" + enc(token)).statusCode());
        given().get("/t/" + id + "/").then().statusCode(200);
        HttpResponse<String> twice = post(operator, "/console/counties/" + id + "/retry", "_csrf=" + enc(token));
        assertEquals(422, twice.statusCode(), "an active county is not retried");
        assertTrue(twice.body().contains("未执行"));

        assertEquals(200, post(operator, "/console/counties/" + id + "/modules/notices", "allowed=false&_csrf="
                + enc(token)).statusCode());
        List<Boolean> allowed = given().auth().oauth2(Tokens.operator()).get("/api/platform/tenants/" + id + "/modules")
                .then().statusCode(200).extract().path("findAll { it.id == 'notices' }.allowed");
        assertEquals(List.of(false), allowed);
        assertEquals(200, post(operator, "/console/counties/" + id + "/modules/notices", "allowed=true&_csrf="
                + enc(token)).statusCode());
    }

    @Test
    void thePluginCatalogueRefusesAJarThatIsNoPluginAndKeepsServing() throws Exception {
        String plugins = page("/console/plugins");
        String token = Browser.token(plugins);
        String boundary = "mjb";
        String body = "--" + boundary + "\r\nContent-Disposition: form-data; name=\"_csrf\"\r\n\r\n" + token + "\r\n--"
                + boundary + "\r\nContent-Disposition: form-data; name=\"jar\"; filename=\"x.jar\"\r\n"
                + "Content-Type: application/java-archive\r\n\r\nnot a jar\r\n--" + boundary + "--\r\n";
        HttpResponse<String> refused = operator.go(HttpRequest.newBuilder(URI.create(base() + "/console/plugins"))
                .header("Origin", base()).header("Content-Type", "multipart/form-data; boundary=" + boundary)
                .POST(HttpRequest.BodyPublishers.ofString(body)));
        assertEquals(422, refused.statusCode(), refused.body());
        assertTrue(refused.body().contains("未执行"));
        assertTrue(refused.body().contains("运行中的插件"));
    }

    @Test
    void consoleFormsRefuseAMissingTokenAndAnotherSitesPage() throws Exception {
        String id = Counties.onboard("ccsrf");
        String token = Browser.token(page("/console/counties/" + id));
        HttpResponse<String> none = post(operator, "/console/counties/" + id + "/suspend", "x=1");
        assertEquals(403, none.statusCode());
        HttpResponse<String> forged = post(operator, "/console/counties/" + id + "/suspend", "_csrf=forged");
        assertEquals(403, forged.statusCode());
        HttpResponse<String> foreign = operator.go(HttpRequest.newBuilder(URI.create(base() + "/console/counties/" + id
                + "/suspend")).header("Origin", "https://evil.example").header("Content-Type",
                "application/x-www-form-urlencoded").POST(HttpRequest.BodyPublishers.ofString("_csrf=" + enc(token))));
        assertEquals(403, foreign.statusCode());
        given().auth().oauth2(Tokens.operator()).get("/api/platform/tenants/" + id).then().body("status",
                equalTo("ACTIVE"));
    }

    @Test
    void consolePagesAreForOperatorsOnly() throws Exception {
        KeycloakAdmin.createUser("mingjing-platform", "norole", "Norole-pass-1");
        HttpResponse<String> noRole = new Browser().logInAt(base() + "/console", "norole", "Norole-pass-1");
        assertEquals(403, noRole.statusCode(), "an operator-realm account without the operator role");
        assertFalse(noRole.body().contains("/console/counties/new"));

        String county = Counties.onboard("cwrong");
        String countyAdmin = Tokens.countyAdmin(county);
        HttpResponse<String> wrongRealm = new Browser().go(HttpRequest.newBuilder(URI.create(base() + "/console"))
                .header("Authorization", "Bearer " + countyAdmin));
        assertFalse(wrongRealm.body().contains("/console/counties/new"), "a county realm's token opens no console page");
        assertTrue(wrongRealm.uri().toString().startsWith("http://127.0.0.1:" + KeycloakServer.PORT
                + "/realms/mingjing-platform/"), "sent to the operator realm's login: " + wrongRealm.uri());

        HttpResponse<String> anonymous = new Browser().go(HttpRequest.newBuilder(URI.create(base()
                + "/console/counties/new")));
        assertTrue(anonymous.uri().toString().contains("/realms/mingjing-platform/"), anonymous.uri().toString());
        given().redirects().follow(false).contentType("application/x-www-form-urlencoded").formParam("id", "x")
                .post("/console/counties").then().statusCode(org.hamcrest.Matchers.anyOf(equalTo(302),
                        equalTo(401), equalTo(403)));
    }

    @Test
    void theEnglishConsoleHasNoChineseWordsAndTheChineseLabelsNoEnglish() throws Exception {
        String zh = page("/console/counties/new");
        Matcher labels = Pattern.compile("<label[^>]*>([^<]*)<").matcher(zh);
        while (labels.find()) {
            assertFalse(labels.group(1).matches(".*[A-Za-z]{3,}.*") && !labels.group(1).contains("("),
                    "an English label on the Chinese page: " + labels.group(1));
        }
        Browser english = operator;
        english.go(HttpRequest.newBuilder(URI.create(base() + "/console/lang/en?back=/console/counties/new")));
        try {
            String en = page("/console/counties/new");
            assertTrue(en.contains("Onboard a county"));
            String text = en.replace("中文", "");
            assertFalse(HAN.matcher(text).find(), "a Chinese word on the English page");
        } finally {
            english.go(HttpRequest.newBuilder(URI.create(base() + "/console/lang/zh?back=/console")));
        }
    }

    private String page(String path) throws Exception {
        HttpResponse<String> r = operator.go(HttpRequest.newBuilder(URI.create(base() + path)));
        assertEquals(200, r.statusCode(), path + ": " + r.body());
        return r.body();
    }

    static HttpResponse<String> post(Browser b, String path, String form) throws Exception {
        return b.go(HttpRequest.newBuilder(URI.create(base() + path)).header("Origin", base())
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(form)));
    }

    static String enc(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8);
    }
}
