package io.mingjing.platform.file;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.startsWith;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.mingjing.platform.testing.DevStack;
import io.mingjing.platform.testing.People;
import io.mingjing.platform.testing.TransparencyCounty;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.ExtractableResponse;
import io.restassured.response.Response;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Stored XSS as a class: whatever a client names or declares, only files whose bytes are an allowed
 * kind are kept, and every way a stored file goes out — disclosure attachments (API and portal),
 * appeal photos and voice, module files and module byte replies — answers with the same headers.
 */
@QuarkusTest
@QuarkusTestResource(DevStack.class)
class StoredFileTest {

    static final String HTML = "<!DOCTYPE html><html><script>alert(document.cookie)</script></html>";
    static final String SVG = "<svg xmlns=\"http://www.w3.org/2000/svg\" onload=\"alert(1)\"><script>alert(2)"
            + "</script></svg>";
    static TransparencyCounty c;

    @BeforeEach
    void county() {
        if (c == null) {
            c = new TransparencyCounty("files", "13912000");
        }
    }

    @Test
    void activeContentIsRefusedWhateverItsNameOrDeclaredType() {
        long d = draft();
        Object[][] attacks = {
            {"page.html", "text/html", HTML},
            {"logo.svg", "image/svg+xml", SVG},
            {"photo.png", "image/png", SVG},
            {"scan.pdf", "application/pdf", "\uFEFF" + HTML},
            {"data.xml", "application/xml", "<?xml version=\"1.0\"?>" + SVG},
            {"notes.txt", "text/plain", "javascript:alert(1)"},
        };
        for (Object[] a : attacks) {
            upload(d, (String) a[0], (String) a[1], ((String) a[2]).getBytes(StandardCharsets.UTF_8)).then()
                    .statusCode(415).contentType("application/problem+json")
                    .body("detail", containsString("PDF, JPEG, PNG, WebP, Word (.docx), Excel (.xlsx)"))
                    .body("errors.file", notNullValue(String.class));
        }
    }

    @Test
    void everyDisclosureDownloadPathServesTheDetectedTypeWithTheSameHeaders() throws IOException {
        long d = draft();
        byte[] polyglot = concat(FileKindsTest.PNG, HTML.getBytes(StandardCharsets.UTF_8));
        long poly = stored(upload(d, "x.html", "text/html", polyglot), "image/png", "x.html.png");
        long png = stored(upload(d, "照片.png", "application/octet-stream", FileKindsTest.PNG), "image/png", "照片.png");
        long pdf = stored(upload(d, "凭证.pdf", "text/html", "%PDF-1.4 x".getBytes(StandardCharsets.UTF_8)),
                "application/pdf", "凭证.pdf");
        long docx = stored(upload(d, "报表", "text/html", FileKindsTest.zip("[Content_Types].xml",
                "word/document.xml")), FileKind.DOCX.contentType(), "报表.docx");
        // a line break never reaches a header: the address itself is refused first
        upload(d, "a\"\r\nSet-Cookie: x=1.pdf", "application/pdf", "%PDF-1.4".getBytes(StandardCharsets.UTF_8))
                .then().statusCode(400).body("errors", org.hamcrest.Matchers.hasKey("query.filename"));
        long evilName = stored(upload(d, "a\"; filename=evil.html; x=\"1.pdf", "application/pdf",
                "%PDF-1.4".getBytes(StandardCharsets.UTF_8)), "application/pdf", null);
        publish(d);
        for (String base : new String[] {c.api() + "/disclosures/" + d + "/attachments/", "/t/" + c.id + "/d/" + d
                + "/files/"}) {
            fileHeaders(given().get(base + poly), "image/png", "inline");
            fileHeaders(given().get(base + png), "image/png", "inline");
            fileHeaders(given().get(base + pdf), "application/pdf", "attachment");
            fileHeaders(given().get(base + docx), FileKind.DOCX.contentType(), "attachment");
            String disposition = fileHeaders(given().get(base + evilName), "application/pdf", "attachment")
                    .header("Content-Disposition");
            assertFalse(disposition.contains("\r") || disposition.contains("\n"), disposition);
            assertTrue(disposition.matches("attachment; filename=\"[^\"]*\"; filename\\*=UTF-8''[A-Za-z0-9%!#$&+.^_`|~-]*"),
                    disposition);
            assertEquals(null, given().get(base + evilName).cookie("x"), "no header was injected");
        }
    }

