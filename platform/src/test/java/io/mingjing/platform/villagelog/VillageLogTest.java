package io.mingjing.platform.villagelog;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.everyItem;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasKey;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.oneOf;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.mingjing.platform.identity.Role;
import io.mingjing.platform.testing.Counties;
import io.mingjing.platform.testing.People;
import io.mingjing.platform.testing.Tokens;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.mingjing.platform.testing.DevStack;
import io.restassured.RestAssured;
import io.restassured.http.ContentType;
import io.restassured.response.ValidatableResponse;
import io.mingjing.platform.testing.Browser;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/** 村情记录 against real Keycloak and PostgreSQL: two-character Chinese words found, scopes kept, hostile queries harmless. */
@QuarkusTest
@QuarkusTestResource(DevStack.class)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class VillageLogTest {

    static final String X = People.VILLAGE_X;
    static final String Y = People.VILLAGE_Y;
    static final byte[] PNG = { (byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1a, '\n', 0, 0, 0, 13, 'I', 'H', 'D', 'R' };

    String t;
    String admin;
    String cadreX;
    String cadreY;
    String cadreZ;
    String town;
    String zhang; // of X
    String wang; // of Y
    long road;
    long lights;
    long closed;
    long other;

    @BeforeEach
    void arrange() {
        if (t != null) {
            return;
        }
        Counties.awaitDemoCounties(); // a county onboarded meanwhile waits on a busy Keycloak
        t = Counties.onboard("vlg");
        admin = Tokens.countyAdmin(t);
        People.orgUnits(t, admin);
        People.villagers(t, admin, "13820000");
        zhang = Tokens.user(t, "13820000001");
        wang = Tokens.user(t, "13820000003");
        cadreX = People.staff(t, admin, "cadre-x", Role.CADRE, X);
        cadreY = People.staff(t, admin, "cadre-y", Role.CADRE, Y);
        cadreZ = People.staff(t, admin, "cadre-z", Role.CADRE, People.VILLAGE_Z);
        town = People.staff(t, admin, "town-x", Role.TOWN_OFFICIAL, People.TOWN);
        road = record(cadreX, X, "今天组织村民修路，村东道路完成硬化 100% 验收", true, List.of("道路"));
        lights = record(cadreX, X, "修建路灯五盏，费用由村集体承担", true, List.of());
        closed = record(cadreX, X, "调解邻里纠纷，涉及修路占地补偿", false, List.of("调解"));
        other = record(cadreY, Y, "乙村修路施工安全检查", true, List.of());
        record(cadreZ, People.VILLAGE_Z, "七一村修路项目开工", true, List.of());
    }

    private long record(String token, String village, String body, boolean open, List<String> tags) {
        return ((Number) given().auth().oauth2(token).contentType(ContentType.JSON).body(Map.of("village", village,
                "body", body, "place", "村东", "tags", tags, "open", open)).post("/api/t/" + t + "/village-log").then()
                .statusCode(201).extract().path("id")).longValue();
    }

    private ValidatableResponse find(String token, String q) {
        return given().auth().oauth2(token).queryParam("q", q).get("/api/t/" + t + "/village-log").then();
    }

    @Test
    void aTwoCharacterWordIsFoundWithinTheReadersPlaces() {
        find(cadreX, "修路").statusCode(200).body("items.id", hasItem((int) road)).body("items.id", hasItem((int) closed))
                .body("items.id", not(hasItem((int) lights))).body("items.village", everyItem(equalTo(X)));
        find(town, "修路").statusCode(200).body("items.id", hasItem((int) other)).body("items.village",
                everyItem(oneOf(X, Y)));
        find(admin, "修路").statusCode(200).body("items", hasSize(4));
        find(cadreX, "路灯").statusCode(200).body("items.id", equalTo(List.of((int) lights)));
        find(cadreX, "修路灯").statusCode(200).body("items", empty()); // 修路 and 路灯 occur, 修路灯 does not
        find(cadreX, "道路完成硬化").statusCode(200).body("items.id", equalTo(List.of((int) road)));
        find(cadreX, "道路硬化").statusCode(200).body("items", empty()); // its pairs occur, but not as written
        find(cadreX, "道路 验收").statusCode(200).body("items.id", equalTo(List.of((int) road)));
    }

    @Test
    void residentsFindThePublicEntriesOfTheirOwnVillageOnly() {
        find(zhang, "修路").statusCode(200).body("items.id", equalTo(List.of((int) road)));
        find(wang, "修路").statusCode(200).body("items.id", equalTo(List.of((int) other)));
        given().auth().oauth2(zhang).get("/api/t/" + t + "/village-log/" + closed).then().statusCode(404);
        given().auth().oauth2(zhang).queryParam("village", Y).get("/api/t/" + t + "/village-log").then().statusCode(403);
        given().auth().oauth2(cadreX).queryParam("village", Y).get("/api/t/" + t + "/village-log").then().statusCode(403);
        given().auth().oauth2(cadreY).get("/api/t/" + t + "/village-log/" + road).then().statusCode(404);
    }

    @Test
    void queriesWithSqlOrRegexMetacharactersAreHarmless() {
        find(cadreX, "%").statusCode(400).body("errors", hasKey("q"));
        find(cadreX, "_").statusCode(400);
        find(cadreX, ".*").statusCode(400);
        find(cadreX, "修路' OR '1'='1").statusCode(200).body("items", empty());
        find(cadreX, "'; DROP TABLE village_log; --").statusCode(200).body("items", empty());
        find(cadreX, "(修路|路灯)*").statusCode(200).body("items", empty());
        find(cadreX, "100%").statusCode(200).body("items.id", equalTo(List.of((int) road)));
        find(cadreX, "修路\\").statusCode(200).body("items.id", hasItem((int) road));
        find(cadreX, "修".repeat(51)).statusCode(400);
        find(cadreX, "修路\u0000").statusCode(400); // refused before it reaches the search
        find(cadreX, "修路").statusCode(200).body("items.id", hasItem((int) road)); // the table is still there
    }

    @Test
    void anEntryIsRecordedByTheVillagesCadresWithPhotosAndCheckedInput() {
        given().auth().oauth2(cadreY).contentType(ContentType.JSON).body(Map.of("village", X, "body", "x"))
                .post("/api/t/" + t + "/village-log").then().statusCode(403);
        given().auth().oauth2(zhang).contentType(ContentType.JSON).body(Map.of("village", X, "body", "x"))
                .post("/api/t/" + t + "/village-log").then().statusCode(403);
        given().auth().oauth2(cadreX).contentType(ContentType.JSON).body(Map.of("village", X, "body", " "))
                .post("/api/t/" + t + "/village-log").then().statusCode(422).body("errors", hasKey("body"));
        given().auth().oauth2(cadreX).contentType(ContentType.JSON).body(Map.of("village", X, "body", "x", "at",
                "2999-01-01T00:00:00Z")).post("/api/t/" + t + "/village-log").then().statusCode(422)
                .body("errors", hasKey("at"));
        given().auth().oauth2(cadreX).contentType(ContentType.BINARY).body(PNG)
                .post("/api/t/" + t + "/village-log/" + road + "/photos").then().statusCode(201);
        given().auth().oauth2(cadreX).contentType(ContentType.BINARY).body("%PDF-1.4".getBytes())
                .post("/api/t/" + t + "/village-log/" + road + "/photos").then().statusCode(415);
        given().auth().oauth2(zhang).get("/api/t/" + t + "/village-log/" + road).then().statusCode(200)
                .body("photos", hasSize(1));
    }

    @Test
    void aCadreSearchesAndRecordsFromThePhonePage() throws Exception {
        Browser phone = new Browser();
        String base = "http://127.0.0.1:" + RestAssured.port;
        assertEquals(200, phone.logIn(base, t, "cadre-x", "Test-pass-1").statusCode());
        HttpResponse<String> found = phone.go(HttpRequest.newBuilder(URI.create(base + "/t/" + t + "/village-log?q="
                + URLEncoder.encode("修路", StandardCharsets.UTF_8))));
        assertEquals(200, found.statusCode());
        assertTrue(found.body().contains("组织村民修路") && !found.body().contains("七一村"), "within the cadre's village");
        String form = "_csrf=" + URLEncoder.encode(Browser.token(found.body()), StandardCharsets.UTF_8) + "&body="
                + URLEncoder.encode("<b>井盖</b>更换完成", StandardCharsets.UTF_8) + "&place=" + URLEncoder.encode("村口",
                        StandardCharsets.UTF_8) + "&tags=" + URLEncoder.encode("安全 设施", StandardCharsets.UTF_8);
        HttpResponse<String> after = phone.go(HttpRequest.newBuilder(URI.create(base + "/t/" + t + "/village-log"))
                .header("Origin", base).header("Accept", "text/html")
                .header("Content-Type", "application/x-www-form-urlencoded").POST(HttpRequest.BodyPublishers.ofString(form)));
        assertEquals(200, after.statusCode(), after.body());
        assertTrue(after.body().contains("&lt;b&gt;井盖&lt;/b&gt;更换完成"), "escaped on the page");
        find(cadreX, "井盖").statusCode(200).body("items[0].tags", equalTo(List.of("安全", "设施")));
    }

    @Test
    void anotherCountysAccountSearchesNothingHere() {
        String other = Counties.onboard("vlx");
        String otherAdmin = Tokens.countyAdmin(other);
        int status = given().auth().oauth2(otherAdmin).queryParam("q", "修路").get("/api/t/" + t + "/village-log")
                .then().extract().statusCode();
        assertTrue(status == 401 || status == 403, "got " + status);
        given().auth().oauth2(otherAdmin).queryParam("q", "修路").get("/api/t/" + other + "/village-log").then()
                .statusCode(200).body("items", empty());
    }
}
