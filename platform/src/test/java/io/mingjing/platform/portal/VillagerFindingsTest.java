package io.mingjing.platform.portal;

import static io.restassured.RestAssured.given;
import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.lessThan;
import static org.hamcrest.Matchers.matchesPattern;
import static org.hamcrest.Matchers.not;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.mingjing.platform.testing.Browser;
import io.mingjing.platform.testing.DevStack;
import io.mingjing.platform.testing.Tokens;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import io.restassured.http.ContentType;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** What an outside usability test of the portal on a phone found, each kept fixed for every page of its kind. */
@QuarkusTest
@QuarkusTestResource(DevStack.class)
class VillagerFindingsTest {

    static final String V = "/t/yiwu/v/" + DemoPortal.VILLAGE;
    static final String HTML = "text/html,application/xhtml+xml,*/*;q=0.8";

    @BeforeEach
    void demo() {
        DemoPortal.await();
    }

    private static String base() {
        return "http://127.0.0.1:" + RestAssured.port;
    }

    private static String quarterly() {
        Matcher m = Pattern.compile("href=\"(/t/yiwu/d/\\d+)\">2024年第三季度村级财务收支").matcher(given().get(V).asString());
        assertTrue(m.find());
        return m.group(1);
    }

    @Test
    void pagesStylesAndScriptsTravelCompressedAndTheFirstLoadStaysSmall() throws Exception {
        HttpClient http = HttpClient.newHttpClient();
        long wire = 0;
        for (String path : new String[] { V, "/static/portal.css", "/static/portal.js" }) {
            HttpResponse<byte[]> r = http.send(HttpRequest.newBuilder(URI.create(base() + path))
                    .header("Accept-Encoding", "gzip").build(), HttpResponse.BodyHandlers.ofByteArray());
            assertEquals(200, r.statusCode(), path);
            assertEquals("gzip", r.headers().firstValue("Content-Encoding").orElse(""), path);
            wire += r.body().length;
        }
        System.out.println("FIGURE village home first load, gzip on the wire: " + wire + " bytes");
        assertThat(wire, lessThan(100L * 1024));
    }

    @Test
    void theReceiptIsAPageAVillagerReadsWithItsVerificationAndTheJsonStaysAtItsApiPath() {
        String page = quarterly();
        String disclosure = given().get(page).asString();
        assertThat(disclosure, containsString(page + "/receipt"));
        String receipt = given().accept(HTML).get(page + "/receipt").then().statusCode(200).contentType("text/html")
                .extract().asString();
        assertThat(receipt, containsString("class=\"ok\">✓ 现在公开的内容与发布时写入的存证一致"));
        assertThat(receipt, containsString("本县留痕链完整"));
        assertThat(receipt, containsString("<code class=\"hash\">"));
        String id = page.substring(page.lastIndexOf('/') + 1);
        assertThat(receipt, containsString("/api/t/yiwu/disclosures/" + id + "/receipt"));
        given().get("/api/t/yiwu/disclosures/" + id + "/receipt").then().statusCode(200).contentType(ContentType.JSON);
        given().accept(HTML).get("/t/yiwu/d/999999999/receipt").then().statusCode(404);
    }

    @Test
    void aDisclosureOffersAQuestionAndNamesAKindOfLineWithoutCallingItATotal() {
        String page = given().get(quarterly()).asString();
        Matcher ask = Pattern.compile("href=\"(/t/yiwu/login\\?back=[^\"]+)\">我有疑问").matcher(page);
        assertTrue(ask.find(), "logged out, the question asks to log in first");
        assertThat(ask.group(1), containsString(URLEncoder.encode("/appeals/new?disclosure=", StandardCharsets.UTF_8)));
        assertThat(page, containsString("<td>收入</td>"));
        assertThat(page, not(containsString("<td>收入合计</td>")));
        assertThat(page, containsString("<th scope=\"row\" colspan=\"2\">收入合计</th>"));
    }