    @Test
    void appealPhotosAndVoiceAreCheckedAndServedTheSameWay() {
        String json = "{\"kind\":\"COMPLAINT\",\"category\":\"village-affairs\",\"subject\":\"照片\",\"body\":\"见附件\","
                + "\"village\":\"" + People.VILLAGE_X + "\"}";
        given().auth().oauth2(c.villagerX()).multiPart("appeal", json)
                .multiPart("photo", "x.png", SVG.getBytes(StandardCharsets.UTF_8), "image/png")
                .post(c.api() + "/appeals").then().statusCode(415).contentType("application/problem+json")
                .body("detail", containsString("JPEG, PNG, WebP")).body("errors", org.hamcrest.Matchers.hasKey(
                        "photos[0]"));
        given().auth().oauth2(c.villagerX()).multiPart("appeal", json)
                .multiPart("voice", "v.webm", HTML.getBytes(StandardCharsets.UTF_8), "audio/webm")
                .post(c.api() + "/appeals").then().statusCode(415).body("errors", org.hamcrest.Matchers.hasKey("voice"));
        String no = given().auth().oauth2(c.villagerX()).multiPart("appeal", json)
                .multiPart("photo", "x.html", FileKindsTest.PNG, "text/html")
                .multiPart("voice", "v.bin", "OggS\0\2 voice".getBytes(StandardCharsets.ISO_8859_1), "text/html")
                .post(c.api() + "/appeals").then().statusCode(201).extract().path("trackingNo");
        String one = c.api() + "/appeals/" + no;
        var view = given().auth().oauth2(c.villagerX()).get(one).then().statusCode(200).extract().jsonPath();
        for (int i = 0; i < 2; i++) {
            String kind = view.getString("attachments[" + i + "].kind");
            var file = given().auth().oauth2(c.villagerX()).get(one + "/attachments/" + view.getLong(
                    "attachments[" + i + "].id"));
            fileHeaders(file, kind.equals("PHOTO") ? "image/png" : "audio/ogg",
                    kind.equals("PHOTO") ? "inline" : "attachment");
        }
    }

    @Test
    void moduleFilesAndModuleBytesGetTheSameHeadersAndNeverRunAsPages() {
        String admin = c.token("admin");
        given().auth().oauth2(admin).contentType(ContentType.JSON)
                .body("{\"enabled\":true,\"settings\":{\"moderation\":false}}")
                .put(c.api() + "/admin/modules/market").then().statusCode(200);
        given().auth().oauth2(admin).contentType(ContentType.JSON).body("{\"enabled\":true}")
                .put(c.api() + "/admin/modules/shelters").then().statusCode(200);
        fileHeaders(given().get("/t/" + c.id + "/m/shelters/static/shelters.js"), "text/javascript", "attachment");
        fileHeaders(given().get("/t/" + c.id + "/m/shelters/static/leaflet/images/marker-icon.png"), "image/png",
                "inline");

        // the market trusts the declared type of a photo; the platform does not
        String villager = c.villagerX();
        long listing = given().auth().oauth2(villager).contentType(ContentType.JSON).body(Map.of("kind", "SUPPLY",
                "category", "水果", "product", "沙田柚", "quantity", 500, "unit", "斤", "village", "烟楼村",
                "contactName", "李大姐", "contactPhone", "13800000000")).post(c.api() + "/m/market/listings").then()
                .statusCode(201).extract().jsonPath().getLong("id");
        String photos = c.api() + "/m/market/listings/" + listing + "/photos";
        long svg = given().auth().oauth2(villager).contentType("image/png").body(SVG.getBytes(StandardCharsets.UTF_8))
                .post(photos).then().statusCode(201).extract().jsonPath().getLong("id");
        long png = given().auth().oauth2(villager).contentType("image/png").body(FileKindsTest.PNG)
                .post(photos).then().statusCode(201).extract().jsonPath().getLong("id");
        fileHeaders(given().get(photos + "/" + svg), "application/octet-stream", "attachment");
        assertTrue(fileHeaders(given().get(photos + "/" + png), "image/png", "inline").header("Cache-Control")
                .startsWith("public"), "a module keeps its caching headers");
    }

    private long draft() {
        return given().auth().oauth2(c.token("cadrex")).contentType(ContentType.JSON)
                .body(Map.of("category", "FINANCE", "title", "附件测试", "period", "2024", "body", "见附件",
                        "lines", java.util.List.of(), "visibility", "PUBLIC"))
                .post(c.api() + "/villages/" + People.VILLAGE_X + "/disclosures").then().statusCode(201).extract()
                .jsonPath().getLong("id");
    }

    private void publish(long d) {
        given().auth().oauth2(c.token("cadrex")).post(c.api() + "/disclosures/" + d + "/submit").then().statusCode(200);
        given().auth().oauth2(c.token("townx")).post(c.api() + "/disclosures/" + d + "/publish").then()
                .statusCode(200);
    }

    private Response upload(long d, String filename, String type, byte[] data) {
        return given().auth().oauth2(c.token("cadrex")).contentType(type).queryParam("filename", filename).body(data)
                .post(c.api() + "/disclosures/" + d + "/attachments");
    }

    private static long stored(Response r, String type, String filename) {
        var body = r.then().statusCode(201).body("contentType", equalTo(type)).extract().jsonPath();
        if (filename != null) {
            assertEquals(filename, body.getString("filename"));
        }
        return body.getLong("id");
    }

    private static ExtractableResponse<Response> fileHeaders(Response r, String type, String disposition) {
        return r.then().statusCode(200).contentType(startsWith(type)).contentType(not(containsString("html")))
                .header("Content-Disposition", startsWith(disposition))
                .header("X-Content-Type-Options", "nosniff").header("Content-Security-Policy", "sandbox").extract();
    }

    private static byte[] concat(byte[] a, byte[] b) {
        return FileKindsTest.concat(a, b);
    }

    private static <T> org.hamcrest.Matcher<T> notNullValue(Class<T> type) {
        return org.hamcrest.Matchers.notNullValue(type);
    }
}
