package io.mingjing.platform.admin;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.mingjing.platform.testing.Browser;
import io.mingjing.platform.testing.Counties;
import io.mingjing.platform.testing.DevStack;
import io.mingjing.platform.testing.KeycloakAdmin;
import io.mingjing.platform.testing.People;
import io.mingjing.platform.testing.Tokens;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import io.restassured.http.ContentType;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The county admin console through its forms, logged in through the county's realm: branding with a
 * logo, modules and their settings, staff, imports with a preview and row-numbered errors, appeal
 * categories and time limits; and who may not use it.
 */
@QuarkusTest
@QuarkusTestResource(DevStack.class)
class AdminConsoleTest {

    /** A county with a town and two villages, its admin and a cadre of village X. */
    record County(String id) {
        String token(String username) {
            return username.equals("admin") ? Tokens.countyAdmin(id) : Tokens.user(id, username);
        }
    }

    static County c;
    static Browser admin;
    static String token;

    static String base() {
        return "http://127.0.0.1:" + RestAssured.port;
    }

    @BeforeEach
    void logIn() throws Exception {
        if (c != null) {
            return;
        }
        County county = new County(Counties.onboard("adm"));
        String adminToken = county.token("admin"); // also the test password
        People.orgUnits(county.id(), adminToken);
        People.staff(county.id(), adminToken, "cadrex", "cadre", People.VILLAGE_X);
        c = county;
        admin = new Browser();
        assertEquals(200, admin.logIn(base(), c.id(), "admin", "Test-pass-1").statusCode());
        token = Browser.token(page("/admin/branding"));
    }

    @Test
    void theAdminBrandsThePortalAndItsLogoFollowsTheFileRules() throws Exception {
        HttpResponse<String> bad = post("/admin/branding", "name=" + enc("新县名") + "&primaryColor=red&motto=&platformName=");
        assertEquals(422, bad.statusCode());
        assertTrue(bad.body().contains("id=\"e-primaryColor\""));
        assertTrue(bad.body().contains("须为颜色值"));
        assertEquals(200, post("/admin/branding", "name=" + enc("新县名") + "&primaryColor=%23225588&motto="
                + enc("清清白白") + "&platformName=" + enc("阳光村务")).statusCode());
        String home = given().get("/t/" + c.id() + "/").then().statusCode(200).extract().asString();
        assertTrue(home.contains("新县名") && home.contains("清清白白") && home.contains("--brand:#225588"), home);

        HttpResponse<String> notImage = upload("/admin/branding/logo", "logo", "logo.png", "<svg onload=alert(1)>"
                .getBytes(StandardCharsets.UTF_8));
        assertEquals(415, notImage.statusCode());
        assertTrue(notImage.body().contains("只接受 PNG、JPEG 或 WebP 图片"));
        assertEquals(200, upload("/admin/branding/logo", "logo", "logo.png", png()).statusCode());
        String withLogo = given().get("/t/" + c.id() + "/").then().extract().asString();
        String src = withLogo.replaceAll("(?s).*<img class=\"logo\" src=\"([^\"]+)\".*", "$1");
        assertTrue(src.startsWith("/t/" + c.id() + "/logo?v="), src);
        given().get(src).then().statusCode(200).contentType("image/png").header("Cache-Control",
                org.hamcrest.Matchers.containsString("immutable"));
    }

