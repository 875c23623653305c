package io.mingjing.platform.registry;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.endsWith;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.greaterThan;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasKey;
import static org.hamcrest.Matchers.notNullValue;

import io.mingjing.platform.testing.Counties;
import io.mingjing.platform.testing.DevStack;
import io.mingjing.platform.testing.Postgres;
import io.mingjing.platform.testing.Tokens;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.specification.RequestSpecification;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

@QuarkusTest
@QuarkusTestResource(DevStack.class)
class OnboardingTest {

    private static RequestSpecification operator() {
        return given().auth().oauth2(Tokens.operator()).contentType(ContentType.JSON);
    }

    @Test
    void onboardsACountyWithItsOwnSchemaAndRole() {
        String id = Counties.uniqueId("ob");
        operator().body(Counties.body(id, "330782")).post("/api/platform/tenants").then()
                .statusCode(201).contentType(ContentType.JSON)
                .header("Location", endsWith("/api/platform/tenants/" + id))
                .body("id", equalTo(id)).body("status", equalTo("ACTIVE")).body("name", equalTo("测试县"))
                .body("schemaVersion", greaterThan(0)).body("createdAt", notNullValue());
        operator().get("/api/platform/tenants/" + id).then().statusCode(200).body("status", equalTo("ACTIVE"));
        operator().get("/api/platform/tenants").then().statusCode(200).body("id", hasItem(id));
        given().get("/api/t/" + id + "/org-units").then().statusCode(200);
        given().get("/api/t/" + id + "/audit/verify").then().statusCode(200).body("ok", equalTo(true))
                .body("entries", equalTo(1));
        String schema = "t_" + id.replace('-', '_');
        Postgres.exec(DevStack.DATABASE, "DO $$ BEGIN IF (SELECT nspowner::regrole::text FROM pg_namespace WHERE nspname = '"
                + schema + "') <> '" + schema + "' THEN RAISE EXCEPTION 'schema not owned by its county role'; END IF; END $$");
    }

    @Test
    void aDuplicateIdIsAConflictAndChangesNothing() {
        String id = Counties.onboard("dup");
        operator().body(Counties.body(id, "500105").replace("测试县", "别的县")).post("/api/platform/tenants").then()
                .statusCode(409).contentType("application/problem+json").body("status", equalTo(409))
                .body("detail", containsString(id));
        operator().get("/api/platform/tenants/" + id).then().body("name", equalTo("测试县"))
                .body("regionCode", equalTo("330782"));
    }

    @ParameterizedTest
    @ValueSource(strings = { "../x", "a;drop table x", "Yiwu", "t_", "义乌", "x" })
    void malformedIdsAreRejectedBeforeAnySql(String id) {
        operator().body(Counties.body(id, "330782")).post("/api/platform/tenants").then()
                .statusCode(400).contentType("application/problem+json").body("errors", hasKey("id"));
        operator().get("/api/platform/tenants").then().body("id", org.hamcrest.Matchers.not(hasItem(id)));
    }

    @Test
    void aTwoHundredCharacterIdIsRejected() {
        String id = "a".repeat(200);
        operator().body(Counties.body(id, "330782")).post("/api/platform/tenants").then().statusCode(400)
                .body("errors.id", containsString("2-31"));
        given().get("/api/t/" + id + "/org-units").then().statusCode(404).contentType("application/problem+json");
    }

    @Test
    void anEmptyBodyIsABadRequest() {
        operator().post("/api/platform/tenants").then().statusCode(400).contentType("application/problem+json");
    }

    @Test
    void malformedJsonIsABadRequest() {
        operator().body("{\"id\": \"x\", ").post("/api/platform/tenants").then().statusCode(400)
                .contentType("application/problem+json").body("title", equalTo("Bad Request"))
                .body("detail", org.hamcrest.Matchers.not(containsString("at ")));
    }

    @Test
    void aWrongRegionCodeIsNamed() {
        String id = Counties.uniqueId("rc");
        operator().body(Counties.body(id, "33078")).post("/api/platform/tenants").then().statusCode(400)
                .body("errors", hasKey("regionCode"));
        operator().body(Counties.body(id, "990782")).post("/api/platform/tenants").then().statusCode(422)
                .body("errors.regionCode", containsString("province"));
        operator().body(Counties.body(id, "330700")).post("/api/platform/tenants").then().statusCode(422);
        operator().get("/api/platform/tenants/" + id).then().statusCode(404);
    }

    @Test
    void anUnknownModuleIsRejected() {
        String id = Counties.uniqueId("mod");
        operator().body(Counties.body(id, "330782").replace("\"modules\":[]", "\"modules\":[\"no-such\"]"))
                .post("/api/platform/tenants").then().statusCode(422).body("errors", hasKey("modules[0]"));
    }

    @Test
    void operatorApiNeedsAnOperatorToken() {
        given().get("/api/platform/tenants").then().statusCode(401).contentType("application/problem+json");
        given().auth().oauth2("not-a-token").get("/api/platform/tenants").then().statusCode(401);
    }

    @Test
    void unknownAndMalformedCountiesAre404OnCountyPaths() {
        for (String path : List.of("/api/t/nope-nope/org-units", "/api/t/Yiwu/org-units", "/t/..%2Fx/",
                "/api/t/a%3Bdrop/org-units")) {
            given().get(path).then().statusCode(404).contentType("application/problem+json");
        }
    }

    @Test
    void aSuspendedCountyAnswers503UntilResumed() {
        String id = Counties.onboard("sus");
        operator().post("/api/platform/tenants/" + id + "/suspend").then().statusCode(200)
                .body("status", equalTo("SUSPENDED"));
        given().get("/api/t/" + id + "/org-units").then().statusCode(503).contentType("application/problem+json")
                .body("detail", containsString("suspended"));
        operator().post("/api/platform/tenants/" + id + "/resume").then().statusCode(200)
                .body("status", equalTo("ACTIVE"));
        given().get("/api/t/" + id + "/org-units").then().statusCode(200);
        given().get("/api/t/" + id + "/audit/verify").then().body("ok", equalTo(true)).body("entries", equalTo(3));
    }

    @Test
    void onlyFailedCountiesCanBeRetried() {
        String id = Counties.onboard("rt");
        operator().post("/api/platform/tenants/" + id + "/retry").then().statusCode(422)
                .body("title", equalTo("Invalid state"));
    }
}
