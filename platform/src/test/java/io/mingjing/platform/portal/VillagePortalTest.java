package io.mingjing.platform.portal;

import static io.restassured.RestAssured.given;
import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.lessThan;
import static org.hamcrest.Matchers.not;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.mingjing.platform.testing.DevStack;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The village portal of a demo county, as an anonymous visitor and a phone see it. */
@QuarkusTest
@QuarkusTestResource(DevStack.class)
class VillagePortalTest {

    static final String V = "/t/yiwu/v/" + DemoPortal.VILLAGE;

    @BeforeEach
    void demo() {
        DemoPortal.await();
    }

    @Test
    void theVillagePageHasItsColumnsAndHidesResidentOnlyContent() {
        String html = given().get(V).then().statusCode(200).contentType("text/html")
                .header("Set-Cookie", containsString("mj_village=" + DemoPortal.VILLAGE)).extract().asString();
        for (String column : new String[] { "党务公开", "村务公开", "财务公开", "村社通知", "制度公约", "荣誉榜", "小微权力清单",
                "惠民政策", "住户专栏", "我的资金" }) {
            assertThat(column, html, containsString(column));
        }
        assertThat(html, containsString("2024年第三季度村级财务收支"));
        assertThat(html, containsString("本周六召开村民代表会议"));
        assertThat(html, containsString("城乡居民医保开始缴费"));
        assertThat(html, not(containsString("收益分配方案")));
        assertThat(html, containsString("请登录后查看"));
        assertThat(html, containsString("data-read=\"main\""));
        assertThat(html, containsString("lang=\"zh-CN\""));
        assertThat(html, containsString("#6a1b7a"));
        // searching does not find resident-only titles either
        given().queryParam("q", "收益分配").get(V + "/search").then().statusCode(200)
                .body(not(containsString("收益分配方案（住户专栏）</a>")));
        given().get(V + "/c/finance").then().statusCode(200).body(not(containsString("收益分配方案")));
        given().get(V + "/funds").then().statusCode(200).body(containsString("请登录后查看"))
                .body(not(containsString("张建国")));
    }

    @Test
    void theHomePageRemembersTheVillage() {
        given().cookie("mj_village", DemoPortal.VILLAGE).get("/t/yiwu/").then().statusCode(200)
                .body(containsString("继续查看 七一村")).body(containsString(V));
    }

    @Test
    void aVillageHomeIsUnderOneHundredKilobytesWithItsCssAndScript() {
        int html = given().get(V).then().extract().asByteArray().length;
        int css = given().get("/static/portal.css").then().statusCode(200).extract().asByteArray().length;
        int js = given().get("/static/portal.js").then().statusCode(200).extract().asByteArray().length;
        System.out.println("FIGURE village home bytes: html=" + html + " css=" + css + " js=" + js);
        assertThat(html + css + js, lessThan(100 * 1024));
        String page = given().get(V).then().extract().asString();
        assertThat(page, not(containsString("https://")));
        assertThat(page, not(containsString("@font-face")));
    }

    @Test
    void englishIsOneSwitchAway() {
        String location = given().redirects().follow(false).queryParam("back", V).get("/t/yiwu/lang/en").then()
                .statusCode(303).header("Set-Cookie", containsString("mj_lang=en")).extract().header("Location");
        assertThat(location, containsString(V));
        given().cookie("mj_lang", "en").get(V).then().body(containsString("Finances"))
                .body(containsString("lang=\"en\"")).body(containsString("Read this page aloud"));
        given().redirects().follow(false).queryParam("back", "https://evil.example/").get("/t/yiwu/lang/en").then()
                .statusCode(303).header("Location", not(containsString("evil")));
    }

    @Test
    void aDisclosureShowsItsLinesAndItsReceipt() {
        String html = given().get(V).then().extract().asString();
        Matcher m = Pattern.compile("href=\"(/t/yiwu/d/\\d+)\">2024年第三季度村级财务收支").matcher(html);
        m.find();
        String page = given().get(m.group(1)).then().statusCode(200).extract().asString();
        assertThat(page, containsString("¥120,000.00"));
        assertThat(page, containsString("收入合计"));
        Matcher hash = Pattern.compile("<code class=\"hash\">([0-9a-f]{64})</code>").matcher(page);
        assertEquals(true, hash.find());
        String id = m.group(1).substring(m.group(1).lastIndexOf('/') + 1);
        given().get("/api/t/yiwu/disclosures/" + id + "/receipt").then().statusCode(200)
                .body("hash", org.hamcrest.Matchers.equalTo(hash.group(1)));
        assertThat(page, containsString(m.group(1) + "/receipt"));
        given().get(m.group(1) + "/receipt").then().statusCode(200).body(containsString("/api/t/yiwu/audit/verify"));
    }

    @Test
    void policiesPowerListNoticesAndQrCodes() {
        given().queryParam("q", "高龄").get("/t/yiwu/policies").then().statusCode(200)
                .body(containsString("高龄老人生活津贴")).body(not(containsString("耕地地力保护补贴</a>")));
        String village = given().get(V + "/c/power").then().statusCode(200).extract().asString();
        Matcher m = Pattern.compile("href=\"(/t/yiwu/power/\\d+\\?v=\\d+)\">村级资金支付").matcher(village);
        m.find();
        given().get(m.group(1).replace("&amp;", "&")).then().statusCode(200).body(containsString("class=\"flow\""))
                .body(containsString("村监会审核")).body(containsString("农村集体经济组织财务制度"));
        given().get(V + "/c/rules").then().statusCode(200).body(containsString("红白喜事从简"));
        given().get(V + "/qr.svg").then().statusCode(200).contentType("image/svg+xml").body(containsString("<path"));
        given().redirects().follow(false).get("/t/yiwu/h/006201-001").then().statusCode(303)
                .header("Location", containsString(V));
        given().get("/t/yiwu/h/nope").then().statusCode(404);
        given().get("/t/yiwu/v/999999999999").then().statusCode(404);
        given().redirects().follow(false).get(V + "/qr-sheet").then().statusCode(302);
        RestAssured.reset();
    }
}