    @Test
    void modulesSwitchAndTheirSettingsAreValidatedPerFieldInThePagesLanguage() throws Exception {
        String modules = page("/admin/modules");
        assertTrue(modules.contains("/admin/modules/notices"), "an optional built-in feature can be switched");
        assertEquals(200, post("/admin/modules/notices", "enabled=false").statusCode());
        assertEquals(List.of(false), noticesEnabled());
        assertEquals(200, post("/admin/modules/notices", "enabled=true").statusCode());
        assertEquals(List.of(true), noticesEnabled());
        HttpResponse<String> always = post("/admin/modules/appeals", "enabled=false");
        assertEquals(409, always.statusCode());
        assertTrue(always.body().contains("不能停用"));

        if (modules.contains("/admin/modules/market\"")) { // the market plugin is loaded in this run
            assertEquals(200, post("/admin/modules/market", "enabled=true").statusCode());
            String form = page("/admin/modules/market");
            assertTrue(form.contains("name=\"expiryDays\"") && form.contains("name=\"moderation\""), form);
            HttpResponse<String> wrong = post("/admin/modules/market/settings", "expiryDays=999&categories="
                    + enc("蔬菜\n水果") + "&moderation=true");
            assertEquals(422, wrong.statusCode());
            assertTrue(wrong.body().contains("id=\"e-expiryDays\""));
            assertTrue(wrong.body().contains("须为 1 到 180 之间的整数"));
            assertFalse(wrong.body().contains("id=\"e-categories\""));
            assertEquals(200, post("/admin/modules/market/settings", "expiryDays=60&categories=" + enc("蔬菜\n水果"))
                    .statusCode());
            List<Map<String, Object>> market = given().auth().oauth2(c.token("admin"))
                    .get("/api/t/" + c.id() + "/admin/modules").then().extract().path("findAll { it.id == 'market' }");
            assertEquals(60, ((Number) ((Map<?, ?>) market.get(0).get("settings")).get("expiryDays")).intValue());
            assertEquals(false, ((Map<?, ?>) market.get(0).get("settings")).get("moderation"), "an unticked box");
        }
    }

    @Test
    void staffAreCreatedWithRoleAndUnitDisabledAndGivenANewPassword() throws Exception {
        HttpResponse<String> noUnit = post("/admin/staff", "username=cadre.new&name=" + enc("新干部")
                + "&role=cadre&orgUnit=&phone=");
        assertEquals(422, noUnit.statusCode());
        assertTrue(noUnit.body().contains("id=\"e-orgUnit\""));
        HttpResponse<String> made = post("/admin/staff", "username=cadre.new&name=" + enc("新干部")
                + "&role=cadre&orgUnit=" + People.VILLAGE_X + "&phone=13900001111");
        assertEquals(200, made.statusCode(), made.body());
        assertTrue(made.body().contains("临时密码"));
        assertEquals(List.of("UPDATE_PASSWORD"), KeycloakAdmin.user("mingjing-" + c.id(), "cadre.new")
                .get("requiredActions"));
        HttpResponse<String> taken = post("/admin/staff", "username=cadre.new&name=" + enc("新干部")
                + "&role=cadre&orgUnit=" + People.VILLAGE_X);
        assertTrue(taken.body().contains("这个用户名已被使用"));

        KeycloakAdmin.setPassword("mingjing-" + c.id(), "cadre.new", "Test-pass-1");
        HttpResponse<String> reset = post("/admin/staff/cadre.new/reset", "");
        assertEquals(200, reset.statusCode());
        assertTrue(reset.body().contains("密码已重置"));
        assertEquals(List.of("UPDATE_PASSWORD"), KeycloakAdmin.user("mingjing-" + c.id(), "cadre.new")
                .get("requiredActions"));
        assertEquals(200, post("/admin/staff/cadre.new/disable", "").statusCode());
        assertEquals(false, KeycloakAdmin.user("mingjing-" + c.id(), "cadre.new").get("enabled"));
    }

