package io.mingjing.platform.feature;

import static io.restassured.RestAssured.given;
import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.mingjing.platform.testing.Browser;
import io.mingjing.platform.testing.DevStack;
import io.mingjing.platform.testing.People;
import io.mingjing.platform.testing.Tokens;
import io.mingjing.platform.testing.TransparencyCounty;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.ValidatableResponse;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.Map;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/** Built-in features in the registry, and a county admin switching an optional one off and on again. */
@QuarkusTest
@QuarkusTestResource(DevStack.class)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class BuiltinModulesTest {

    static final String HTML = "text/html,application/xhtml+xml,*/*;q=0.8";

    @ConfigProperty(name = "quarkus.http.test-port")
    int port;

    TransparencyCounty c;
    TransparencyCounty other;
    long notice;

    /** Once, but per test method: RestAssured knows the platform's port only then. */
    @BeforeEach
    void countiesWithANotice() {
        if (c != null) {
            return;
        }
        c = new TransparencyCounty("feat", "13714000");
        other = new TransparencyCounty("featother", "13715000");
        for (TransparencyCounty county : List.of(c, other)) {
            notice = given().auth().oauth2(county.token("cadrex")).contentType(ContentType.JSON)
                    .body(Map.of("title", "停电检修通知", "body", "周五停电", "target", "VILLAGE", "code", People.VILLAGE_X))
                    .post(county.api() + "/notices").then().statusCode(201).extract().jsonPath().getLong("id");
        }
    }

    @Test
    void theRegistryListsEveryFeatureAsBuiltIn() {
        given().auth().oauth2(Tokens.operator()).get("/api/platform/modules").then().statusCode(200)
                .body("find { it.id == 'notices' }.source", equalTo("builtin"))
                .body("find { it.id == 'appeals' }.source", equalTo("builtin"))
                .body("find { it.id == 'disclosures' }.name", equalTo("村务公开"));
        given().auth().oauth2(c.token("admin")).get(c.api() + "/admin/modules").then().statusCode(200)
                .body("find { it.id == 'notices' }.source", equalTo("builtin"))
                .body("find { it.id == 'notices' }.optional", equalTo(true))
                .body("find { it.id == 'notices' }.enabled", equalTo(true))
                .body("find { it.id == 'notices' }.name.en", equalTo("Notices"))
                .body("find { it.id == 'appeals' }.optional", equalTo(false))
                .body("find { it.id == 'payments' }.menu.path", hasItem("/funds"));
    }

    @Test
    void switchingNoticesOffHidesTheirColumnPagesAndApiInThatCountyOnly() {
        String village = "/t/" + c.id + "/v/" + People.VILLAGE_X;
        given().get(village).then().statusCode(200).body(containsString("村社通知"))
                .body(containsString("停电检修通知"));
        put(c, c.token("admin"), "notices", "{\"enabled\":false}").statusCode(200).body("enabled", equalTo(false));
        try {
            given().get(village).then().statusCode(200).body(not(containsString("村社通知")))
                    .body(not(containsString("停电检修通知"))).body(containsString("村务公开"));
            given().accept(HTML).get(village + "/c/notices").then().statusCode(404).contentType("text/html");
            given().accept(HTML).get("/t/" + c.id + "/notices/" + notice).then().statusCode(404);
            given().get(c.api() + "/notices?village=" + People.VILLAGE_X).then().statusCode(404)
                    .contentType("application/problem+json");
            given().get("/t/" + other.id + "/v/" + People.VILLAGE_X).then().statusCode(200)
                    .body(containsString("村社通知"));
        } finally {
            put(c, c.token("admin"), "notices", "{\"enabled\":true}").statusCode(200).body("enabled", equalTo(true));
        }
        given().get(village).then().statusCode(200).body(containsString("停电检修通知"));
        given().get(village + "/c/notices").then().statusCode(200).body(containsString("停电检修通知"));
    }

    @Test
    void switchingPaymentsOffTakesTheirMenuEntriesAndPagesAway() {
        String village = "/t/" + c.id + "/v/" + People.VILLAGE_X;
        put(c, c.token("admin"), "payments", "{\"enabled\":false}").statusCode(200);
        try {
            given().get(village).then().statusCode(200).body(not(containsString("我的资金")));
            given().accept(HTML).get(village + "/funds").then().statusCode(404);
        } finally {
            put(c, c.token("admin"), "payments", "{\"enabled\":true}").statusCode(200);
        }
        given().get(village).then().statusCode(200).body(containsString("我的资金"));
    }

    @Test
    void appealsCannotBeSwitchedOffAndOnlyTheCountyAdminSwitches() {
        put(c, c.token("admin"), "appeals", "{\"enabled\":false}").statusCode(409)
                .contentType("application/problem+json").body("detail", containsString("cannot be switched off"));
        put(c, c.villagerX(), "notices", "{\"enabled\":false}").statusCode(403);
        put(c, c.token("cadrex"), "policies", "{\"enabled\":false}").statusCode(403);
        put(c, other.token("admin"), "notices", "{\"enabled\":false}").statusCode(401); // not this county's token
        given().get("/t/" + c.id + "/v/" + People.VILLAGE_X).then().body(containsString("村社通知"));
    }

    @Test
    void aBuiltInsSettingsAreCheckedAgainstItsManifest() {
        put(c, c.token("admin"), "notices", "{\"settings\":{\"colour\":\"red\"}}").statusCode(422)
                .body("errors.'settings.colour'", equalTo("is not a setting of this module"));
    }

    @Test
    void theStaffHomeListsTheStaffPagesOfTheCallersFeatures() throws Exception {
        c.token("cadrex"); // gives the cadre the test password
        Browser cadre = new Browser();
        String base = "http://127.0.0.1:" + port;
        assertEquals(200, cadre.logIn(base, c.id, "cadrex", "Test-pass-1").statusCode());
        HttpResponse<String> home = cadre.go(HttpRequest.newBuilder(URI.create(base + "/t/" + c.id + "/staff")));
        assertEquals(200, home.statusCode(), home.body());
        assertThat(home.body(), containsString("/t/" + c.id + "/staff/disclosures"));
    }

    private static ValidatableResponse put(TransparencyCounty county, String token, String module, String body) {
        return given().auth().oauth2(token).contentType(ContentType.JSON).body(body)
                .put(county.api() + "/admin/modules/" + module).then();
    }
}
