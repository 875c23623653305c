package io.mingjing.platform.portal;

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
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
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

    @Test
    void aVillagerFindsTheirVillageTheirFundsAndFollowsACaseToItsRating() throws Exception {
        assumeTrue(Files.isExecutable(CHROMIUM) && Files.isExecutable(DRIVER),
                "needs chromium and chromium-driver (apt-get install -y chromium chromium-driver)");
        DemoPortal.await();
        ChromeOptions options = new ChromeOptions().setBinary(CHROMIUM.toFile()).addArguments("--headless=new",
                "--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update",
                "--disable-sync", "--no-first-run", "--disable-dev-shm-usage", "--window-size=412,915",
                "--lang=zh-CN");
        ChromeDriverService service = new ChromeDriverService.Builder().usingDriverExecutable(DRIVER.toFile())
                .usingAnyFreePort().build();
        WebDriver browser = new ChromeDriver(service, options);
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