    @Test
    void anImportIsPreviewedThenImportedAndABadFileShowsEveryProblemByRow() throws Exception {
        String bad = "code,name,level,parentCode\n330782102203,丙村,VILLAGE,330782102000\n110000000001,外县村,VILLAGE,"
                + "330782102000\n330782102204,丁村,HAMLET,330782102000\n";
        HttpResponse<String> refused = upload("/admin/imports/org-units/preview", "file", "units.csv",
                bad.getBytes(StandardCharsets.UTF_8));
        assertEquals(422, refused.statusCode());
        assertTrue(refused.body().contains("<td class=\"num\">3</td><td>code</td><td>须为以本县代码 330782 开头的 12 位数字"),
                refused.body());
        assertTrue(refused.body().contains("<td class=\"num\">4</td><td>level</td>"));
        assertTrue(refused.body().contains("什么都没有改动"));

        String good = "code,name,level,parentCode\n330782102203,丙村,VILLAGE,330782102000\n";
        HttpResponse<String> preview = upload("/admin/imports/org-units/preview", "file", "units.csv",
                good.getBytes(StandardCharsets.UTF_8));
        assertEquals(200, preview.statusCode(), preview.body());
        assertTrue(preview.body().contains("<td>丙村</td>"));
        given().get("/api/t/" + c.id() + "/org-units").then().body("findAll { it.code == '330782102203' }.size()",
                equalTo(0));
        String content = preview.body().replaceAll("(?s).*name=\"content\" value=\"([^\"]+)\".*", "$1");
        HttpResponse<String> done = post("/admin/imports/org-units", "content=" + enc(content));
        assertEquals(200, done.statusCode(), done.body());
        assertTrue(done.body().contains("导入完成"));
        given().get("/api/t/" + c.id() + "/org-units").then().body("findAll { it.code == '330782102203' }.size()",
                equalTo(1));

        String residents = "household,name,idCard,phone,registeredVillage,residenceVillage\nH-9,赵六,"
                + People.idNumber("33078219800101009") + ",13914000999," + People.VILLAGE_X + ",\n";
        HttpResponse<String> masked = upload("/admin/imports/residents/preview", "file", "r.csv",
                residents.getBytes(StandardCharsets.UTF_8));
        assertEquals(200, masked.statusCode(), masked.body());
        assertFalse(masked.body().contains("<td>" + People.idNumber("33078219800101009") + "</td>"),
                "no full ID number on the preview");
    }

    @Test
    void appealCategoriesAndTimeLimitsAreSetWithTheirBounds() throws Exception {
        HttpResponse<String> bad = post("/admin/appeals/categories", "code=Roads&nameZh=&nameEn=Roads&route=DEPARTMENT");
        assertEquals(422, bad.statusCode());
        assertTrue(bad.body().contains("id=\"e-code\"") && bad.body().contains("id=\"e-nameZh\"")
                && bad.body().contains("id=\"e-department\""));
        assertEquals(200, post("/admin/appeals/categories", "code=roads&nameZh=" + enc("道路交通") + "&nameEn=Roads"
                + "&route=DEPARTMENT&department=" + enc("交通运输局")).statusCode());
        given().get("/api/t/" + c.id() + "/appeals/categories").then()
                .body("findAll { it.code == 'roads' }.size()", equalTo(1));

        String limits = page("/admin/appeals");
        assertTrue(limits.contains("name=\"COMPLAINT/SUBMITTED\" inputmode=\"numeric\" value=\"24\""), limits);
        HttpResponse<String> zero = post("/admin/appeals/limits", "COMPLAINT/SUBMITTED=0&REPORT/ACCEPTED=12");
        assertEquals(422, zero.statusCode());
        assertTrue(zero.body().contains("时限未作修改"));
        assertTrue(page("/admin/appeals").contains("name=\"REPORT/ACCEPTED\" inputmode=\"numeric\" value=\"48\""),
                "nothing changed");
        assertEquals(200, post("/admin/appeals/limits", "COMPLAINT/SUBMITTED=12").statusCode());
        assertTrue(page("/admin/appeals").contains("name=\"COMPLAINT/SUBMITTED\" inputmode=\"numeric\" value=\"12\""));
    }