    @Test
    void loggedOutAVillagePageOffersTellUsAsWellAsAnAnonymousReport() throws Exception {
        String html = given().get(V).asString();
        assertThat(html, containsString("/t/yiwu/login?back=/appeals/new\">我有话说"));
        assertThat(html, containsString("/t/yiwu/appeals/new\">匿名举报"));
        Browser browser = new Browser();
        HttpResponse<String> landed = browser.go(HttpRequest.newBuilder(URI.create(base()
                + "/t/yiwu/login?back=/appeals/new")));
        assertThat(landed.request().uri().toString(), containsString("/realms/mingjing-yiwu/"));
        assertThat(landed.body(), containsString("用户名就是您在村里登记的手机号"));
        assertThat(landed.body(), containsString("/t/yiwu/activate\""));
        assertThat(landed.body(), containsString("返回村务公开首页"));
        Matcher action = Pattern.compile("<form[^>]*action=\"([^\"]+)\"").matcher(landed.body());
        assertTrue(action.find());
        HttpResponse<String> form = browser.go(HttpRequest.newBuilder(URI.create(action.group(1).replace("&amp;", "&")))
                .header("Content-Type", "application/x-www-form-urlencoded").POST(HttpRequest.BodyPublishers.ofString(
                        "username=" + DemoPortal.VILLAGER + "&password=" + DemoPortal.VILLAGER_PASSWORD)));
        assertEquals(base() + "/t/yiwu/appeals/new", form.request().uri().toString(), "back where they were going");
        assertThat(form.body(), containsString("name=\"kind\""));
        assertThat(browser.go(HttpRequest.newBuilder(URI.create(base() + "/t/yiwu/login"))).request().uri().toString(),
                matchesPattern(".*/t/yiwu/v/\\d{12}$"));
    }

    @Test
    void englishReadersGetTheirMessagesInEnglishNamedByTheirSubjectAndMarkedUnreadUntilOpened() throws Exception {
        String villager = Tokens.password("mingjing-yiwu", DemoPortal.VILLAGER, DemoPortal.VILLAGER_PASSWORD);
        String cadre = Tokens.password("mingjing-yiwu", "cadre", "demo123");
        String subject = "井盖松动" + System.nanoTime() % 100000;
        String no = given().auth().oauth2(villager).contentType(ContentType.JSON).body(Map.of("kind", "COMPLAINT",
                "category", "village-affairs", "subject", subject, "body", "村口井盖松动，请修。", "village",
                DemoPortal.VILLAGE)).post("/api/t/yiwu/appeals").then().statusCode(201).extract().path("trackingNo");
        for (String to : new String[] { "ACCEPTED", "REPLIED" }) {
            given().auth().oauth2(cadre).contentType(ContentType.JSON).body(Map.of("to", to, "note", "已修好"))
                    .post("/api/t/yiwu/appeals/" + no + "/steps").then().statusCode(200);
        }
        given().auth().oauth2(villager).contentType(ContentType.JSON).body(Map.of("satisfied", false, "reason",
                "还是松的")).post("/api/t/yiwu/appeals/" + no + "/rating").then().statusCode(200);

        Browser browser = new Browser();
        browser.logIn(base(), "yiwu", DemoPortal.VILLAGER, DemoPortal.VILLAGER_PASSWORD);
        browser.go(HttpRequest.newBuilder(URI.create(base() + "/t/yiwu/lang/en?back=/t/yiwu/inbox")));
        String inbox = browser.go(HttpRequest.newBuilder(URI.create(base() + "/t/yiwu/inbox"))).body();
        assertThat(inbox, containsString("Your case &quot;" + subject + "&quot; (" + no + "): accepted"));
        assertThat(inbox, containsString("reopened after your rating"));
        assertThat(inbox, not(containsString("您的事项")));
        assertThat(inbox, containsString("<span class=\"dot\">New</span>"));
        browser.go(HttpRequest.newBuilder(URI.create(base() + "/t/yiwu/appeals/" + no)));
        String after = browser.go(HttpRequest.newBuilder(URI.create(base() + "/t/yiwu/inbox"))).body();
        Matcher line = Pattern.compile("<li([^>]*)>(?:(?!<li).)*?\\(" + no + "\\): accepted").matcher(after);
        assertTrue(line.find(), after);
        assertThat(line.group(1), not(containsString("unread")));

        // staff read the case's news in words, not codes
        Browser staff = new Browser();
        staff.logIn(base(), "yiwu", "cadre", "demo123");
        String theirs = staff.go(HttpRequest.newBuilder(URI.create(base() + "/t/yiwu/inbox"))).body();
        assertThat(theirs, containsString("“" + subject + "”（" + no + "）：不满意，重新办理"));
        assertThat(theirs, not(containsString("reopened")));
    }

