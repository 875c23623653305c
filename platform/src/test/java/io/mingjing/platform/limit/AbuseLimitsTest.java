package io.mingjing.platform.limit;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.notNullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.mingjing.platform.testing.Counties;
import io.mingjing.platform.testing.DevStack;
import io.mingjing.platform.testing.People;
import io.mingjing.platform.testing.Tokens;
import io.mingjing.platform.testing.WorkProof;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;

/**
 * Filing, reporting and tracking have per-county limits per caller and per address (429 with
 * Retry-After), an anonymous report costs a proof of work spent once, and an Idempotency-Key
 * belongs to whoever sent it.
 */
@QuarkusTest
@QuarkusTestResource(DevStack.class)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class AbuseLimitsTest {

    String t;
    String admin;
    String villager1;
    String villager2;

    @BeforeEach
    void arrange() {
        if (t != null) {
            return;
        }
        t = Counties.uniqueId("lim");
        String body = Counties.body(t, "330782").replace("\"modules\":[]", "\"modules\":[],\"limits\":{"
                + "\"appeal.perCaller\":4,\"anonymous.perAddress\":3,\"track.perAddress\":6,\"appeal.perAddress\":1000}");
        given().auth().oauth2(Tokens.operator()).contentType(ContentType.JSON).body(body).post("/api/platform/tenants")
                .then().statusCode(201);
        admin = Tokens.countyAdmin(t);
        People.orgUnits(t, admin);
        People.villagers(t, admin, "13711000");
        villager1 = Tokens.user(t, "13711000001");
        villager2 = Tokens.user(t, "13711000002");
    }

    private static Map<String, Object> complaint(String subject) {
        return Map.of("kind", "COMPLAINT", "category", "village-affairs", "subject", subject, "body", "路灯坏了",
                "village", People.VILLAGE_X);
    }

    private static Map<String, Object> report(String subject) {
        return Map.of("kind", "REPORT", "category", "discipline", "subject", subject, "body", "有人收红包",
                "village", People.VILLAGE_X);
    }

    private Response file(String token, Object body, String key, String proof) {
        var r = given().contentType(ContentType.JSON).body(body);
        if (token != null) {
            r.auth().oauth2(token);
        }
        if (key != null) {
            r.header("Idempotency-Key", key);
        }
        if (proof != null) {
            r.header("Work-Proof", proof);
        }
        return r.post("/api/t/" + t + "/appeals");
    }

    @Test
    void anIdempotencyKeyBelongsToItsCaller() {
        String key = UUID.randomUUID().toString();
        Map<String, Object> body = complaint("同一个键");
        String first = file(villager1, body, key, null).then().statusCode(201).extract().path("trackingNo");
        file(villager1, body, key, null).then().statusCode(201).header("Idempotent-Replayed", "true")
                .body("trackingNo", equalTo(first));
        Response other = file(villager2, body, key, null);
        other.then().statusCode(201).header("Idempotent-Replayed", "false");
        assertNotEquals(first, other.path("trackingNo"));
        file(villager2, complaint("另一个内容"), key + "x", null).then().statusCode(201);
        // an anonymous filer cannot replay anyone's receipt with their key
        String anonymous = file(null, report("匿名一"), key, WorkProof.header(t)).then().statusCode(201)
                .extract().path("trackingNo");
        assertNotEquals(first, anonymous);
    }

    @Test
    void oneAccountFilesOnlyItsCountysNumberOfCasesAMinute() {
        String token = Tokens.user(t, "13711000003");
        int created = 0;
        Response r = null;
        for (int i = 0; i < 10; i++) {
            r = file(token, complaint("第" + i + "件"), null, null);
            if (r.statusCode() != 201) {
                break;
            }
            created++;
        }
        assertTrue(created <= 4, "created " + created);
        r.then().statusCode(429).contentType("application/problem+json").header("Retry-After", notNullValue())
                .body("status", equalTo(429)).body("detail", containsString("try again"));
        int wait = Integer.parseInt(r.header("Retry-After"));
        assertTrue(wait >= 1 && wait <= 60, "Retry-After " + wait);
    }

    @Test
    void anAnonymousReportCostsAProofOfWorkSpentOnce() {
        file(null, report("无证明"), null, null).then().statusCode(400).body("errors.proof", notNullValue());
        file(null, report("伪造"), null, "forged.1.abc 1").then().statusCode(400).body("errors.proof", notNullValue());
        String challenge = given().get("/api/t/" + t + "/appeals/challenge").then().statusCode(200).extract().path("challenge");
        // no work done and no waiting: refused
        file(null, report("没算"), null, challenge).then().statusCode(400);
        String proof = challenge + " " + WorkProof.solve(challenge, 16);
        file(null, report("算了"), null, proof).then().statusCode(201).body("receiptCode", notNullValue());
        file(null, report("再用一次"), null, proof).then().statusCode(400).body("detail", containsString("used already"));
        // a challenge of another county is not one of this county's
        String elsewhere = Counties.onboard("lim2");
        file(null, report("别县的"), null, WorkProof.header(elsewhere)).then().statusCode(400);
    }

    @Test
    @Order(Integer.MAX_VALUE) // spends the address's anonymous reports for this minute
    void anAddressFilesOnlyAFewAnonymousReportsAMinute() {
        int status = 0;
        for (int i = 0; i < 6 && status != 429; i++) {
            status = file(null, report("连发" + i), null, WorkProof.header(t)).statusCode();
        }
        assertEquals(429, status);
    }

    @Test
    void receiptCodesCannotBeGuessedAtSpeed() {
        String no = file(villager1, complaint("查询"), null, null).then().statusCode(201).extract().path("trackingNo");
        int status = 0;
        int tries = 0;
        while (status != 429 && tries < 20) {
            status = given().queryParam("code", "GUESS" + tries++).get("/api/t/" + t + "/appeals/track/" + no).statusCode();
        }
        assertEquals(429, status);
        assertTrue(tries <= 7, "tries " + tries);
        given().queryParam("code", "GUESS").get("/api/t/" + t + "/appeals/track/" + no).then().statusCode(429)
                .header("Retry-After", notNullValue()).body("detail", not(containsString(no)));
    }

    @Test
    void unknownLimitsAreRefusedAtOnboarding() {
        String id = Counties.uniqueId("lim");
        String body = Counties.body(id, "330782").replace("\"modules\":[]", "\"modules\":[],\"limits\":{\"nope\":3,"
                + "\"track.perAddress\":0}");
        given().auth().oauth2(Tokens.operator()).contentType(ContentType.JSON).body(body).post("/api/platform/tenants")
                .then().statusCode(400).contentType("application/problem+json");
        given().auth().oauth2(Tokens.operator()).contentType(ContentType.JSON)
                .body(Counties.body(id, "330782").replace("\"modules\":[]", "\"modules\":[],\"limits\":{\"nope\":3}"))
                .post("/api/platform/tenants").then().statusCode(422).body("errors.'limits.nope'", notNullValue());
    }
}