    @Test
    void onlyThisCountysAdminUsesItsConsole() throws Exception {
        Browser cadre = new Browser();
        c.token("cadrex");
        assertEquals(200, cadre.logIn(base(), c.id(), "cadrex", "Test-pass-1").statusCode());
        HttpResponse<String> refused = cadre.go(HttpRequest.newBuilder(URI.create(base() + "/t/" + c.id() + "/admin")));
        assertEquals(403, refused.statusCode());
        assertFalse(refused.body().contains("/admin/branding"));

        HttpResponse<String> noToken = admin.go(HttpRequest.newBuilder(URI.create(base() + "/t/" + c.id()
                + "/admin/staff/cadrex/disable")).header("Origin", base()).header("Content-Type",
                "application/x-www-form-urlencoded").POST(HttpRequest.BodyPublishers.ofString("x=1")));
        assertEquals(403, noToken.statusCode(), noToken.uri() + ": " + noToken.body());
        assertEquals(true, KeycloakAdmin.user("mingjing-" + c.id(), "cadrex").get("enabled"));

        // A browser of our tests sends every cookie to every path, so this admin's session cookie reaches the
        // other county too (a real browser keeps it on /t/{county}); the other county still asks for a login
        // to its own realm. The platform drops the foreign session cookie, hence a login of its own here.
        Browser own = new Browser();
        assertEquals(200, own.logIn(base(), c.id(), "admin", "Test-pass-1").statusCode());
        Counties.awaitDemoCounties();
        String other = "yiwu"; // a county that exists anyway: onboarding one more is slow on a loaded machine
        HttpResponse<String> elsewhere = own.go(HttpRequest.newBuilder(URI.create(base() + "/t/" + other
                + "/admin")));
        assertFalse(elsewhere.body().contains("/admin/branding"), "another county's console");
        assertTrue(elsewhere.uri().toString().contains("/realms/mingjing-" + other + "/"),
                "asked to log in to the other county's realm: " + elsewhere.uri());
        // no session at all: sent to the county's login, and nothing is switched
        given().contentType(ContentType.URLENC).formParam("enabled", "false").redirects().follow(false)
                .post("/t/" + c.id() + "/admin/modules/notices").then().statusCode(302)
                .header("Location", org.hamcrest.Matchers.containsString("/realms/mingjing-" + c.id() + "/"));
        assertEquals(List.of(true), noticesEnabled());
    }

    private static List<Boolean> noticesEnabled() {
        return given().auth().oauth2(c.token("admin")).get("/api/t/" + c.id() + "/admin/modules").then()
                .statusCode(200).extract().path("findAll { it.id == 'notices' }.enabled");
    }

    private static String page(String path) throws Exception {
        HttpResponse<String> r = admin.go(HttpRequest.newBuilder(URI.create(base() + "/t/" + c.id() + path)));
        assertEquals(200, r.statusCode(), path + ": " + r.body());
        return r.body();
    }

    private static HttpResponse<String> post(String path, String form) throws Exception {
        return admin.go(HttpRequest.newBuilder(URI.create(base() + "/t/" + c.id() + path)).header("Origin", base())
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(form + (form.isEmpty() ? "" : "&") + "_csrf=" + enc(token))));
    }

    private static HttpResponse<String> upload(String path, String field, String filename, byte[] data)
            throws Exception {
        String boundary = "mjadminboundary";
        ByteArrayOutputStream body = new ByteArrayOutputStream();
        body.write(("--" + boundary + "\r\nContent-Disposition: form-data; name=\"_csrf\"\r\n\r\n" + token + "\r\n--"
                + boundary + "\r\nContent-Disposition: form-data; name=\"" + field + "\"; filename=\"" + filename
                + "\"\r\nContent-Type: application/octet-stream\r\n\r\n").getBytes(StandardCharsets.UTF_8));
        body.write(data);
        body.write(("\r\n--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8));
        return admin.go(HttpRequest.newBuilder(URI.create(base() + "/t/" + c.id() + path)).header("Origin", base())
                .header("Content-Type", "multipart/form-data; boundary=" + boundary)
                .POST(HttpRequest.BodyPublishers.ofByteArray(body.toByteArray())));
    }

    static byte[] png() throws Exception {
        BufferedImage image = new BufferedImage(8, 8, BufferedImage.TYPE_INT_RGB);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ImageIO.write(image, "png", out);
        return out.toByteArray();
    }

    private static String enc(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8);
    }
}
