package io.mingjing.platform.plugin;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.notNullValue;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.mingjing.platform.identity.Role;
import io.mingjing.platform.plugin.fixtures.RulePackModule;
import io.mingjing.platform.testing.Counties;
import io.mingjing.platform.testing.DevStack;
import io.mingjing.platform.testing.People;
import io.mingjing.platform.testing.Tokens;
import io.mingjing.platform.warning.WarningSweep;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import jakarta.inject.Inject;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * A county's rule pack as a plugin: its rules join the catalogue in shadow mode until the county switches them
 * live; one that throws, hangs or does not check is reported, the rest go on.
 */
@QuarkusTest
@QuarkusTestResource(DevStack.class)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class PluginRulesTest {

    @Inject
    WarningSweep sweep;

    @io.quarkus.test.common.http.TestHTTPResource("/")
    java.net.URI base;

    @AfterAll
    void unload() {
        given().baseUri(base.toString()).auth().oauth2(Tokens.operator()).delete("/api/platform/plugins/rulepack");
    }

    @Test
    void aRuleThatThrowsHangsOrDoesNotCheckIsReportedAndTheOthersGoOn() {
        String t = Counties.onboard("pack");
        String admin = Tokens.countyAdmin(t);
        People.orgUnits(t, admin);
        String bookkeeper = People.staff(t, admin, "bk-x", Role.BOOKKEEPER, People.VILLAGE_X);
        People.staff(t, admin, "cadre-x", Role.CADRE, People.VILLAGE_X); // the labour application's first step
        given().auth().oauth2(Tokens.operator()).delete("/api/platform/plugins/rulepack");
        PluginRuntimeTest.install(TestJars.plugin("rulepack", "1.0.0", ">=1.5.0 & <2.0.0").module(RulePackModule.class)
                .build()).log().ifValidationFails().statusCode(201);
        PluginRuntimeTest.configure(t, "rulepack", "{\"enabled\":true}").statusCode(200);
        LocalDate today = LocalDate.now();
        long id = ((Number) given().auth().oauth2(bookkeeper).contentType(ContentType.JSON).body(Map.of("kind", "LABOUR",
                "village", People.VILLAGE_X, "title", "河道清理", "purpose", "河道清理", "workers", List.of(Map.of("name", "甲")),
                "plannedStart", today.toString(), "plannedEnd", today.plusDays(1).toString(), "dailyRate", 150))
                .post("/api/t/" + t + "/approvals").then().statusCode(201).extract().path("id")).longValue();

        // the filing's event is delivered after its commit, on another thread: its warning comes first, as a
        // trial — the county has not seen the pack's rules before, so they run in shadow mode
        org.awaitility.Awaitility.await().atMost(java.time.Duration.ofSeconds(60)).until(() -> given().auth().oauth2(admin)
                .get("/api/t/" + t + "/warnings?shadow=true&rule=rulepack/every-labour").then().statusCode(200).extract()
                .jsonPath().getList("items.entityId").contains(String.valueOf(id)));
        var result = sweep.reevaluateAll(t);
        assertTrue(result.failed().containsKey("rulepack/throws") && result.failed().containsKey("rulepack/hangs"),
                result.failed().toString());
        // every-labour's warning was raised by the filing's event already: one per (rule, entity), not raised again
        assertTrue(result.raised().stream().noneMatch(r -> r.ruleId().equals("rulepack/every-labour")), result.toString());
        String rules = "/api/t/" + t + "/warning-rules/rulepack/";
        given().auth().oauth2(admin).get(rules + "throws").then().statusCode(200).body("lastError", notNullValue());
        given().auth().oauth2(admin).get(rules + "hangs").then().statusCode(200).body("lastError", notNullValue());
        given().auth().oauth2(admin).get(rules + "bad-cel").then().statusCode(200).body("enabled", equalTo(false))
                .body("lastError", containsString("nope"));
        given().auth().oauth2(admin).get(rules + "every-labour").then().statusCode(200).body("java", equalTo(true))
                .body("lastError", equalTo(null)).body("shadow", equalTo(true));
        given().auth().oauth2(admin).get(rules + "throws").then().statusCode(200).body("shadow", equalTo(true));
        given().auth().oauth2(admin).get("/api/t/" + t + "/warnings?rule=rulepack/every-labour").then().statusCode(200)
                .body("items.entityId", org.hamcrest.Matchers.not(org.hamcrest.Matchers.hasItem(String.valueOf(id))));
        // the admin switches it live: its trial warnings route
        given().auth().oauth2(admin).contentType(ContentType.JSON).body(Map.of("shadow", false)).put(rules + "every-labour")
                .then().statusCode(200).body("shadow", equalTo(false));
        given().auth().oauth2(admin).get("/api/t/" + t + "/warnings?rule=rulepack/every-labour").then().statusCode(200)
                .body("items.entityId", org.hamcrest.Matchers.hasItem(String.valueOf(id)));
        // the built-in rules ran in the same evaluation
        given().auth().oauth2(admin).get("/api/t/" + t + "/warning-rules").then().statusCode(200)
                .body("find { it.id == 'builtin/labour-daily-rate' }.lastError", equalTo(null));
    }
}
