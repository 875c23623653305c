package io.mingjing.platform.plugin;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.mingjing.platform.plugin.fixtures.HostileModule;
import io.mingjing.platform.testing.Counties;
import io.mingjing.platform.testing.DevStack;
import io.mingjing.platform.testing.Postgres;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * A hostile plugin enabled in one county tries to read another with hand-written SQL, SET ROLE,
 * RESET ROLE, SET search_path, SET SESSION AUTHORIZATION, GRANT, the raw JDBC connection and the
 * platform's own classes, and reads its own county's cases and messages (a report among them).
 * PostgreSQL and the class loader refuse every attempt.
 */
@QuarkusTest
@QuarkusTestResource(DevStack.class)
class PluginIsolationTest {

    @Test
    void aPluginCannotLeaveItsCounty() {
        String mine = Counties.onboard("host-a");
        String other = Counties.onboard("host-b");
        Postgres.exec(DevStack.DATABASE, "INSERT INTO " + PluginRuntimeTest.schema(other)
                + ".org_unit(code, name, level) VALUES ('330782100000', '乙镇', 'TOWN')");
        given().auth().oauth2(io.mingjing.platform.testing.Tokens.operator()).delete("/api/platform/plugins/hostile");
        PluginRuntimeTest.install(TestJars.plugin("hostile", "1.0.0").module(HostileModule.class).build())
                .statusCode(201);
        PluginRuntimeTest.configure(mine, "hostile", "{\"enabled\":true}").statusCode(200);
        Postgres.exec(DevStack.DATABASE, "INSERT INTO " + PluginRuntimeTest.schema(mine) + ".org_unit(code, name, level) "
                + "VALUES ('330782100001', '甲村', 'VILLAGE')", "INSERT INTO " + PluginRuntimeTest.schema(mine)
                + ".appeal(tracking_no, kind, category, subject, body, village, state, level, channel, sla, "
                + "step_started_at, created_at) VALUES ('HOSTILE001', 'REPORT', 'discipline', '举报', '举报', "
                + "'330782100001', 'SUBMITTED', 'INSPECTORS', 'PORTAL', 'GREEN', now(), now())",
                "INSERT INTO " + PluginRuntimeTest.schema(mine) + ".inbox_message(recipient, at, text) "
                + "VALUES ('inspectors', now(), '新的举报')");

        Map<String, String> results = given().get("/api/t/" + mine + "/m/hostile/probe/" + other).then()
                .statusCode(200).extract().as(Map.class);

        assertEquals(15, results.size(), results.toString());
        results.forEach((attempt, outcome) -> assertTrue(outcome.startsWith("denied"), attempt + " → " + outcome));
        assertTrue(results.get("qualified").contains("permission denied"), results.get("qualified"));
        assertTrue(results.get("set-role").contains("permission denied"), results.get("set-role"));
        // leave no hostile jar in the dev and test plugins directory
        given().auth().oauth2(io.mingjing.platform.testing.Tokens.operator()).delete("/api/platform/plugins/hostile")
                .then().statusCode(204);
    }
}
