package io.mingjing.platform.disclosure;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.notNullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.mingjing.platform.audit.AuditEntry;
import io.mingjing.platform.testing.DevStack;
import io.mingjing.platform.testing.People;
import io.mingjing.platform.testing.TransparencyCounty;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/** Disclosures: review before publishing, versions instead of edits, receipts, and who sees what. */
@QuarkusTest
@QuarkusTestResource(DevStack.class)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class DisclosureTest {

    TransparencyCounty c;

    @BeforeEach
    void arrange() {
        if (c == null) {
            c = new TransparencyCounty("dsc", "13911000");
        }
    }

    static String draft(String title, String visibility) {
        return """
                {"category":"FINANCE","title":"%s","period":"2024年第3季度","body":"本季度收支如下。",
                 "visibility":"%s","lines":[{"label":"上级补助","kind":"INCOME","amount":12000.50},
                 {"label":"道路维修","kind":"EXPENSE","amount":8000}]}""".formatted(title, visibility);
    }

    long create(String village, String cadre, String title, String visibility) {
        return given().auth().oauth2(c.token(cadre)).contentType(ContentType.JSON).body(draft(title, visibility))
                .post(c.api() + "/villages/" + village + "/disclosures").then().statusCode(201)
                .body("status", equalTo("DRAFT")).extract().jsonPath().getLong("id");
    }

    long published(String village, String cadre, String title, String visibility) {
        long id = create(village, cadre, title, visibility);
        given().auth().oauth2(c.token(cadre)).post(c.api() + "/disclosures/" + id + "/submit").then().statusCode(200)
                .body("status", equalTo("SUBMITTED"));
        given().auth().oauth2(c.token("townx")).post(c.api() + "/disclosures/" + id + "/publish").then()
                .statusCode(200).body("status", equalTo("PUBLISHED")).body("auditHash", notNullValue());
        return id;
    }

    @Test
    void draftsAreInvisibleUntilATownOfficialPublishesThemWithAVerifiableReceipt() throws Exception {
        long id = create(People.VILLAGE_X, "cadrex", "三季度财务公开", "PUBLIC");
        String one = c.api() + "/disclosures/" + id;
        given().get(one).then().statusCode(404);
        given().auth().oauth2(c.villagerX()).get(one).then().statusCode(404);
        given().auth().oauth2(c.token("cadrey")).get(one).then().statusCode(404);
        given().get(c.api() + "/villages/" + People.VILLAGE_X + "/disclosures").then().statusCode(200)
                .body("id", not(hasItem((int) id)));
        // not submitted yet: the town cannot publish
        given().auth().oauth2(c.token("townx")).post(one + "/publish").then().statusCode(422);
        given().auth().oauth2(c.token("cadrex")).post(one + "/submit").then().statusCode(200);
        given().get(one).then().statusCode(404);

        JsonPath p = given().auth().oauth2(c.token("townx")).post(one + "/publish").then().statusCode(200)
                .extract().jsonPath();
        String hash = p.getString("auditHash");
        given().get(one).then().statusCode(200).body("auditHash", equalTo(hash)).body("income", equalTo(12000.50f))
                .body("versions", hasSize(1));
        given().get(c.api() + "/villages/" + People.VILLAGE_X + "/disclosures").then().body("id", hasItem((int) id));

        JsonPath r = given().get(one + "/receipt").then().statusCode(200).extract().jsonPath();
        assertEquals(hash, r.getString("hash"));
        assertEquals(AuditEntry.sha256(r.getString("payload").getBytes(StandardCharsets.UTF_8)),
                r.getString("payloadDigest"));
        String recomputed = AuditEntry.sha256(String.join("\n", r.getString("prevHash"), r.getString("seq"),
                r.getString("at"), r.getString("actor"), r.getString("action"), r.getString("entity"),
                r.getString("entityId"), r.getString("payloadDigest")));
        assertEquals(hash, recomputed);
        given().get(c.api() + "/audit/verify").then().statusCode(200).body("ok", equalTo(true));
    }

    @Test
    void aCadreCannotPublishNorDraftForAnotherVillage() {
        long id = create(People.VILLAGE_X, "cadrex", "村务公开", "PUBLIC");
        given().auth().oauth2(c.token("cadrex")).post(c.api() + "/disclosures/" + id + "/submit").then()
                .statusCode(200);
        // the own cadre may not publish (review first); the other village's cadre does not even see it
        given().auth().oauth2(c.token("cadrex")).post(c.api() + "/disclosures/" + id + "/publish").then()
                .statusCode(403);
        given().auth().oauth2(c.token("cadrey")).post(c.api() + "/disclosures/" + id + "/publish").then()
                .statusCode(404);
        given().auth().oauth2(c.token("townz")).post(c.api() + "/disclosures/" + id + "/publish").then()
                .statusCode(404);
        given().auth().oauth2(c.villagerX()).post(c.api() + "/disclosures/" + id + "/publish").then()
                .statusCode(404);
        given().auth().oauth2(c.token("cadrey")).contentType(ContentType.JSON).body(draft("越权", "PUBLIC"))
                .post(c.api() + "/villages/" + People.VILLAGE_X + "/disclosures").then().statusCode(403);
        given().auth().oauth2(c.villagerX()).contentType(ContentType.JSON).body(draft("越权", "PUBLIC"))
                .post(c.api() + "/villages/" + People.VILLAGE_X + "/disclosures").then().statusCode(403);
        given().contentType(ContentType.JSON).body(draft("匿名", "PUBLIC"))
                .post(c.api() + "/villages/" + People.VILLAGE_X + "/disclosures").then().statusCode(401);
        given().get(c.api() + "/disclosures/" + id).then().statusCode(404);
    }

    @Test
    void residentOnlyDisclosuresAndAttachmentsReachOnlyTheVillageAndItsStaff() {
        long id = create(People.VILLAGE_X, "cadrex", "住户专栏：集体收益分配", "RESIDENTS");
        long file = given().auth().oauth2(c.token("cadrex")).contentType("application/pdf")
                .body("%PDF-1.4 凭证".getBytes(StandardCharsets.UTF_8))
                .queryParam("filename", "凭证.pdf").post(c.api() + "/disclosures/" + id + "/attachments").then()
                .statusCode(201).extract().jsonPath().getLong("id");
        given().auth().oauth2(c.token("cadrex")).post(c.api() + "/disclosures/" + id + "/submit").then()
                .statusCode(200);
        given().auth().oauth2(c.token("townx")).post(c.api() + "/disclosures/" + id + "/publish").then()
                .statusCode(200);
        String one = c.api() + "/disclosures/" + id;
        String feed = c.api() + "/villages/" + People.VILLAGE_X + "/disclosures";
        for (String token : new String[] { null, c.villagerY(), c.token("cadrey"), c.token("townz") }) {
            var req = token == null ? given() : given().auth().oauth2(token);
            req.get(one).then().statusCode(404);
            (token == null ? given() : given().auth().oauth2(token)).get(one + "/attachments/" + file).then()
                    .statusCode(404);
            (token == null ? given() : given().auth().oauth2(token)).get(one + "/receipt").then().statusCode(404);
            (token == null ? given() : given().auth().oauth2(token)).get(feed).then().statusCode(200)
                    .body("id", not(hasItem((int) id)));
        }
        for (String token : new String[] { c.villagerX(), c.token("cadrex"), c.token("townx"), c.token("dept") }) {
            given().auth().oauth2(token).get(one).then().statusCode(200).body("visibility", equalTo("RESIDENTS"));
            given().auth().oauth2(token).get(feed).then().body("id", hasItem((int) id));
            String body = new String(given().auth().oauth2(token).get(one + "/attachments/" + file).then()
                    .statusCode(200).extract().asByteArray(), StandardCharsets.UTF_8);
            assertEquals("%PDF-1.4 凭证", body);
        }
    }

    @Test
    void aReturnedDraftIsFixedAndAPublishedVersionIsCorrectedNeverEdited() {
        long id = create(People.VILLAGE_X, "cadrex", "党费收缴情况", "PUBLIC");
        String one = c.api() + "/disclosures/" + id;
        given().auth().oauth2(c.token("cadrex")).post(one + "/submit").then().statusCode(200);
        given().auth().oauth2(c.token("townx")).contentType(ContentType.JSON).body("{}").post(one + "/return").then()
                .statusCode(400);
        given().auth().oauth2(c.token("townx")).contentType(ContentType.JSON).body("{\"reason\":\"金额有误\"}")
                .post(one + "/return").then().statusCode(200).body("status", equalTo("RETURNED"))
                .body("returnReason", equalTo("金额有误"));
        given().auth().oauth2(c.token("cadrex")).contentType(ContentType.JSON).body(draft("党费收缴情况（修订）", "PUBLIC"))
                .put(one).then().statusCode(200);
        given().auth().oauth2(c.token("cadrex")).post(one + "/submit").then().statusCode(200);
        given().auth().oauth2(c.token("townx")).post(one + "/publish").then().statusCode(200);

        // published: no edits in place
        given().auth().oauth2(c.token("cadrex")).contentType(ContentType.JSON).body(draft("改", "PUBLIC")).put(one)
                .then().statusCode(422);
        given().auth().oauth2(c.token("cadrex")).contentType(ContentType.JSON)
                .body("{\"category\":\"PARTY\",\"title\":\"党费收缴情况\",\"body\":\"更正后的正文\"}")
                .post(one + "/corrections").then().statusCode(400);
        long v2 = given().auth().oauth2(c.token("cadrex")).contentType(ContentType.JSON)
                .body("{\"reason\":\"道路维修金额录入错误\",\"category\":\"PARTY\",\"title\":\"党费收缴情况\",\"body\":\"更正后的正文\"}")
                .post(one + "/corrections").then().statusCode(201).body("version", equalTo(2))
                .body("series", equalTo((int) id)).extract().jsonPath().getLong("id");
        given().get(c.api() + "/disclosures/" + v2).then().statusCode(404);
        given().auth().oauth2(c.token("cadrex")).post(c.api() + "/disclosures/" + v2 + "/submit").then()
                .statusCode(200);
        given().auth().oauth2(c.token("townx")).post(c.api() + "/disclosures/" + v2 + "/publish").then()
                .statusCode(200);

        given().get(one).then().statusCode(200).body("supersededBy", equalTo((int) v2))
                .body("body", equalTo("本季度收支如下。")).body("versions", hasSize(2));
        given().get(c.api() + "/disclosures/" + v2).then().statusCode(200)
                .body("correctionReason", equalTo("道路维修金额录入错误")).body("versions.version", equalTo(List.of(1, 2)));
        List<Integer> feed = given().get(c.api() + "/villages/" + People.VILLAGE_X + "/disclosures").then()
                .extract().jsonPath().getList("id");
        assertTrue(feed.contains((int) v2) && !feed.contains((int) id), feed.toString());
        given().auth().oauth2(c.token("townx")).get(c.api() + "/disclosures/work?status=SUBMITTED").then()
                .statusCode(200);
    }

    @Test
    void badInputIsAProblemNotAServerError() {
        given().auth().oauth2(c.token("cadrex")).contentType(ContentType.JSON)
                .body("{\"category\":\"OTHER\",\"title\":\"\",\"body\":\"x\",\"lines\":[{\"label\":\"a\",\"kind\":\"X\",\"amount\":-1}]}")
                .post(c.api() + "/villages/" + People.VILLAGE_X + "/disclosures").then().statusCode(400)
                .contentType("application/problem+json").body("errors.category", notNullValue())
                .body("errors.'lines[0].amount'", notNullValue());
        given().get(c.api() + "/villages/999999999999/disclosures").then().statusCode(404);
        given().get(c.api() + "/villages/" + People.VILLAGE_X + "/disclosures?category=NOPE").then().statusCode(400);
        given().get(c.api() + "/disclosures/987654321").then().statusCode(404);
    }
}