    @Test
    void aChinesePageSpeaksChineseOnlyWhenSomethingGoesWrong() {
        String zh = given().accept(HTML).cookie("mj_lang", "zh").get("/t/yiwu/d/999999999").then().statusCode(404)
                .extract().asString();
        assertThat(zh, containsString("找不到您要的页面或记录"));
        assertThat(zh, not(containsString("No disclosure")));
        given().accept(HTML).cookie("mj_lang", "en").get("/t/yiwu/d/999999999").then().statusCode(404)
                .body(containsString("No disclosure"));
    }

    @Test
    void myFundsShowsTheIdNumberMaskedAndEveryPageHasAnIcon() throws Exception {
        Browser browser = new Browser();
        browser.logIn(base(), "yiwu", DemoPortal.VILLAGER, DemoPortal.VILLAGER_PASSWORD);
        String funds = browser.go(HttpRequest.newBuilder(URI.create(base() + "/t/yiwu/funds"))).body();
        Matcher summary = Pattern.compile("id=\"funds-summary\">([^<]*)").matcher(funds);
        assertTrue(summary.find());
        assertThat(summary.group(1), matchesPattern(".*\\d{4}\\*{10}[\\dX]{4}.*"));
        assertThat(summary.group(1), not(matchesPattern(".*\\d{17}[\\dX].*")));
        assertThat(funds, containsString("<link rel=\"icon\" href=\"data:image/svg+xml,"));
        given().get("/favicon.ico").then().statusCode(200); // for what asks the site root (an API page, a bookmark)
        // one income line and one expense line: no total that only repeats its line
        Matcher single = Pattern.compile("href=\"(/t/yiwu/d/\\d+)\">2024年集体经济收益分配方案").matcher(browser.go(
                HttpRequest.newBuilder(URI.create(base() + V))).body());
        assertTrue(single.find());
        String shares = browser.go(HttpRequest.newBuilder(URI.create(base() + single.group(1)))).body();
        assertThat(shares, containsString("<td>支出</td>"));
        assertThat(shares, not(containsString("合计")));
    }

    @Test
    void demoItemsAreDatedInTheirOwnPeriodAndLuchengVillagesAreNotSamples() {
        String html = given().get(V).asString();
        assertThat(html, containsString("2024年第三季度村级财务收支（2024年第3季度）</a> <time>2024-10-10</time>"));
        assertThat(html, containsString("本周六召开村民代表会议</a> <time>2024-10-14</time>"));
        String lucheng = given().get("/t/lucheng/").asString();
        assertThat(lucheng, containsString("溪口村"));
        assertThat(lucheng, not(containsString("示例")));
    }

    @Test
    void aVillagePageLeadsToTheCountysModulesAndTheirPagesCarryTheCountysFrame() {
        io.mingjing.platform.testing.Counties.awaitDemoCounties();
        String village = given().get("/t/lucheng/v/330302102201").then().statusCode(200).extract().asString();
        assertThat(village, containsString("href=\"/t/lucheng/m/shelters/\""));
        String shelters = given().get("/t/lucheng/m/shelters/").then().statusCode(200).extract().asString();
        assertThat(shelters, containsString("href=\"/t/lucheng/\">← 鹿城区"));
    }
}
