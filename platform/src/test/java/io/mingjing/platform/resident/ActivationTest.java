package io.mingjing.platform.resident;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.notNullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import io.mingjing.platform.testing.Counties;
import io.mingjing.platform.testing.DevStack;
import io.mingjing.platform.testing.KeycloakAdmin;
import io.mingjing.platform.testing.KeycloakServer;
import io.mingjing.platform.testing.People;
import io.mingjing.platform.testing.PortalForm;
import io.mingjing.platform.testing.Tokens;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * A villager's first login is by a one-time activation code, never by ID digits; a rejected resident
 * file leaves no account behind in the county's realm.
 */
@QuarkusTest
@QuarkusTestResource(DevStack.class)
class ActivationTest {

    private static String csv(String phonePrefix) {
        return "household,name,idCard,phone,registeredVillage,residenceVillage\n"
                + "H-001,张三," + People.idNumber("33078219600101001") + "," + phonePrefix + "001," + People.VILLAGE_X + ",\n"
                + "H-002,王五," + People.idNumber("33078219700101003") + "," + phonePrefix + "002," + People.VILLAGE_Y + ",\n";
    }

    private static int login(String county, String username, String password) {
        return given().baseUri("http://127.0.0.1:" + KeycloakServer.PORT).formParam("grant_type", "password")
                .formParam("client_id", "mingjing-cli").formParam("username", username).formParam("password", password)
                .post("/realms/mingjing-" + county + "/protocol/openid-connect/token").statusCode();
    }

    private static io.restassured.response.Response activate(String county, String phone, String code, String password) {
        return given().contentType(ContentType.JSON).body(Map.of("phone", phone, "code", code, "password", password))
                .post("/api/t/" + county + "/residents/activate");
    }

    @Test
    void aVillagerActivatesTheAccountWithTheCodeFromTheCard() {
        String t = Counties.onboard("act");
        String admin = Tokens.countyAdmin(t);
        People.orgUnits(t, admin);
        List<Map<String, Object>> codes = given().auth().oauth2(admin).contentType("text/csv; charset=UTF-8")
                .body(csv("13722000")).post("/api/t/" + t + "/admin/residents/import").then().statusCode(200)
                .body("activationCodes", hasSize(2)).extract().path("activationCodes");
        String phone = (String) codes.get(0).get("phone");
        String code = (String) codes.get(0).get("code");
        assertNotEquals(200, login(t, phone, People.idNumber("33078219600101001").substring(12)),
                "the last six ID characters are no password");
        activate(t, phone, "WRONGCDE", "Mein-passwort-1").then().statusCode(400).body("errors.code", notNullValue());
        activate(t, phone, code, "short").then().statusCode(400).body("errors.password", notNullValue());
        activate(t, phone, code, phone).then().log().ifValidationFails().statusCode(400)
                .body("errors.password", notNullValue());
        activate(t, phone, code.toLowerCase(), "Mein-passwort-1").then().statusCode(204);
        assertEquals(200, login(t, phone, "Mein-passwort-1"));
        activate(t, phone, code, "Anderes-pass-2").then().statusCode(400);
        // a lost card: the admin issues a new code, and only the new one works — here on the portal's form
        String other = (String) codes.get(1).get("phone");
        String fresh = given().auth().oauth2(admin).post("/api/t/" + t + "/admin/residents/" + other + "/activation")
                .then().statusCode(200).extract().path("code");
        PortalForm form = PortalForm.from("/t/" + t + "/activate");
        form.request().accept("text/html").formParam(PortalForm.FIELD, form.token()).formParam("phone", other)
                .formParam("code", (String) codes.get(1).get("code")).formParam("password", "Mein-passwort-1")
                .post("/t/" + t + "/activate").then().statusCode(200).body(containsString("激活码已过期"));
        form.request().accept("text/html").formParam(PortalForm.FIELD, form.token()).formParam("phone", other)
                .formParam("code", fresh).formParam("password", "Mein-passwort-1")
                .post("/t/" + t + "/activate").then().statusCode(200).body(containsString("账号已激活"));
        assertEquals(200, login(t, other, "Mein-passwort-1"));
        // importing the same file again issues no new codes to residents who already have accounts
        given().auth().oauth2(admin).contentType("text/csv; charset=UTF-8").body(csv("13722000"))
                .post("/api/t/" + t + "/admin/residents/import").then().statusCode(200).body("activationCodes", hasSize(0));
    }

    @Test
    void aFileThatFailsHalfwayLeavesNoAccountInTheRealm() {
        String t = Counties.onboard("act");
        String admin = Tokens.countyAdmin(t);
        People.orgUnits(t, admin);
        // every account creation now fails after the account exists: the role to grant is gone
        KeycloakAdmin.deleteRealmRole("mingjing-" + t, "villager");
        int status = given().auth().oauth2(admin).contentType("text/csv; charset=UTF-8").body(csv("13733000"))
                .post("/api/t/" + t + "/admin/residents/import").statusCode();
        assertNotEquals(200, status);
        assertEquals(0, KeycloakAdmin.userCount("mingjing-" + t, "13733000001"));
        assertEquals(0, KeycloakAdmin.userCount("mingjing-" + t, "13733000002"));
    }
}
