package io.mingjing.platform.identity;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasKey;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.matchesPattern;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.notNullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.mingjing.platform.testing.Counties;
import io.mingjing.platform.testing.DevStack;
import io.mingjing.platform.testing.KeycloakAdmin;
import io.mingjing.platform.testing.People;
import io.mingjing.platform.testing.Tokens;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/** F2's security promises, each against the real Keycloak the tests start. */
@QuarkusTest
@QuarkusTestResource(DevStack.class)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class IdentityTest {

    String a;
    String b;
    String adminA;
    String villagerA;

    @BeforeEach
    void arrange() {
        if (a != null) {
            return;
        }
        a = Counties.onboard("ida");
        b = Counties.onboard("idb");
        adminA = Tokens.countyAdmin(a);
        People.orgUnits(a, adminA);
        People.villagers(a, adminA, "13900000");
        People.orgUnits(b, Tokens.countyAdmin(b));
        villagerA = Tokens.user(a, "13900000001");
    }

    @Test
    void onboardingCreatesTheRealmWithRolesClientsAndAdmin() {
        Map<String, Object> realm = KeycloakAdmin.realm("mingjing-" + a);
        assertEquals("测试县", realm.get("displayName"));
        assertEquals("mingjing", realm.get("loginTheme"));
        for (String client : new String[] { "mingjing-portal", "mingjing-api", "mingjing-cli" }) {
            assertEquals(1, KeycloakAdmin.clientCount("mingjing-" + a, client), client);
        }
        given().auth().oauth2(adminA).get("/api/t/" + a + "/admin/staff").then().statusCode(200);
    }

    @Test
    void retryingOnboardingConvergesWithoutDuplicates() {
        given().auth().oauth2(Tokens.operator()).post("/api/platform/tenants/" + a + "/retry").then().statusCode(422);
        // converging the realm again (as a descriptor re-apply does) must not duplicate clients
        io.quarkus.arc.Arc.container().instance(CountyRealms.class).get().ensure(
                io.quarkus.narayana.jta.QuarkusTransaction.requiringNew().call(
                        () -> io.mingjing.platform.registry.Tenant.findById(a)), null, true);
        assertEquals(1, KeycloakAdmin.clientCount("mingjing-" + a, "mingjing-portal"));
    }

    @Test
    void aTokenOfCountyAIsRejectedOnCountyB() {
        given().auth().oauth2(villagerA).get("/api/t/" + a + "/residents/me").then().statusCode(200);
        given().auth().oauth2(villagerA).get("/api/t/" + b + "/residents/me").then().statusCode(401)
                .contentType("application/problem+json");
        given().auth().oauth2(adminA).get("/api/t/" + b + "/admin/staff").then().statusCode(401);
    }

    @Test
    void anOperatorTokenIsNotACountyToken() {
        given().auth().oauth2(Tokens.operator()).get("/api/t/" + a + "/admin/staff").then().statusCode(401);
        given().auth().oauth2(adminA).get("/api/platform/tenants").then().statusCode(401);
    }

    @Test
    void aVillagerMayNotUseAdminApis() {
        given().auth().oauth2(villagerA).get("/api/t/" + a + "/admin/staff").then().statusCode(403)
                .contentType("application/problem+json");
        given().auth().oauth2(villagerA).contentType("text/csv").body("x")
                .post("/api/t/" + a + "/admin/residents/import").then().statusCode(403);
        given().auth().oauth2(villagerA).contentType("text/csv").body("x")
                .post("/api/t/" + a + "/admin/org-units/import").then().statusCode(403);
    }

    @Test
    void aCadreActsForTheirOwnVillageOnly() {
        String cadre = People.staff(a, adminA, "cadre-x", Role.CADRE, People.VILLAGE_X);
        given().auth().oauth2(cadre).get("/api/t/" + a + "/villages/" + People.VILLAGE_X + "/residents").then()
                .statusCode(200).body("", hasSize(2)).body("name", hasItem("张三"));
        given().auth().oauth2(cadre).get("/api/t/" + a + "/villages/" + People.VILLAGE_Y + "/residents").then()
                .statusCode(403).contentType("application/problem+json");
    }

    @Test
    void aTownOfficialActsForTheVillagesOfTheirTown() {
        String official = People.staff(a, adminA, "town-1", Role.TOWN_OFFICIAL, People.TOWN);
        given().auth().oauth2(official).get("/api/t/" + a + "/villages/" + People.VILLAGE_Y + "/residents").then()
                .statusCode(200);
        given().auth().oauth2(official).get("/api/t/" + a + "/villages/" + People.VILLAGE_Z + "/residents").then()
                .statusCode(403);
    }

    @Test
    void residentOnlyListsAreForResidentsAndMaskOthers() {
        given().auth().oauth2(villagerA).get("/api/t/" + a + "/villages/" + People.VILLAGE_X + "/residents").then()
                .statusCode(200).body("find { it.phone.startsWith('139') && it.name == '张三' }.idCard",
                        matchesPattern("^\\d{17}[\\dX]$"))
                .body("find { it.name.startsWith('李') }.name", equalTo("李*"))
                .body("find { it.name.startsWith('李') }.idCard", matchesPattern("^3307\\*{10}\\d{3}[\\dX]$"));
        given().auth().oauth2(villagerA).get("/api/t/" + a + "/villages/" + People.VILLAGE_Y + "/residents").then()
                .statusCode(403);
        given().get("/api/t/" + a + "/villages/" + People.VILLAGE_X + "/residents").then().statusCode(401);
        given().auth().oauth2(villagerA).get("/api/t/" + a + "/residents/me").then().statusCode(200)
                .body("name", equalTo("张三")).body("idCard", equalTo(People.idNumber("33078219600101001")));
    }

    @Test
    void forgedTokensAreRejected() {
        String[] parts = villagerA.split("\\.");
        String unsigned = parts[0] + "." + parts[1] + ".";
        String none = b64("{\"alg\":\"none\",\"typ\":\"JWT\"}") + "." + parts[1] + ".";
        String payload = new String(Base64.getUrlDecoder().decode(parts[1]), StandardCharsets.UTF_8)
                .replace("\"villager\"", "\"tenant-admin\"");
        String tampered = parts[0] + "." + b64(payload) + "." + parts[2];
        for (String forged : new String[] { unsigned, none, tampered, "garbage", parts[0] + "." + parts[1] }) {
            given().auth().oauth2(forged).get("/api/t/" + a + "/residents/me").then().statusCode(401);
            given().auth().oauth2(forged).get("/api/t/" + a + "/admin/staff").then().statusCode(401);
        }
    }

    @Test
    void anExpiredTokenIsRejected() throws InterruptedException {
        String realm = "mingjing-" + b;
        People.villagers(b, Tokens.countyAdmin(b), "13800000");
        KeycloakAdmin.updateRealm(realm, Map.of("accessTokenLifespan", 2));
        String token;
        try {
            token = Tokens.user(b, "13800000001");
        } finally {
            KeycloakAdmin.updateRealm(realm, Map.of("accessTokenLifespan", 300));
        }
        given().auth().oauth2(token).get("/api/t/" + b + "/residents/me").then().statusCode(200);
        Thread.sleep(4000);
        given().auth().oauth2(token).get("/api/t/" + b + "/residents/me").then().statusCode(401);
    }

    @Test
    void suspensionTakesEffectOnTheNextRequestAndDisablesLogins() {
        String c = Counties.onboard("idsus");
        String admin = Tokens.countyAdmin(c);
        given().auth().oauth2(admin).get("/api/t/" + c + "/admin/staff").then().statusCode(200);
        given().auth().oauth2(Tokens.operator()).post("/api/platform/tenants/" + c + "/suspend").then().statusCode(200);
        given().auth().oauth2(admin).get("/api/t/" + c + "/admin/staff").then().statusCode(503);
        assertEquals(false, KeycloakAdmin.realm("mingjing-" + c).get("enabled"));
        given().auth().oauth2(Tokens.operator()).post("/api/platform/tenants/" + c + "/resume").then().statusCode(200);
        given().auth().oauth2(admin).get("/api/t/" + c + "/admin/staff").then().statusCode(200);
    }

    @Test
    void staffAccountsAreCreatedListedAndDisabled() {
        var created = given().auth().oauth2(adminA).contentType(ContentType.JSON)
                .body(Map.of("username", "bookkeeper-x", "name", "报账员", "role", "bookkeeper", "orgUnit",
                        People.VILLAGE_X, "phone", "13711112222"))
                .post("/api/t/" + a + "/admin/staff").then().statusCode(201)
                .body("temporaryPassword", notNullValue()).extract();
        assertEquals("bookkeeper", created.path("role"));
        Map<String, Object> user = KeycloakAdmin.user("mingjing-" + a, "bookkeeper-x");
        assertEquals(Map.of("org_unit", java.util.List.of(People.VILLAGE_X), "phone",
                java.util.List.of("13711112222")), user.get("attributes"));
        given().auth().oauth2(adminA).contentType(ContentType.JSON)
                .body(Map.of("username", "bookkeeper-x", "name", "重复", "role", "bookkeeper", "orgUnit",
                        People.VILLAGE_X))
                .post("/api/t/" + a + "/admin/staff").then().statusCode(409);
        given().auth().oauth2(adminA).get("/api/t/" + a + "/admin/staff").then().body("username", hasItem("bookkeeper-x"));
        given().auth().oauth2(adminA).post("/api/t/" + a + "/admin/staff/bookkeeper-x/disable").then().statusCode(200)
                .body("enabled", equalTo(false));
        assertEquals(false, KeycloakAdmin.user("mingjing-" + a, "bookkeeper-x").get("enabled"));
    }

    @Test
    void badStaffRequestsAreExplained() {
        given().auth().oauth2(adminA).contentType(ContentType.JSON)
                .body(Map.of("username", "cadre-bad", "name", "村干部", "role", "cadre", "orgUnit", People.TOWN))
                .post("/api/t/" + a + "/admin/staff").then().statusCode(422).body("errors", hasKey("orgUnit"));
        given().auth().oauth2(adminA).contentType(ContentType.JSON)
                .body(Map.of("username", "x", "name", "", "role", "king"))
                .post("/api/t/" + a + "/admin/staff").then().statusCode(400).body("errors", hasKey("username"))
                .body("errors", hasKey("name"));
        given().auth().oauth2(adminA).contentType(ContentType.JSON)
                .body(Map.of("username", "king1", "name", "王", "role", "king"))
                .post("/api/t/" + a + "/admin/staff").then().statusCode(422).body("errors", hasKey("role"));
    }

    @Test
    void aBadResidentRowRejectsTheWholeFile() {
        String csv = "household,name,idCard,phone,registeredVillage,residenceVillage\n"
                + "H-9,赵六," + People.idNumber("33078219800101009") + ",13600000009," + People.VILLAGE_X + ",\n"
                + "H-9,钱七,330782198001010091,1360000001," + People.TOWN + ",\n"
                + "H-9,孙八," + People.idNumber("33078219800101009") + ",13600000009,999999999999,\n";
        given().auth().oauth2(adminA).contentType("text/csv; charset=UTF-8").body(csv)
                .post("/api/t/" + a + "/admin/residents/import").then().statusCode(422)
                .body("errors", hasKey("row 3.idCard")).body("errors", hasKey("row 3.phone"))
                .body("errors", hasKey("row 3.registeredVillage"))
                .body("errors.'row 4.idCard'", containsString("repeats row 2"))
                .body("errors", hasKey("row 4.registeredVillage"));
        String cadre = People.staff(a, adminA, "cadre-x2", Role.CADRE, People.VILLAGE_X);
        given().auth().oauth2(cadre).get("/api/t/" + a + "/villages/" + People.VILLAGE_X + "/residents").then()
                .body("name", not(hasItem("赵六")));
    }

    private static String b64(String json) {
        return Base64.getUrlEncoder().withoutPadding().encodeToString(json.getBytes(StandardCharsets.UTF_8));
    }
}
