package io.mingjing.platform.portal;

import static io.restassured.RestAssured.given;
import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.mingjing.platform.testing.Browser;
import io.mingjing.platform.testing.DevStack;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Staff write what the portal publishes from their phones: a form, a confirmation showing what will go
 * out, then the feature's own service (the same checks as the API); a form with mistakes comes back filled in.
 */
@QuarkusTest
@QuarkusTestResource(DevStack.class)
class StaffContentTest {

    static final String T = "/t/yiwu";

    @BeforeEach
    void demo() {
        DemoPortal.await();
    }

    private static String base() {
        return "http://127.0.0.1:" + RestAssured.port;
    }

    private static Browser as(String user) throws Exception {
        Browser b = new Browser();
        b.logIn(base(), "yiwu", user, user.startsWith("1") ? DemoPortal.VILLAGER_PASSWORD : "demo123");
        return b;
    }

    private static HttpResponse<String> get(Browser b, String path) throws Exception {
        return b.go(HttpRequest.newBuilder(URI.create(base() + T + path)).header("Accept", "text/html"));
    }

    private static String form(Map<String, String> fields) {
        return fields.entrySet().stream().map(e -> e.getKey() + "=" + URLEncoder.encode(e.getValue(),
                StandardCharsets.UTF_8)).collect(Collectors.joining("&"));
    }

