package io.mingjing.platform.portal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.mingjing.platform.testing.DevStack;
import io.mingjing.platform.testing.Tokens;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * A real headless Chromium (Debian's chromium and chromedriver): open a demo county, pick a village,
 * open a disclosure, log in as a villager, see their funds, find the read-aloud button, file a case,
 * follow it from the inbox and rate the reply.
 */
@QuarkusTest
@QuarkusTestResource(DevStack.class)
class PortalBrowserTest {

    static final Path CHROMIUM = Path.of("/usr/bin/chromium");
    static final Path DRIVER = Path.of("/usr/bin/chromedriver");

    /** Pages a villager opens without logging in; each must fit 360 px with 44 px tap targets. */
    static final List<String> PUBLIC_PAGES = List.of("/t/yiwu/", "/t/yiwu/v/" + DemoPortal.VILLAGE,
            "/t/yiwu/v/" + DemoPortal.VILLAGE + "/c/finance", "/t/yiwu/v/" + DemoPortal.VILLAGE + "/c/inquiries",
            "/t/yiwu/activate", "/t/yiwu/appeals/new", "/t/yiwu/appeals/track", "/t/yiwu/policies",
            "/t/yiwu/v/" + DemoPortal.VILLAGE + "/c/approvals", "/t/yiwu/figures", "/t/yiwu/services",
            "/t/yiwu/services/gaoling", "/t/yiwu/services/gaoling/notice", "/t/yiwu/v/" + DemoPortal.VILLAGE + "/c/services");
    /** A villager's own pages, after logging in. */
    static final List<String> VILLAGER_PAGES = List.of("/t/yiwu/funds", "/t/yiwu/appeals", "/t/yiwu/inbox",
            "/t/yiwu/v/" + DemoPortal.VILLAGE + "/funds", "/t/yiwu/services/mine", "/t/yiwu/services/yibao/apply",
            "/t/yiwu/v/" + DemoPortal.VILLAGE + "/c/services-residents", "/t/yiwu/consultations", "/t/yiwu/village-log");
    /** The village agent's and a department reviewer's service pages (each also opens an application of theirs). */
    static final List<String> AGENT_PAGES = List.of("/t/yiwu/staff/services", "/t/yiwu/services/gaoling/apply");
    static final List<String> REVIEWER_PAGES = List.of("/t/yiwu/staff/services");
    /** A village cadre's pages. */
    static final List<String> STAFF_PAGES = List.of("/t/yiwu/staff", "/t/yiwu/appeals", "/t/yiwu/appeals/new",
            "/t/yiwu/staff/approvals", "/t/yiwu/staff/approvals/new", "/t/yiwu/staff/approvals/queue",
            "/t/yiwu/staff/approvals/seals", "/t/yiwu/staff/approvals/new?kind=LABOUR",
            "/t/yiwu/staff/approvals/new?kind=SEAL", "/t/yiwu/staff/cockpit", "/t/yiwu/appeals?sla=RED",
            "/t/yiwu/staff/warnings", "/t/yiwu/staff/warnings/queue", "/t/yiwu/staff/services", "/t/yiwu/staff/tasks",
            "/t/yiwu/village-log?q=%E4%BF%AE%E8%B7%AF", "/t/yiwu/consultations", "/t/yiwu/staff/disclosures",
            "/t/yiwu/staff/notices", "/t/yiwu/staff/power-items", "/t/yiwu/staff/posts", "/t/yiwu/staff/qr",
            "/t/yiwu/staff/push", "/t/yiwu/staff/inspections");
    static final List<String> INSPECTOR_PAGES = List.of("/t/yiwu/staff/warnings", "/t/yiwu/staff/warnings/queue",
            "/t/yiwu/staff/warnings/rules", "/t/yiwu/staff/inspections");
    /** A department's pages (the policy library, the appraisal) and a town official's review. */
    static final List<String> DEPARTMENT_PAGES = List.of("/t/yiwu/staff", "/t/yiwu/staff/policies",
            "/t/yiwu/staff/appraisal", "/t/yiwu/staff/notices", "/t/yiwu/staff/power-items", "/t/yiwu/staff/push");

    /** A demo round's page and one of its villages' sample pages, as the inspector finds them. */
    private static List<String> inspectionPages(WebDriver browser, String base) {
        browser.get(base + "/t/yiwu/staff/inspections");
        String round = browser.findElements(By.cssSelector("a[href*='/staff/inspections/']")).stream()
                .map(a -> a.getAttribute("href")).filter(h -> h.matches(".*/staff/inspections/\\d+$")).findFirst()
                .orElseThrow(() -> new AssertionError("the demo inspector sees no inspection round"));
        browser.get(round);
        String village = browser.findElements(By.cssSelector("a[href*='/villages/']")).stream()
                .map(a -> a.getAttribute("href")).filter(h -> h.matches(".*/staff/inspections/\\d+/villages/\\d{12}$"))
                .findFirst().orElseThrow(() -> new AssertionError("round " + round + " shows no village"));
        return List.of(round, village);
    }

    /** Small targets a finger misses, and anything wider than the phone, as "page: element (w×h)". */
    static final String MISFITS = """
            const out = [];
            if (document.documentElement.scrollWidth > window.innerWidth) {
              out.push('scrolls sideways: ' + document.documentElement.scrollWidth + 'px');
            }
            for (const e of document.querySelectorAll('a, button, input:not([type=hidden]), select, textarea, summary')) {
              const r = e.getBoundingClientRect();
              if (!e.checkVisibility() || r.right <= 0 || r.bottom <= 0) continue;
              const prose = e.closest('p');
              if (prose && prose.innerText.trim() !== e.innerText.trim()) continue; // a link inside a sentence
              if (r.height < 44 || r.width < 44) out.push(e.tagName + ' ' + (e.innerText || e.name || '').trim()
                  .slice(0, 20) + ' (' + Math.round(r.width) + 'x' + Math.round(r.height) + ')');
            }
            return out;""";

    /** What the page weighs on a first visit, as sent (compressed): the document and everything it loaded. */
    static final String WEIGHT = """
            const n = performance.getEntriesByType('navigation')[0];
            let total = n ? n.encodedBodySize : 0;
            for (const r of performance.getEntriesByType('resource')) total += r.encodedBodySize;
            return total;""";
    static final int FIRST_LOAD_BUDGET = 100 * 1024;
    static long heaviest;
    static String heaviestPage;

    @Test
    void everyPageFitsA360PxPhone() throws Exception {
        assumeTrue(Files.isExecutable(CHROMIUM) && Files.isExecutable(DRIVER), "needs chromium and chromium-driver");
        DemoPortal.await();
        WebDriver browser = chromium(360, 780);
        try {
            String base = "http://127.0.0.1:" + RestAssured.port;
            browser.get(base + "/t/yiwu/lang/zh?back=/t/yiwu/");
            List<String> misfits = new ArrayList<>(misfits(browser, base, PUBLIC_PAGES));
            logIn(browser, base, DemoPortal.VILLAGER, DemoPortal.VILLAGER_PASSWORD);
            misfits.addAll(misfits(browser, base, VILLAGER_PAGES));
            browser.get(base + "/t/yiwu/logout");
            logIn(browser, base, "cadre", "demo123");
            misfits.addAll(misfits(browser, base, STAFF_PAGES));
            browser.get(base + "/t/yiwu/staff/approvals");
            String one = browser.findElements(By.cssSelector("a[href*='/staff/approvals/']")).stream()
                    .map(a -> a.getAttribute("href")).filter(h -> h.matches(".*/staff/approvals/\\d+$")).findFirst()
                    .orElseThrow(() -> new AssertionError("the demo cadre sees no approval"));
            misfits.addAll(misfits(browser, "", List.of(one)));
            misfits.addAll(filledForms(browser, base));
            browser.get(base + "/t/yiwu/logout");
            logIn(browser, base, "inspector", "demo123");
            misfits.addAll(misfits(browser, base, INSPECTOR_PAGES));
            browser.get(base + "/t/yiwu/staff/warnings");
            String warning = browser.findElements(By.cssSelector("a[href*='/staff/warnings/']")).stream()
                    .map(a -> a.getAttribute("href")).filter(h -> h.matches(".*/staff/warnings/\\d+$")).findFirst()
                    .orElseThrow(() -> new AssertionError("the demo inspector sees no warning"));
            misfits.addAll(misfits(browser, "", List.of(warning)));
            misfits.addAll(misfits(browser, "", inspectionPages(browser, base)));
            for (String[] who : new String[][] {{"agent", "AGENT"}, {"dept", "REVIEWER"}}) {
                browser.get(base + "/t/yiwu/logout");
                logIn(browser, base, who[0], "demo123");
                misfits.addAll(misfits(browser, base, who[1].equals("AGENT") ? AGENT_PAGES : REVIEWER_PAGES));
                browser.get(base + "/t/yiwu/staff/services");
                String application = browser.findElements(By.cssSelector("a[href*='/services/applications/']")).stream()
                        .map(a -> a.getAttribute("href")).findFirst()
                        .orElseThrow(() -> new AssertionError("the demo " + who[0] + " sees no service application"));
                misfits.addAll(misfits(browser, "", List.of(application)));
            }
            browser.get(base + "/t/yiwu/logout");
            logIn(browser, base, "dept", "demo123");
            misfits.addAll(misfits(browser, base, DEPARTMENT_PAGES));
            System.out.println("FIGURE heaviest portal page, first load as sent: " + heaviest + " bytes (" + heaviestPage
                    + ")");
            assertEquals(List.of(), misfits);
        } finally {
            browser.quit();
        }
    }

    /**
     * The pages a form leads to: a notice's confirmation and, once published, the notice; a case filed
     * through the form, its receipt (post/redirect/get) and a disclosure's receipt page.
     */
    private static List<String> filledForms(WebDriver browser, String base) {
        WebDriverWait wait = new WebDriverWait(browser, Duration.ofSeconds(30));
        browser.get(base + "/t/yiwu/staff/notices");
        browser.findElement(By.id("f-title")).sendKeys("本周日停水通知");
        browser.findElement(By.id("f-body")).sendKeys("因管道检修，本周日8时至12时停水，请提前储水。");
        browser.findElement(By.cssSelector("form button[type=submit]")).click();
        wait.until(ExpectedConditions.presenceOfElementLocated(By.id("preview")));
        List<String> misfits = new ArrayList<>(here(browser, "notice confirmation"));
        assertTrue(browser.getPageSource().contains("本周日停水通知"), "the confirmation shows what goes out");
        browser.findElement(By.cssSelector("form button:not([name])")).click();
        wait.until(ExpectedConditions.presenceOfElementLocated(By.cssSelector("p.done a")));
        browser.findElement(By.cssSelector("p.done a")).click();
        wait.until(ExpectedConditions.urlContains("/notices/"));
        assertTrue(browser.getPageSource().contains("因管道检修"));
        misfits.addAll(here(browser, "published notice"));
        browser.get(base + "/t/yiwu/v/" + DemoPortal.VILLAGE);
        String disclosure = browser.findElement(By.partialLinkText("2024年第三季度村级财务收支")).getAttribute("href");
        misfits.addAll(misfits(browser, "", List.of(disclosure, disclosure + "/receipt")));
        String no = fileACase(browser, wait, base);
        misfits.addAll(misfits(browser, base, List.of("/t/yiwu/appeals/receipt?no=" + no, "/t/yiwu/appeals/" + no)));
        return misfits;
    }

    /** The misfits of the page the browser is on (a page a POST answered cannot be opened again by GET). */
    private static List<String> here(WebDriver browser, String label) {
        List<String> misfits = new ArrayList<>(weighs(browser, label));
        for (Object m : (List<?>) ((JavascriptExecutor) browser).executeScript(MISFITS)) {
            misfits.add(label + ": " + m);
        }
        return misfits;
    }

    private static List<String> misfits(WebDriver browser, String base, List<String> pages) {
        List<String> misfits = new ArrayList<>();
        for (String page : pages) {
            browser.get(base + page);
            misfits.addAll(weighs(browser, page));
            for (Object m : (List<?>) ((JavascriptExecutor) browser).executeScript(MISFITS)) {
                misfits.add(page + ": " + m);
            }
        }
        return misfits;
    }

    private static List<String> weighs(WebDriver browser, String page) {
        long bytes = ((Number) ((JavascriptExecutor) browser).executeScript(WEIGHT)).longValue();
        if (bytes > heaviest) {
            heaviest = bytes;
            heaviestPage = page;
        }
        return bytes > FIRST_LOAD_BUDGET ? List.of(page + ": weighs " + bytes / 1024 + " KB on a first visit") : List.of();
    }

    private static void logIn(WebDriver browser, String base, String username, String password) {
        browser.get(base + "/t/yiwu/login");
        WebDriverWait wait = new WebDriverWait(browser, Duration.ofSeconds(30));
        wait.until(ExpectedConditions.presenceOfElementLocated(By.id("username")));
        browser.findElement(By.id("username")).sendKeys(username);
        browser.findElement(By.id("password")).sendKeys(password);
        browser.findElement(By.id("kc-login")).click();
        wait.until(ExpectedConditions.urlContains("/t/yiwu/"));
    }

    static WebDriver chromium(int width, int height) {
        ChromeOptions options = new ChromeOptions().setBinary(CHROMIUM.toFile()).addArguments("--headless=new",
                "--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update",
                "--disable-sync", "--no-first-run", "--disable-dev-shm-usage", "--window-size=" + width + "," + height,
                "--lang=zh-CN");
        ChromeDriverService service = new ChromeDriverService.Builder().usingDriverExecutable(DRIVER.toFile())
                .usingAnyFreePort().build();
        return new ChromeDriver(service, options);
    }

    @Test
    void aVillagerFindsTheirVillageTheirFundsAndFollowsACaseToItsRating() throws Exception {
        assumeTrue(Files.isExecutable(CHROMIUM) && Files.isExecutable(DRIVER),
                "needs chromium and chromium-driver (apt-get install -y chromium chromium-driver)");
        DemoPortal.await();
        WebDriver browser = chromium(412, 915);
        try {
            WebDriverWait wait = new WebDriverWait(browser, Duration.ofSeconds(30));
            String base = "http://127.0.0.1:" + RestAssured.port;
            // Chinese, whatever language headless Chromium asks for (the switch sets a cookie)
            browser.get(base + "/t/yiwu/lang/zh?back=/t/yiwu/");
            // pick the town, then the village
            browser.findElement(By.xpath("//summary[normalize-space()='城西街道']")).click();
            browser.findElement(By.linkText("七一村")).click();
            wait.until(ExpectedConditions.urlContains("/v/" + DemoPortal.VILLAGE));
            assertTrue(browser.getPageSource().contains("财务公开"));
            assertTrue(browser.getPageSource().contains("请登录后查看"));

            browser.findElement(By.partialLinkText("2024年第三季度村级财务收支")).click();
            wait.until(ExpectedConditions.presenceOfElementLocated(By.cssSelector("code.hash")));
            assertTrue(browser.findElement(By.cssSelector("code.hash")).getText().matches("[0-9a-f]{64}"));
            WebElement read = browser.findElement(By.cssSelector("button.read[data-read='disclosure']"));
            assertTrue(read.isDisplayed(), "the read-aloud button shows where speech synthesis exists");

            browser.findElement(By.linkText("登录")).click();
            wait.until(ExpectedConditions.presenceOfElementLocated(By.id("username")));
            browser.findElement(By.id("username")).sendKeys(DemoPortal.VILLAGER);
            browser.findElement(By.id("password")).sendKeys(DemoPortal.VILLAGER_PASSWORD);
            browser.findElement(By.id("kc-login")).click();
            wait.until(ExpectedConditions.urlContains("/t/yiwu/"));

            browser.get(base + "/t/yiwu/funds");
            wait.until(ExpectedConditions.presenceOfElementLocated(By.id("funds-summary")));
            String funds = browser.getPageSource();
            assertTrue(funds.contains("张建国"), "the villager's own name");
            assertTrue(funds.contains("耕地地力保护补贴"), "a programme of theirs");
            assertTrue(funds.contains("/appeals/new?payment="), "the 'I have a question' link");
            assertTrue(browser.findElement(By.cssSelector("button.read")).isDisplayed());

            browser.get(base + "/t/yiwu/v/" + DemoPortal.VILLAGE);
            assertTrue(browser.getPageSource().contains("收益分配方案"), "resident-only column after login");

            String no = fileACase(browser, wait, base);
            String cadre = Tokens.password("mingjing-yiwu", "cadre", "demo123"); // its demo password: other tests log in with it
            for (String to : new String[] {"ACCEPTED", "REPLIED"}) {
                RestAssured.given().auth().oauth2(cadre).contentType("application/json")
                        .body("{\"to\":\"" + to + "\",\"note\":\"已安排电工修好\"}")
                        .post("/api/t/yiwu/appeals/" + no + "/steps").then().statusCode(200);
            }
            browser.get(base + "/t/yiwu/inbox");
            browser.findElement(By.partialLinkText(no)).click();
            wait.until(ExpectedConditions.presenceOfElementLocated(By.id("h-rate")));
            assertTrue(browser.getPageSource().contains("已安排电工修好"), "the reply on the case page");
            browser.findElement(By.cssSelector("form[action$='/rating'] button")).click();
            wait.until(ExpectedConditions.presenceOfElementLocated(By.id("h-timeline")));
            assertTrue(browser.getPageSource().contains("已办结"), "closed after a satisfied rating");
            assertTrue(browser.findElements(By.id("h-rate")).isEmpty(), "rated once only");
            Path shot = Path.of("target", "portal-browser.png");
            Files.createDirectories(shot.getParent());
            browser.get(base + "/t/yiwu/funds");
            Files.copy(((TakesScreenshot) browser).getScreenshotAs(OutputType.FILE).toPath(), shot,
                    StandardCopyOption.REPLACE_EXISTING);
            assertTrue(Files.size(shot) > 1000);
        } finally {
            browser.quit();
        }
    }

    /** 我有话说 through the portal's form; returns the tracking number on the receipt. */
    private static String fileACase(WebDriver browser, WebDriverWait wait, String base) {
        browser.get(base + "/t/yiwu/appeals/new");
        new Select(browser.findElement(By.id("category"))).selectByValue("village-affairs");
        browser.findElement(By.id("subject")).sendKeys("村口路灯不亮");
        browser.findElement(By.id("body")).sendKeys("晚上走路看不见，请修一下。");
        browser.findElement(By.cssSelector("form button[type=submit]")).click();
        wait.until(ExpectedConditions.presenceOfElementLocated(By.cssSelector("section strong")));
        String no = browser.findElement(By.cssSelector("section strong")).getText();
        assertTrue(no.matches("[A-Z2-9]{10}"), no);
        browser.get(base + "/t/yiwu/appeals");
        assertTrue(browser.getPageSource().contains("村口路灯不亮"), "my cases lists it");
        return no;
    }
}
