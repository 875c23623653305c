package io.mingjing.platform.consultation;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasKey;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.mingjing.platform.identity.Role;
import io.mingjing.platform.tenancy.TenantIds;
import io.mingjing.platform.testing.Browser;
import io.mingjing.platform.testing.Counties;
import io.mingjing.platform.testing.DevStack;
import io.mingjing.platform.testing.People;
import io.mingjing.platform.testing.Postgres;
import io.mingjing.platform.testing.Tokens;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import jakarta.inject.Inject;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/** 码上协商 against real Keycloak and PostgreSQL: residents only, one secret ballot each, the county's quorum. */
@QuarkusTest
@QuarkusTestResource(DevStack.class)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ConsultationTest {

    static final String X = People.VILLAGE_X;
    static final String SCRIPT = "<script>alert('x')</script> 同意修路";

    @Inject
    ConsultationClosing closing;

    String t;
    String admin;
    String zhang; // registered in X
    String li; // registered and living in X
    String wang; // of village Y
    String cadre;
    String cadreY;

    @BeforeEach
    void arrange() {
        if (t != null) {
            return;
        }
        Counties.awaitDemoCounties(); // a county onboarded meanwhile waits on a busy Keycloak
        t = Counties.onboard("csl");
        admin = Tokens.countyAdmin(t);
        People.orgUnits(t, admin);
        People.villagers(t, admin, "13810000");
        zhang = Tokens.user(t, "13810000001");
        li = Tokens.user(t, "13810000002");
        wang = Tokens.user(t, "13810000003");
        cadre = People.staff(t, admin, "cadre-x", Role.CADRE, X);
        cadreY = People.staff(t, admin, "cadre-y", Role.CADRE, People.VILLAGE_Y);
    }

    private String path() {
        return "/api/t/" + t + "/consultations";
    }

    private Response raise(String token, String title) {
        return given().auth().oauth2(token).contentType(ContentType.JSON).body(Map.of("village", X, "title", title,
                "body", "村里拟硬化村东道路，是否同意？")).post(path());
    }

    private long openVote(String title) {
        long id = ((Number) raise(cadre, title).then().statusCode(201).body("state", equalTo("OPEN")).extract()
                .path("id")).longValue();
        given().auth().oauth2(cadre).contentType(ContentType.JSON).body(Map.of("until", Instant.now().plusSeconds(3600)
                .toString())).post(path() + "/" + id + "/voting").then().statusCode(200).body("state", equalTo("VOTING"));
        return id;
    }

    private Response vote(String token, long id, Object choice) {
        return given().auth().oauth2(token).contentType(ContentType.JSON).body(Map.of("choice", choice))
                .post(path() + "/" + id + "/ballots");
    }

    private void timeIsUp(long id) {
        Postgres.exec(DevStack.DATABASE, "UPDATE " + TenantIds.schema(t) + ".consultation SET voting_until = now() - "
                + "interval '1 second' WHERE id = " + id);
    }

    private long count(String sql) {
        return Counties.count(t, sql);
    }

    @Test
    void eachResidentVotesOnceInSecretAndTheCountIsPublishedWithTheResolution() {
        long id = openVote("村东道路硬化");
        vote(zhang, id, 0).then().statusCode(201).body("voted", equalTo(true));
        vote(li, id, 1).then().statusCode(201);
        vote(zhang, id, 1).then().statusCode(409);
        given().auth().oauth2(zhang).get(path() + "/" + id).then().statusCode(200).body("voted", equalTo(true))
                .body("result", nullValue());

        assertEquals(2, count("SELECT count(*) FROM $s.consultation_voter WHERE consultation_id = " + id));
        assertEquals(0, count("SELECT count(*) FROM $s.consultation_voter v JOIN $s.consultation_ballot b "
                + "ON b.xmin = v.xmin"), "no plain ballot shares a voter's transaction");
        assertEquals(0, count("SELECT count(*) FROM information_schema.columns WHERE table_schema = '"
                + TenantIds.schema(t) + "' AND table_name LIKE 'consultation_ballot%' AND column_name NOT IN "
                + "('id', 'consultation_id', 'sealed', 'choice')"), "a ballot has no voter, no time");

        timeIsUp(id);
        vote(li, id, 0).then().statusCode(422).body("title", equalTo("Voting closed"));
        given().auth().oauth2(zhang).post(path() + "/" + id + "/count").then().statusCode(403);
        given().auth().oauth2(cadre).post(path() + "/" + id + "/count").then().statusCode(200)
                .body("state", equalTo("CLOSED")).body("result.counts.赞成", equalTo(1))
                .body("result.counts.反对", equalTo(1)).body("result.cast", equalTo(2))
                .body("result.eligible", equalTo(2)).body("result.quorumMet", equalTo(true))
                .body("result.passed", equalTo(false));
        assertEquals(0, count("SELECT count(*) FROM $s.consultation_ballot_box WHERE consultation_id = " + id));
        assertEquals(2, count("SELECT count(*) FROM $s.consultation_ballot WHERE consultation_id = " + id));
        assertEquals(0, count("SELECT count(*) FROM $s.consultation_voter v JOIN $s.consultation_ballot b "
                + "ON b.xmin = v.xmin WHERE b.consultation_id = " + id), "the count wrote the ballots in its own transaction");
        assertEquals(1, count("SELECT count(*) FROM $s.audit_entry WHERE action = 'consultation.counted' AND entity_id = '"
                + id + "'"));

        given().auth().oauth2(cadre).contentType(ContentType.JSON).body(Map.of("text", "暂缓硬化，下季度再议",
                "task", Map.of("title", "重新测算道路硬化费用", "deadline", LocalDate.now().plusDays(30).toString()),
                "disclosure", true)).post(path() + "/" + id + "/resolution").then().statusCode(200)
                .body("state", equalTo("RESOLVED")).body("taskId", notNullValue()).body("disclosureId", notNullValue());
        long task = ((Number) given().auth().oauth2(cadre).get(path() + "/" + id).then().extract().path("taskId")).longValue();
        given().auth().oauth2(cadre).get("/api/t/" + t + "/tasks/" + task).then().statusCode(200)
                .body("unit", equalTo(X)).body("source", equalTo("consultation:" + id));
    }

    @Test
    void onlyTheVillagesOwnResidentsVote() {
        long id = openVote("村委会换届选举办法");
        vote(wang, id, 0).then().statusCode(404); // a resident of another village: the topic is not theirs to see
        vote(cadre, id, 0).then().statusCode(403); // the committee runs the vote, it is not a resident
        vote(cadreY, id, 0).then().statusCode(404);
        vote(li, id, 7).then().statusCode(422).body("errors", hasKey("choice"));
        vote(li, id, "赞成").then().statusCode(400);
        given().auth().oauth2(wang).get(path() + "?village=" + X).then().statusCode(400);
        given().contentType(ContentType.JSON).body(Map.of("choice", 0)).post(path() + "/" + id + "/ballots").then()
                .statusCode(401);
    }

    @Test
    void aCommentIsKeptAsWrittenAndTheCommitteeHidesItWithANote() {
        long id = openVote("村规民约修订");
        long c = ((Number) given().auth().oauth2(zhang).contentType(ContentType.JSON).body(Map.of("body", SCRIPT))
                .post(path() + "/" + id + "/comments").then().statusCode(201).body("body", equalTo(SCRIPT)).extract()
                .path("id")).longValue();
        assertEquals(1, count("SELECT count(*) FROM $s.consultation_comment WHERE body = '" + SCRIPT.replace("'", "''")
                + "'"), "stored raw");
        given().auth().oauth2(li).contentType(ContentType.JSON).body(Map.of("hidden", true, "note", "x"))
                .post(path() + "/" + id + "/comments/" + c + "/moderation").then().statusCode(403);
        given().auth().oauth2(cadre).contentType(ContentType.JSON).body(Map.of("hidden", true, "note", "含脚本代码"))
                .post(path() + "/" + id + "/comments/" + c + "/moderation").then().statusCode(200)
                .body("hidden", equalTo(true));
        given().auth().oauth2(li).get(path() + "/" + id).then().statusCode(200)
                .body("comments[0].body", nullValue()).body("comments[0].moderationNote", equalTo("含脚本代码"));
        assertEquals(1, count("SELECT count(*) FROM $s.audit_entry WHERE action = 'consultation.comment-hidden' AND "
                + "entity_id = '" + c + "'"));
        given().auth().oauth2(zhang).contentType(ContentType.JSON).body(Map.of("body", "a\u0000b"))
                .post(path() + "/" + id + "/comments").then().statusCode(400); // refused before it reaches the service
    }

    @Test
    void aResidentReadsTheDiscussionEscapedAndVotesFromThePhonePage() throws Exception {
        long id = openVote("村集体土地流转");
        given().auth().oauth2(zhang).contentType(ContentType.JSON).body(Map.of("body", SCRIPT))
                .post(path() + "/" + id + "/comments").then().statusCode(201);
        Browser phone = new Browser();
        assertEquals(200, phone.logIn(base(), t, "13810000002", "Test-pass-1").statusCode());
        String page = page(phone, "/consultations/" + id);
        assertTrue(page.contains("&lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt; 同意修路") && !page.contains("<script>alert"),
                "the comment is shown as written, escaped");
        assertTrue(page.contains("name=\"choice\"") && page.contains("赞成"), page);
        HttpResponse<String> voted = send(phone, "/consultations/" + id + "/ballots", Browser.token(page),
                Map.of("choice", "2"));
        assertEquals(200, voted.statusCode(), voted.body());
        assertTrue(voted.body().contains("您已投票") && !voted.body().contains("name=\"choice\""), "one ballot, then no form");
        assertEquals(409, send(phone, "/consultations/" + id + "/ballots", Browser.token(voted.body()),
                Map.of("choice", "0")).statusCode());
        assertTrue(page(phone, "/consultations").contains("/consultations/" + id));
        assertTrue(page(phone, "/v/" + X).contains("/consultations/" + id), "the village page's column lists it");
    }

    private String base() {
        return "http://127.0.0.1:" + RestAssured.port;
    }

    private String page(Browser phone, String path) throws Exception {
        HttpResponse<String> r = phone.go(HttpRequest.newBuilder(URI.create(base() + "/t/" + t + path)));
        assertEquals(200, r.statusCode(), r.body());
        return r.body();
    }

    private HttpResponse<String> send(Browser phone, String path, String token, Map<String, String> fields)
            throws Exception {
        StringBuilder body = new StringBuilder("_csrf=" + URLEncoder.encode(token, StandardCharsets.UTF_8));
        fields.forEach((k, v) -> body.append('&').append(k).append('=').append(URLEncoder.encode(v, StandardCharsets.UTF_8)));
        return phone.go(HttpRequest.newBuilder(URI.create(base() + "/t/" + t + path)).header("Origin", base())
                .header("Accept", "text/html").header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(body.toString())));
    }

    @Test
    void residentsProposeATopicAndTheCountysQuorumDecides() {
        given().auth().oauth2(admin).contentType(ContentType.JSON).body(Map.of("enabled", true, "settings",
                Map.of("proposal-supporters", 2, "quorum-percent", 60))).put("/api/t/" + t + "/admin/modules/consultations")
                .then().statusCode(200);
        try {
            long id = ((Number) raise(zhang, "增设路灯").then().statusCode(201).body("state", equalTo("PROPOSED"))
                    .body("supporters", equalTo(1)).extract().path("id")).longValue();
            given().auth().oauth2(zhang).post(path() + "/" + id + "/support").then().statusCode(409);
            given().auth().oauth2(wang).post(path() + "/" + id + "/support").then().statusCode(404);
            given().auth().oauth2(li).post(path() + "/" + id + "/support").then().statusCode(200)
                    .body("state", equalTo("OPEN"));
            given().auth().oauth2(cadre).contentType(ContentType.JSON).body(Map.of("until", Instant.now()
                    .plusSeconds(3600).toString())).post(path() + "/" + id + "/voting").then().statusCode(200)
                    .body("quorumPercent", equalTo(60));
            vote(zhang, id, 0).then().statusCode(201);
            timeIsUp(id);
            assertEquals(1, closing.closeDue(t), "the counting job counts a vote whose time is up");
            given().auth().oauth2(li).get(path() + "/" + id).then().statusCode(200).body("state", equalTo("CLOSED"))
                    .body("result.quorumMet", equalTo(false)).body("result.passed", equalTo(false));
            assertEquals(0, closing.closeDue(t), "and only once");
        } finally {
            given().auth().oauth2(admin).contentType(ContentType.JSON).body(Map.of("enabled", true, "settings",
                    Map.of("proposal-supporters", 10, "quorum-percent", 50)))
                    .put("/api/t/" + t + "/admin/modules/consultations").then().statusCode(200);
        }
        given().auth().oauth2(admin).contentType(ContentType.JSON).body(Map.of("settings", Map.of("quorum-percent", 0)))
                .put("/api/t/" + t + "/admin/modules/consultations").then().statusCode(422);
    }

    @Test
    void aTopicWithBadOptionsOrAVoteTooLongIsRefused() {
        given().auth().oauth2(cadre).contentType(ContentType.JSON).body(Map.of("village", X, "title", "x", "body", "y",
                "options", List.of("一"))).post(path()).then().statusCode(422).body("errors", hasKey("options"));
        given().auth().oauth2(cadre).contentType(ContentType.JSON).body(Map.of("village", People.VILLAGE_Z, "title", "x",
                "body", "y")).post(path()).then().statusCode(403);
        long id = ((Number) raise(cadre, "长期投票").then().statusCode(201).extract().path("id")).longValue();
        given().auth().oauth2(cadre).contentType(ContentType.JSON).body(Map.of("until", Instant.now().plusSeconds(
                86400L * 400).toString())).post(path() + "/" + id + "/voting").then().statusCode(422)
                .body("errors", hasKey("until"));
        vote(zhang, id, 0).then().statusCode(422);
    }

    @Test
    void anotherCountysAccountReadsNothingHere() {
        long id = openVote("跨县测试");
        String other = Counties.onboard("csx");
        String otherAdmin = Tokens.countyAdmin(other);
        int status = given().auth().oauth2(otherAdmin).get(path() + "/" + id).then().extract().statusCode();
        assertTrue(status == 401 || status == 403 || status == 404, "got " + status);
        given().auth().oauth2(otherAdmin).get("/api/t/" + other + "/consultations/" + id).then().statusCode(404);
    }
}
