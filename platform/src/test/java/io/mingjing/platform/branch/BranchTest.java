package io.mingjing.platform.branch;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.mingjing.platform.identity.Role;
import io.mingjing.platform.testing.Browser;
import io.mingjing.platform.testing.Counties;
import io.mingjing.platform.testing.DevStack;
import io.mingjing.platform.testing.People;
import io.mingjing.platform.testing.Tokens;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/** 网上支部 against real Keycloak and PostgreSQL: the branch's members, and only they, read, like and comment. */
@QuarkusTest
@QuarkusTestResource(DevStack.class)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class BranchTest {

    static final String X = People.VILLAGE_X;
    static final String SCRIPT = "<script>alert(1)</script>学习了";

    String t;
    String admin;
    String secretary; // cadre of X, member of X's branch
    String cadre; // cadre of X, not a member
    String town;
    String zhang; // resident of X, member (a migrant member: he reads from wherever he is)
    String li; // resident of X, not a member
    String wang; // resident of Y, member of Y's branch
    long meeting;

    @BeforeEach
    void arrange() {
        if (t != null) {
            return;
        }
        Counties.awaitDemoCounties(); // a county onboarded meanwhile waits on a busy Keycloak
        t = Counties.onboard("brn");
        admin = Tokens.countyAdmin(t);
        People.orgUnits(t, admin);
        People.villagers(t, admin, "13830000");
        zhang = Tokens.user(t, "13830000001");
        li = Tokens.user(t, "13830000002");
        wang = Tokens.user(t, "13830000003");
        secretary = People.staff(t, admin, "sec-x", Role.CADRE, X);
        cadre = People.staff(t, admin, "cadre-x", Role.CADRE, X);
        town = People.staff(t, admin, "town-x", Role.TOWN_OFFICIAL, People.TOWN);
        member(admin, X, Map.of("staff", "sec-x")).then().statusCode(201).body("kind", equalTo("STAFF"));
        member(town, X, Map.of("resident", "13830000001")).then().statusCode(201).body("kind", equalTo("RESIDENT"));
        member(admin, People.VILLAGE_Y, Map.of("resident", "13830000003")).then().statusCode(201);
        meeting = ((Number) given().auth().oauth2(secretary).contentType(ContentType.JSON).body(Map.of("village", X,
                "title", "十一月主题党日", "minutes", "会议学习了有关文件，讨论了村道修缮方案。")).post(path()).then()
                .statusCode(201).extract().path("id")).longValue();
    }

    private String path() {
        return "/api/t/" + t + "/branch-meetings";
    }

    private Response member(String token, String village, Map<String, String> who) {
        Map<String, String> body = new HashMap<>(who);
        body.put("village", village);
        return given().auth().oauth2(token).contentType(ContentType.JSON).body(body).post(path() + "/members");
    }

    @Test
    void theBranchsMembersReadTheMinutesLikeOnceAndComment() {
        given().auth().oauth2(zhang).get(path()).then().statusCode(200).body("items.id", hasItem((int) meeting));
        given().auth().oauth2(zhang).get(path() + "/" + meeting).then().statusCode(200)
                .body("minutes", equalTo("会议学习了有关文件，讨论了村道修缮方案。"));
        int before = given().auth().oauth2(zhang).delete(path() + "/" + meeting + "/likes").then().statusCode(200)
                .body("liked", equalTo(false)).extract().path("likes");
        given().auth().oauth2(zhang).post(path() + "/" + meeting + "/likes").then().statusCode(201)
                .body("likes", equalTo(before + 1)).body("liked", equalTo(true));
        given().auth().oauth2(zhang).post(path() + "/" + meeting + "/likes").then().statusCode(409);
        given().auth().oauth2(secretary).post(path() + "/" + meeting + "/likes").then().statusCode(201)
                .body("likes", equalTo(before + 2));
        given().auth().oauth2(zhang).contentType(ContentType.JSON).body(Map.of("body", SCRIPT))
                .post(path() + "/" + meeting + "/comments").then().statusCode(201).body("body", equalTo(SCRIPT));
        given().auth().oauth2(secretary).get(path() + "/" + meeting).then().body("comments.body", hasItem(SCRIPT));
    }

    @Test
    void nobodyElseSeesTheBranchWhateverTheirRole() {
        given().auth().oauth2(li).get(path() + "/" + meeting).then().statusCode(404);
        given().auth().oauth2(li).get(path()).then().statusCode(403);
        given().auth().oauth2(wang).get(path() + "/" + meeting).then().statusCode(404);
        given().auth().oauth2(cadre).get(path() + "/" + meeting).then().statusCode(404);
        given().auth().oauth2(town).get(path() + "/" + meeting).then().statusCode(404);
        given().auth().oauth2(li).post(path() + "/" + meeting + "/likes").then().statusCode(404);
        given().auth().oauth2(cadre).contentType(ContentType.JSON).body(Map.of("village", X, "title", "x", "minutes", "y"))
                .post(path()).then().statusCode(403);
    }

    @Test
    void membershipIsKeptByTheCountyOrTheTownAndIsOneBranchEach() {
        member(secretary, X, Map.of("resident", "13830000002")).then().statusCode(403);
        member(admin, People.VILLAGE_Y, Map.of("resident", "13830000001")).then().statusCode(409);
        member(admin, X, Map.of("resident", "13899999999")).then().statusCode(422);
        member(admin, X, Map.of("resident", "13830000002", "staff", "cadre-x")).then().statusCode(422);
        given().auth().oauth2(town).get(path() + "/members?village=" + X).then().statusCode(200)
                .body("kind", hasItem("RESIDENT")).body("kind", hasItem("STAFF"));
        given().auth().oauth2(li).get(path() + "/members?village=" + X).then().statusCode(403);
    }

    @Test
    void aMemberReadsLikesAndCommentsFromThePhonePageWithCommentsEscaped() throws Exception {
        Browser phone = new Browser();
        String base = "http://127.0.0.1:" + RestAssured.port;
        assertEquals(200, phone.logIn(base, t, "13830000003", "Test-pass-1").statusCode());
        HttpResponse<String> list = phone.go(HttpRequest.newBuilder(URI.create(base + "/t/" + t + "/branch")));
        assertEquals(200, list.statusCode(), list.body());
        given().auth().oauth2(zhang).contentType(ContentType.JSON).body(Map.of("body", SCRIPT))
                .post(path() + "/" + meeting + "/comments").then().statusCode(201);
        given().auth().oauth2(zhang).delete(path() + "/" + meeting + "/likes").then().statusCode(200);
        Browser member = new Browser();
        assertEquals(200, member.logIn(base, t, "13830000001", "Test-pass-1").statusCode());
        HttpResponse<String> page = member.go(HttpRequest.newBuilder(URI.create(base + "/t/" + t + "/branch/" + meeting)));
        assertEquals(200, page.statusCode(), page.body());
        assertTrue(page.body().contains("&lt;script&gt;alert(1)&lt;/script&gt;学习了") && !page.body().contains("<script>alert"));
        HttpResponse<String> liked = member.go(HttpRequest.newBuilder(URI.create(base + "/t/" + t + "/branch/" + meeting
                + "/likes")).header("Origin", base).header("Accept", "text/html")
                .header("Content-Type", "application/x-www-form-urlencoded").POST(HttpRequest.BodyPublishers.ofString(
                        "_csrf=" + URLEncoder.encode(Browser.token(page.body()), StandardCharsets.UTF_8))));
        assertEquals(200, liked.statusCode(), liked.body());
        assertTrue(liked.body().contains("name=\"undo\""), "liked: the button now takes the like back");
        assertEquals(404, phone.go(HttpRequest.newBuilder(URI.create(base + "/t/" + t + "/branch/" + meeting))).statusCode(),
                "another branch's member finds nothing");
    }
}
