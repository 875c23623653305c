package io.mingjing.platform.portal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.mingjing.platform.testing.Counties;
import io.mingjing.platform.testing.DevStack;
import io.mingjing.platform.testing.KeycloakAdmin;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * Both consoles in a real headless Chromium on a 360 px phone: the operator onboards a county from the
 * form (a refused field first), suspends and resumes it; the county's admin brands it, creates a staff
 * account and imports villages through the preview. Every page fits the phone, every target takes a
 * finger, and each page speaks one language.
 */
@QuarkusTest
@QuarkusTestResource(DevStack.class)
class ConsoleBrowserTest {

    static final List<String> OPERATOR_PAGES = List.of("/console", "/console/counties/new", "/console/plugins",
            "/console/audit", "/console/cockpit");
    static final List<String> ADMIN_PAGES = List.of("/admin", "/admin/branding", "/admin/modules", "/admin/staff",
            "/admin/imports", "/admin/appeals", "/admin/services", "/admin/services/gaoling");

    /** Words on screen in the other language: Han characters on an English page, English words on a Chinese one. */
    static final String OTHER_LANGUAGE = """
            const english = document.documentElement.lang === 'en';
            const out = [];
            for (const e of document.querySelectorAll('h1, h2, h3, label, legend, button, th, nav a, .hint, .notice')) {
              if (e.closest('[lang]') !== document.documentElement) continue; // the language switch names the other
              if (e.closest('header')) continue; // the county's name is a name, in Chinese on an English page too
              const copy = e.cloneNode(true);
              copy.querySelectorAll('code, [translate=no]').forEach(c => c.remove()); // ids, codes, names: data, not words
              const text = copy.textContent.trim();
              if (english ? /\\p{Script=Han}/u.test(text) : /\\b(?!yiwu\\b|zhang\\b|SDK\\b|CSV\\b|PNG\\b|JPEG\\b|WebP\\b|Excel\\b|UTF\\b|GBK\\b|KB\\b|GB\\b|TOWN\\b|VILLAGE\\b|GRID\\b)[A-Za-z]{4,}/.test(
                  text.replace(/[a-z]+(,[a-zA-Z]+)+/g, '').replace(/\\(.*?\\)/g, ''))) out.push(e.tagName + ': ' + text.slice(0, 40));
            }
            return out;""";