    /** Posts the page's form as the browser would (its token, this site's Origin), without following a redirect. */
    private static HttpResponse<String> post(Browser b, String page, String path, Map<String, String> fields)
            throws Exception {
        Map<String, String> all = new LinkedHashMap<>(fields);
        all.put("_csrf", Browser.token(get(b, page).body()));
        return b.go(HttpRequest.newBuilder(URI.create(base() + T + path)).header("Origin", base())
                .header("Accept", "text/html").header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(form(all))));
    }

    @Test
    void aCadreConfirmsANoticeBeforeItGoesOutAndItIsPublishedOnce() throws Exception {
        Browser cadre = as("cadre");
        String title = "停电通知" + System.nanoTime() % 100000;
        Map<String, String> notice = Map.of("to", "VILLAGE:" + DemoPortal.VILLAGE, "title", title, "body",
                "周三9时至17时线路检修停电。");
        HttpResponse<String> confirm = post(cadre, "/staff/notices", "/staff/notices/preview", notice);
        assertEquals(200, confirm.statusCode(), confirm.body());
        assertThat(confirm.body(), containsString("请确认发布"));
        assertThat(confirm.body(), containsString("七一村"));
        assertThat(confirm.body(), containsString("name=\"title\" value=\"" + title + "\""));
        assertEquals(0, countNotices(title), "nothing is published before the confirmation");

        HttpResponse<String> edit = post(cadre, "/staff/notices", "/staff/notices", with(notice, "edit", "1"));
        assertThat(edit.body(), containsString("value=\"" + title + "\""));
        assertEquals(0, countNotices(title), "going back to change it publishes nothing");

        HttpResponse<String> done = post(cadre, "/staff/notices", "/staff/notices", notice);
        assertEquals(200, done.statusCode());
        assertThat(done.request().uri().toString(), containsString("/staff/notices?done="));
        assertThat(done.body(), containsString("已发布"));
        assertEquals(1, countNotices(title));
        // a reload of the page it landed on publishes nothing again (post/redirect/get)
        cadre.go(HttpRequest.newBuilder(done.request().uri()));
        assertEquals(1, countNotices(title));
    }

    private static Map<String, String> with(Map<String, String> m, String k, String v) {
        Map<String, String> out = new LinkedHashMap<>(m);
        out.put(k, v);
        return out;
    }

    private static long countNotices(String title) {
        return given().queryParam("village", DemoPortal.VILLAGE).get("/api/t/yiwu/notices").then().statusCode(200)
                .extract().jsonPath().getList("findAll { it.title == '" + title + "' }").size();
    }

    @Test
    void aFormWithMistakesComesBackFilledInAndAnotherPlaceIsRefused() throws Exception {
        Browser cadre = as("cadre");
        HttpResponse<String> again = post(cadre, "/staff/notices", "/staff/notices/preview", Map.of("to",
                "VILLAGE:" + DemoPortal.VILLAGE, "title", "", "body", "正文留着"));
        assertEquals(422, again.statusCode());
        assertThat(again.body(), containsString("正文留着"));
        assertThat(again.body(), containsString("请检查这一项"));
        assertThat(again.body(), not(containsString("must be")));
        HttpResponse<String> nowhere = post(cadre, "/staff/notices", "/staff/notices/preview", Map.of("to",
                "VILLAGE:999999999999", "title", "无处", "body", "x"));
        assertEquals(422, nowhere.statusCode(), "no such village: the choice of where to is marked");
        assertTrue(Pattern.compile("(?s)id=\"f-to\".*?请检查这一项.*?id=\"f-title\"").matcher(nowhere.body()).find());
        // the whole county, or a village the cadre does not serve: refused, as by the API
        assertEquals(403, post(cadre, "/staff/notices", "/staff/notices", Map.of("to", "COUNTY", "title", "全县",
                "body", "x")).statusCode());
        assertEquals(403, post(cadre, "/staff/notices", "/staff/notices", Map.of("to", "VILLAGE:330782106201",
                "title", "别村", "body", "x")).statusCode());
        assertEquals(403, get(cadre, "/staff/policies").statusCode(), "no form for whoever may not write it");
        Browser villager = as(DemoPortal.VILLAGER);
        assertEquals(403, get(villager, "/staff/notices").statusCode());
        assertEquals(403, post(villager, "/appeals/new", "/staff/posts", Map.of("village", DemoPortal.VILLAGE,
                "kind", "RULE", "title", "村规", "body", "x")).statusCode());
    }

    @Test
    void aPowerItemWithItsStepsAPostAndAPolicyWithItsQuestionsArePublishedThroughTheirServices() throws Exception {
        Browser cadre = as("cadre");
        String power = "村级工程项目" + System.nanoTime() % 100000;
        HttpResponse<String> p = post(cadre, "/staff/power-items", "/staff/power-items", Map.of("village",
                DemoPortal.VILLAGE, "category", "工程建设", "title", power, "legalBasis", "村级工程管理办法",
                "responsibleRole", "村委会", "steps", "提出项目\n村民代表会议决议\n\n公开招标\n验收公开"));
        assertEquals(200, p.statusCode(), p.body());
        Matcher done = Pattern.compile("href=\"(/t/yiwu/power/\\d+\\?v=\\d+)\"").matcher(p.body());
        assertTrue(done.find(), p.body());
        String page = given().get(done.group(1)).asString();
        assertThat(page, containsString(power));
        assertThat(page, containsString("村民代表会议决议"));
        assertEquals(4, page.split("<span class=\"n\">").length - 1, "four steps, the empty line dropped");

        String rule = "禁止焚烧秸秆" + System.nanoTime() % 100000;
        assertEquals(200, post(cadre, "/staff/posts", "/staff/posts", Map.of("village", DemoPortal.VILLAGE, "kind",
                "RULE", "title", rule, "body", "秸秆还田或统一收集。")).statusCode());
        assertThat(given().get(T + "/v/" + DemoPortal.VILLAGE + "/c/rules").asString(), containsString(rule));

        Browser dept = as("dept");
        String policy = "残疾人两项补贴" + System.nanoTime() % 100000;
        HttpResponse<String> x = post(dept, "/staff/policies", "/staff/policies", Map.of("title", policy,
                "category", "社会救助", "department", "民政局", "body", "困难残疾人生活补贴和重度残疾人护理补贴。",
                "qa", "在哪里申请？｜户籍所在村（社区）。\n多久发一次？ | 按月发放。"));
        assertEquals(200, x.statusCode(), x.body());
        Matcher id = Pattern.compile("href=\"/t/yiwu/policies/(\\d+)\"").matcher(x.body());
        assertTrue(id.find());
        List<String> answers = given().get("/api/t/yiwu/policies/" + id.group(1)).then().statusCode(200).extract()
                .jsonPath().getList("qa.answer");
        assertEquals(List.of("户籍所在村（社区）。", "按月发放。"), answers);
        assertEquals(403, post(cadre, "/staff/notices", "/staff/policies", Map.of("title", "x", "category", "x",
                "body", "x")).statusCode(), "the policy library is the departments'");
    }

    @Test
    void aDisclosureGetsItsLinesAndAFileIsConfirmedByTheTownAndIsCorrectedAsANewVersion() throws Exception {
        Browser cadre = as("cadre");
        String title = "2024年10月村级收支" + System.nanoTime() % 100000;
        HttpResponse<String> drafted = post(cadre, "/staff/disclosures", "/staff/disclosures", Map.of("village",
                DemoPortal.VILLAGE, "category", "FINANCE", "title", title, "period", "2024年10月", "body", "十月收支。",
                "visibility", "PUBLIC", "lines", "集体资产租金 | 收入 | 36,500.00\n保洁费｜支出｜1200\n路灯电费，支出，￥86.5"));
        assertEquals(200, drafted.statusCode(), drafted.body());
        String id = idOf(drafted.body(), title);
        HttpResponse<String> bad = post(cadre, "/staff/disclosures", "/staff/disclosures/" + id + "/edit", Map.of(
                "category", "FINANCE", "title", title, "body", "十月收支。", "visibility", "PUBLIC", "lines",
                "租金 | 收入 | 很多"));
        assertEquals(400, bad.statusCode());
        assertThat(bad.body(), containsString("收支明细 第 1 行 金额"));

        String boundary = "mj" + System.nanoTime();
        String token = Browser.token(get(cadre, "/staff/disclosures").body());
        String body = "--" + boundary + "\r\nContent-Disposition: form-data; name=\"_csrf\"\r\n\r\n" + token + "\r\n--"
                + boundary + "\r\nContent-Disposition: form-data; name=\"file\"; filename=\"invoice.pdf\"\r\n"
                + "Content-Type: application/pdf\r\n\r\n%PDF-1.4\n1 0 obj<<>>endobj\n%%EOF\r\n--" + boundary + "--\r\n";
        HttpResponse<String> attached = cadre.go(HttpRequest.newBuilder(URI.create(base() + T + "/staff/disclosures/"
                + id + "/attachments")).header("Origin", base()).header("Content-Type", "multipart/form-data; boundary="
                + boundary).POST(HttpRequest.BodyPublishers.ofString(body)));
        assertEquals(200, attached.statusCode(), attached.body());
        post(cadre, "/staff/disclosures", "/staff/disclosures/" + id + "/submit", Map.of());

        Browser town = as("town");
        String confirm = get(town, "/staff/disclosures/" + id + "/confirm").body();
        assertThat(confirm, containsString("请确认发布"));
        assertThat(confirm, containsString("¥36,500.00"));
        assertThat(confirm, containsString("invoice.pdf"));
        assertEquals(403, get(cadre, "/staff/disclosures/" + id + "/confirm").statusCode(), "the town publishes");
        post(town, "/staff/disclosures/" + id + "/confirm", "/staff/disclosures/" + id + "/publish", Map.of());
        var published = given().get("/api/t/yiwu/disclosures/" + id).then().statusCode(200).extract().jsonPath();
        assertEquals("PUBLISHED", published.getString("status"));
        assertEquals(3, published.getList("lines").size());
        assertEquals(1, published.getList("attachments").size());

        String corrected = get(cadre, "/staff/disclosures/" + id + "/correct").body();
        assertThat(corrected, containsString("集体资产租金 | 收入 | 36500.00"));
        HttpResponse<String> c = post(cadre, "/staff/disclosures/" + id + "/correct", "/staff/disclosures/" + id
                + "/correct", Map.of("reason", "保洁费录入有误", "category", "FINANCE", "title", title, "period",
                "2024年10月", "body", "十月收支。", "visibility", "PUBLIC", "lines", "集体资产租金 | 收入 | 36500\n保洁费 | 支出 | 1000"));
        assertEquals(200, c.statusCode(), c.body());
        assertThat(c.body(), containsString("保洁费录入有误"));
    }

    /** The page's own words: its main part without markup, the places offered and what was published (data). */
    private static String words(String html) {
        int from = html.indexOf("<main");
        return html.substring(from, html.indexOf("</main>", from)).replaceAll("(?s)<option[^>]*>.*?</option>", " ")
                .replaceAll("(?s)<ul class=\"items\">.*?</ul>", " ").replaceAll("(?s)<[^>]*>", " ")
                .replaceAll("&[a-z#0-9]+;", " ");
    }

    @Test
    void eachStaffFormSpeaksOneLanguage() throws Exception {
        Browser cadre = as("cadre");
        List<String> pages = List.of("/staff/notices", "/staff/power-items", "/staff/posts");
        get(cadre, "/lang/en?back=/t/yiwu/staff");
        for (String page : pages) {
            String english = words(get(cadre, page).body());
            assertTrue(!english.matches("(?s).*[\\u3400-\\u9fff].*"), page + " in English: " + english);
        }
        get(cadre, "/lang/zh?back=/t/yiwu/staff");
        for (String page : pages) {
            String chinese = words(get(cadre, page).body());
            assertTrue(!chinese.matches("(?s).*\\b[A-Za-z]{3,}\\b.*"), page + " in Chinese: " + chinese);
        }
    }

    private static String idOf(String workPage, String title) {
        Matcher m = Pattern.compile("href=\"/t/yiwu/d/(\\d+)\">" + Pattern.quote(title)).matcher(workPage);
        assertTrue(m.find(), workPage);
        return m.group(1);
    }

    @Test
    void theStaffHomeLeadsToEachPageTheCallerMayUseTheAppraisalAndTheQrCards() throws Exception {
        Browser cadre = as("cadre");
        String home = get(cadre, "/staff").body();
        for (String entry : new String[] { "发布通知", "编写权力清单", "发布制度公约与荣誉", "打印二维码户卡", "审核与起草" }) {
            assertThat(entry, home, containsString(entry));
        }
        assertThat(home, not(containsString("发布政策")));
        HttpResponse<String> qr = get(cadre, "/staff/qr");
        assertThat(qr.request().uri().toString(), containsString("/v/" + DemoPortal.VILLAGE + "/qr-sheet"));
        assertThat(qr.body(), containsString("<svg"));
        assertEquals(403, get(cadre, "/staff/appraisal").statusCode());

        Browser town = as("town");
        String appraisal = get(town, "/staff/appraisal").body();
        assertThat(appraisal, containsString("红黄绿评议"));
        assertThat(appraisal, containsString("七一村 · 村级"));
        assertThat(appraisal, not(containsString(">VILLAGE<")));
        assertThat(get(as("dept"), "/staff").body(), containsString("发布政策"));
    }
}
