package io.mingjing.platform.appeal;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.mingjing.platform.identity.Role;
import io.mingjing.platform.testing.Counties;
import io.mingjing.platform.testing.DevStack;
import io.mingjing.platform.testing.People;
import io.mingjing.platform.testing.Tokens;
import io.mingjing.platform.testing.WorkProof;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * No one but the inspectors can tell when a report (举报) is filed, read or handled: not from the
 * public audit chain, not from the appraisal.
 */
@QuarkusTest
@QuarkusTestResource(DevStack.class)
class ReportSideChannelTest {

    @Test
    void filingReadingAndHandlingReportsMovesNothingOthersCanSee() {
        String t = Counties.onboard("side");
        String admin = Tokens.countyAdmin(t);
        People.orgUnits(t, admin);
        String town = People.staff(t, admin, "town-1", Role.TOWN_OFFICIAL, People.TOWN);
        String dept = People.staff(t, admin, "dept-1", Role.DEPARTMENT_STAFF, null);
        String inspector = People.staff(t, admin, "inspector-1", Role.INSPECTOR, null);
        List<String> observers = List.of(admin, town, dept);
        String before = publicView(t, observers);
        long sealedBefore = sealedEntries(t, inspector);

        Map<String, Object> report = Map.of("kind", "REPORT", "category", "discipline", "subject", "优亲厚友",
                "body", "低保给了亲戚", "village", People.VILLAGE_X);
        String no = given().contentType(ContentType.JSON).header("Work-Proof", WorkProof.header(t)).body(report)
                .post("/api/t/" + t + "/appeals").then().statusCode(201).extract().path("trackingNo");
        given().auth().oauth2(inspector).get("/api/t/" + t + "/appeals/" + no).then().statusCode(200);
        given().auth().oauth2(inspector).contentType(ContentType.JSON).body(Map.of("to", "ACCEPTED", "note", "受理"))
                .post("/api/t/" + t + "/appeals/" + no + "/steps").then().statusCode(200);

        assertEquals(before, publicView(t, observers));
        assertTrue(sealedEntries(t, inspector) >= sealedBefore + 3, "filing, reading and accepting are sealed entries");
        given().auth().oauth2(admin).get("/api/t/" + t + "/audit/sealed/verify").then().statusCode(403);
        given().get("/api/t/" + t + "/audit/sealed/verify").then().statusCode(401);
        given().auth().oauth2(inspector).get("/api/t/" + t + "/appeals/appraisal").then().statusCode(200)
                .body("find { it.unit == 'inspectors' }.cases", equalTo(1));
    }

    /** All that the public and the other staff see of the county's counts. */
    private static String publicView(String t, List<String> observers) {
        StringBuilder seen = new StringBuilder(given().get("/api/t/" + t + "/audit/verify").then().statusCode(200)
                .body("ok", equalTo(true)).extract().asString());
        for (String token : observers) {
            seen.append(given().auth().oauth2(token).get("/api/t/" + t + "/appeals/appraisal").then().statusCode(200)
                    .extract().asString());
        }
        return seen.toString();
    }

    private static long sealedEntries(String t, String inspector) {
        return given().auth().oauth2(inspector).get("/api/t/" + t + "/audit/sealed/verify").then().statusCode(200)
                .body("ok", equalTo(true)).extract().<Number>path("entries").longValue();
    }
}