    @Test
    void bothConsolesWorkOnA360PxPhoneInOneLanguagePerPage() throws Exception {
        assumeTrue(Files.isExecutable(PortalBrowserTest.CHROMIUM) && Files.isExecutable(PortalBrowserTest.DRIVER),
                "needs chromium and chromium-driver");
        WebDriver browser = PortalBrowserTest.chromium(360, 780);
        WebDriverWait wait = new WebDriverWait(browser, Duration.ofSeconds(60));
        String base = "http://127.0.0.1:" + RestAssured.port;
        List<String> misfits = new ArrayList<>();
        try {
            logIn(browser, wait, "operator", "operator", "/console");
            // Chinese, whatever language headless Chromium asks for (the console's switch sets a cookie)
            browser.get(base + "/console/lang/zh?back=/console");
            misfits.addAll(check(browser, base, OPERATOR_PAGES));

            String id = Counties.uniqueId("phone");
            browser.get(base + "/console/counties/new");
            type(browser, "f-id", id);
            type(browser, "f-name", "手机县");
            type(browser, "f-regionCode", "12345");
            browser.findElement(By.cssSelector("form[action='/console/counties'] button[type=submit]")).click();
            wait.until(ExpectedConditions.presenceOfElementLocated(By.id("e-regionCode")));
            assertEquals("true", browser.findElement(By.id("f-regionCode")).getAttribute("aria-invalid"));
            misfits.addAll(check(browser, "", List.of(browser.getCurrentUrl())));
            browser.findElement(By.id("f-regionCode")).clear();
            type(browser, "f-regionCode", "330782");
            browser.findElement(By.cssSelector("form[action='/console/counties'] button[type=submit]")).click();
            wait.until(ExpectedConditions.presenceOfElementLocated(By.cssSelector(".secret")));
            assertTrue(browser.getPageSource().contains("运行中"));
            browser.get(base + "/console/counties/" + id);
            misfits.addAll(check(browser, "", List.of(browser.getCurrentUrl())));
            browser.findElement(By.cssSelector("form[action$='/suspend'] button")).click();
            wait.until(ExpectedConditions.presenceOfElementLocated(By.cssSelector("form[action$='/resume'] button")))
                    .click();
            wait.until(ExpectedConditions.presenceOfElementLocated(By.cssSelector("form[action$='/suspend']")));
            browser.get(base + "/console/lang/en?back=/console/counties/new");
            misfits.addAll(check(browser, base, OPERATOR_PAGES));
            browser.get(base + "/console/lang/zh?back=/console");

            KeycloakAdmin.setPassword("mingjing-" + id, "admin", "Phone-pass-1");
            browser.get(base + "/t/" + id + "/lang/zh?back=/t/" + id + "/");
            logIn(browser, wait, "admin", "Phone-pass-1", "/t/" + id + "/login");
            List<String> pages = ADMIN_PAGES.stream().map(p -> "/t/" + id + p).toList();
            misfits.addAll(check(browser, base, pages));

            browser.get(base + "/t/" + id + "/admin/branding");
            browser.findElement(By.id("f-motto")).clear();
            type(browser, "f-motto", "阳光村务");
            browser.findElement(By.cssSelector("form[action$='/admin/branding'] button")).click();
            wait.until(ExpectedConditions.presenceOfElementLocated(By.cssSelector(".notice")));

            browser.get(base + "/t/" + id + "/admin/imports");
            Path csv = Files.createTempFile("units", ".csv");
            Files.writeString(csv, "code,name,level,parentCode\n330782100000,手机镇,TOWN,\n"
                    + "330782100001,手机村,VILLAGE,330782100000\n", StandardCharsets.UTF_8);
            browser.findElement(By.id("file-org-units")).sendKeys(csv.toString());
            browser.findElement(By.cssSelector("form[action$='/org-units/preview'] button")).click();
            wait.until(ExpectedConditions.presenceOfElementLocated(By.id("h-prev")));
            misfits.addAll(check(browser, "", List.of(browser.getCurrentUrl())));
            browser.findElement(By.cssSelector("form[action$='/imports/org-units'] button")).click();
            wait.until(ExpectedConditions.textToBePresentInElementLocated(By.tagName("main"), "导入完成"));

            browser.get(base + "/t/" + id + "/admin/staff");
            type(browser, "s-username", "phone.cadre");
            type(browser, "s-name", "手机干部");
            browser.findElement(By.cssSelector("#s-orgUnit option[value='330782100001']")).click();
            browser.findElement(By.cssSelector("form[action$='/admin/staff'] button")).click();
            wait.until(ExpectedConditions.presenceOfElementLocated(By.cssSelector(".secret")));
            misfits.addAll(check(browser, "", List.of(browser.getCurrentUrl())));

            browser.get(base + "/t/" + id + "/lang/en?back=/t/" + id + "/admin");
            misfits.addAll(check(browser, base, pages));
            assertEquals(List.of(), misfits);
        } finally {
            browser.quit();
        }
    }

    private static List<String> check(WebDriver browser, String base, List<String> pages) {
        List<String> out = new ArrayList<>();
        for (String page : pages) {
            if (!base.isEmpty()) {
                browser.get(base + page);
            }
            for (String script : List.of(PortalBrowserTest.MISFITS, OTHER_LANGUAGE)) {
                for (Object m : (List<?>) ((JavascriptExecutor) browser).executeScript(script)) {
                    out.add(page + ": " + m);
                }
            }
        }
        return out;
    }

    private static void type(WebDriver browser, String id, String text) {
        browser.findElement(By.id(id)).sendKeys(text);
    }

    private static void logIn(WebDriver browser, WebDriverWait wait, String username, String password, String start) {
        browser.get("http://127.0.0.1:" + RestAssured.port + start);
        wait.until(ExpectedConditions.presenceOfElementLocated(By.id("username")));
        browser.findElement(By.id("username")).sendKeys(username);
        browser.findElement(By.id("password")).sendKeys(password);
        browser.findElement(By.id("kc-login")).click();
        wait.until(ExpectedConditions.not(ExpectedConditions.urlContains("/realms/")));
    }
}
