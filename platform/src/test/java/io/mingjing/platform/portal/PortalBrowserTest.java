package io.mingjing.platform.portal;

import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.mingjing.platform.testing.DevStack;
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
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * A real headless Chromium (Debian's chromium and chromedriver): open a demo county, pick a village,
 * open a disclosure, log in as a villager, see their funds, find the read-aloud button.
 */
@QuarkusTest
@QuarkusTestResource(DevStack.class)
class PortalBrowserTest {

    static final Path CHROMIUM = Path.of("/usr/bin/chromium");
    static final Path DRIVER = Path.of("/usr/bin/chromedriver");

    @Test
    void aVillagerFindsTheirVillageADisclosureAndTheirFunds() throws Exception {
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
}
