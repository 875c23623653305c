package io.mingjing.platform.portal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebDriver;

/**
 * What the read-aloud button speaks (portal.js, mjSpeech), run in the real Chromium a phone has: an amount is
 * one number, a date is words, a hash or ID number is its last four characters, pieces end at sentences only.
 */
class ReadAloudTest {

    static final Path SCRIPT = Path.of("src/main/resources/META-INF/resources/static/portal.js");
    static WebDriver browser;
    static String script;

    @BeforeAll
    static void open() throws Exception {
        assumeTrue(Files.isExecutable(PortalBrowserTest.CHROMIUM) && Files.isExecutable(PortalBrowserTest.DRIVER),
                "needs chromium and chromium-driver");
        script = Files.readString(SCRIPT);
        browser = PortalBrowserTest.chromium(360, 780);
        browser.get("about:blank");
    }

    @AfterAll
    static void close() {
        if (browser != null) {
            browser.quit();
        }
    }

    private static List<?> parts(String text, String lang) {
        return (List<?>) ((JavascriptExecutor) browser).executeScript(script
                + ";return mjSpeech.parts(arguments[0], arguments[1]);", text, lang);
    }

    private static List<?> visible(String html) {
        return (List<?>) ((JavascriptExecutor) browser).executeScript(script
                + ";var d=document.createElement('div');d.innerHTML=arguments[0];document.body.appendChild(d);"
                + "var r=mjSpeech.parts(mjSpeech.visibleText(d),'zh');d.remove();return r;", html);
    }

    @Test
    void anAmountIsSpokenAsOneNumberWhateverItsSeparators() {
        assertEquals(List.of("收入合计120000元"), parts("收入合计¥120,000.00", "zh"));
        assertEquals(List.of("补贴1234.5元，已发放。"), parts("补贴￥1,234.50，已发放。", "zh"));
        assertEquals(List.of("Total 120000 yuan."), parts("Total ¥120,000.00.", "en"));
        assertEquals(List.of("共1250000.75户次"), parts("共1,250,000.75户次", "zh"));
        assertEquals(List.of("面积3.5亩"), parts("面积3.5亩", "zh"));
    }

    @Test
    void aSentenceEndsAtItsStopNotInsideANumber() {
        assertEquals(List.of("First 3.25 acres.", "Then 4."), parts("First 3.25 acres. Then 4.", "en"));
        assertEquals(List.of("第一句。", "第二句！", "第三句"), parts("第一句。第二句！第三句", "zh"));
    }

    @Test
    void hashesAndIdNumbersAreSpokenByTheirLastFourOnly() {
        String hash = "9f86d081884c7d659a2feaa0c55ad015a3bf4f1b2b0b822cd15d6c15b0f00a08";
        assertEquals(List.of("存证（编号尾号 0 a 0 8）"), parts("存证" + hash, "zh"));
        assertEquals(List.of("身份证（编号尾号 1 2 3 X）"), parts("身份证33078219900101123X", "zh"));
        assertEquals(List.of("身份证（编号尾号 1 2 3 4）"), parts("身份证3307**********1234", "zh"));
        assertEquals(List.of("ID (number ending 1 2 3 4)"), parts("ID 330782********1234", "en"));
        assertEquals(List.of("responsibilities stay words"), parts("responsibilities stay words", "en"));
    }

    @Test
    void aDateIsSpokenAsWordsInChinese() {
        assertEquals(List.of("发布于2024年9月30日"), parts("发布于 2024-09-30".replace(" ", ""), "zh"));
    }

    @Test
    void whatNobodyShouldHearIsLeftOut() {
        assertEquals(List.of("标题", "金额，120000元，"), visible("<h2>标题</h2><button class='read'>▶ 朗读</button>"
                + "<table><tr><td>金额</td><td>¥120,000.00</td></tr></table><p><code class='hash'>abc123</code></p>"
                + "<p data-noread>不读</p>"));
    }
}
