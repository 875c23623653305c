package io.mingjing.platform.cockpit;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.mingjing.platform.figure.FigureRefresh;
import io.mingjing.platform.identity.Role;
import io.mingjing.platform.tenancy.TenantIds;
import io.mingjing.platform.testing.Counties;
import io.mingjing.platform.testing.DevStack;
import io.mingjing.platform.testing.People;
import io.mingjing.platform.testing.Postgres;
import io.mingjing.platform.testing.Tokens;
import io.mingjing.platform.testing.WorkProof;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import jakarta.inject.Inject;
import java.io.ByteArrayInputStream;
import java.util.List;
import java.util.Map;
import org.dhatim.fastexcel.reader.ReadableWorkbook;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/** The cockpit against real Keycloak and PostgreSQL: figures follow the writes, each role sees its scope, reports stay with inspectors. */
@QuarkusTest
@QuarkusTestResource(DevStack.class)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class CockpitTest {

    static final String X = People.VILLAGE_X;
    static final String Y = People.VILLAGE_Y;

    @Inject
    FigureRefresh refresh;

    String t;
    String admin;
    String inspector;
    String town;
    String cadreY;
    String villager;

    @BeforeEach
    void arrange() {
        if (t != null) {
            return;
        }
        t = Counties.onboard("ckp");
        admin = Tokens.countyAdmin(t);
        People.orgUnits(t, admin);
        People.villagers(t, admin, "13900000");
        villager = Tokens.user(t, "13900000001");
        inspector = People.staff(t, admin, "insp", Role.INSPECTOR, null);
        town = People.staff(t, admin, "town-c", Role.TOWN_OFFICIAL, People.TOWN);
        cadreY = People.staff(t, admin, "cadre-cy", Role.CADRE, Y);
        fileAppeal(villager, "COMPLAINT", "路灯坏了");
        fileAppeal(villager, "SUGGESTION", "修路");
        fileAppeal(null, "REPORT", "吃拿卡要");
        Postgres.exec(DevStack.DATABASE, "UPDATE " + TenantIds.schema(t) + ".appeal SET sla = 'RED' WHERE kind = 'COMPLAINT'");
        warning("1", "RED", null, false);
        warning("2", "GREEN", "FALSE_ALARM", false);
        warning("3", "RED", null, true);
        refresh.refresh(t);
    }

    /** A warning as the evaluator leaves it, in village X; a shadow one routes nothing and counts for nothing. */
    private void warning(String entity, String colour, String disposition, boolean shadow) {
        Postgres.exec(DevStack.DATABASE, "INSERT INTO " + TenantIds.schema(t) + ".warning (rule_id, rule_version, "
                + "entity_id, fact, category, severity, tier, village, town, colour, shadow, why, raised_at, disposition) "
                + "VALUES ('builtin/labour-before-application', 1, '" + entity + "', 'labour', 'labour', 'RED', 'VILLAGE', '"
                + X + "', '" + People.TOWN + "', '" + colour + "', " + shadow + ", '{}', now(), "
                + (disposition == null ? "NULL" : "'" + disposition + "'") + ")");
    }

    private void fileAppeal(String token, String kind, String subject) {
        fileAppeal(token, kind, subject, X);
    }

    private void fileAppeal(String token, String kind, String subject, String village) {
        var request = given().contentType(ContentType.JSON).body(Map.of("kind", kind, "category", "village-affairs",
                "subject", subject, "body", "说明", "village", village));
        if (token != null) {
            request.auth().oauth2(token);
        } else {
            request.header("Work-Proof", WorkProof.header(t));
        }
        request.post("/api/t/" + t + "/appeals").then().statusCode(201);
    }

    private io.restassured.response.Response cockpit(String token, String query) {
        return given().auth().oauth2(token).get("/api/t/" + t + "/cockpit" + query);
    }

    @Test
    void theCountysFiguresFollowItsWritesAndCountReportsForInspectorsOnly() {
        cockpit(inspector, "").then().statusCode(200).body("unit", equalTo("county"));
        cockpit(inspector, "?unit=" + X).then().statusCode(200).body("unit", equalTo(X))
                .body("headlines.find { it.key == 'appeals' }.value", equalTo("2"))
                .body("headlines.find { it.key == 'red' }.value", equalTo("1"))
                .body("headlines.find { it.key == 'reports' }.value", equalTo("1"))
                .body("charts.metric", hasItem("reports.category"))
                .body("charts.find { it.metric == 'appeals.kind' }.bars.label", hasItem("诉求"));
        cockpit(admin, "?unit=" + X).then().statusCode(200).body("headlines.key", not(hasItem("reports")))
                .body("charts.metric", not(hasItem("reports.category")));
    }

    @Test
    void aNewWriteShowsAfterTheNextRefreshAndARepeatedRefreshChangesNothing() {
        int before = appealsOf(Y);
        fileAppeal(Tokens.user(t, "13900000003"), "COMPLAINT", "垃圾没人收", Y);
        refresh.refresh(t);
        assertEquals(before + 1, appealsOf(Y));
        assertEquals(0, refresh.refresh(t), "nothing left to compute");
        assertEquals(before + 1, appealsOf(Y));
    }

    private int appealsOf(String unit) {
        return Integer.parseInt(cockpit(admin, "?unit=" + unit).then().statusCode(200).extract()
                .path("headlines.find { it.key == 'appeals' }.value"));
    }

    @Test
    void warningsCountByColourAndTheirFalseAlarmRateShows() {
        cockpit(town, "?unit=" + X).then().statusCode(200)
                .body("headlines.find { it.key == 'warnings' }.value", equalTo("2"))
                .body("headlines.find { it.key == 'warnings-red' }.value", equalTo("1"))
                .body("headlines.find { it.key == 'false-alarms' }.value", equalTo("100%"))
                .body("headlines.find { it.key == 'warnings-red' }.link", containsString("/staff/warnings?colour=RED&village=" + X))
                .body("charts.find { it.metric == 'warnings.category' }.bars.label", hasItem("村级务工"));
    }

    @Test
    void aTownOfficialSeesTheTownAndItsVillagesRankedButNotTheCounty() {
        cockpit(town, "").then().statusCode(200).body("unit", equalTo(People.TOWN)).body("level", equalTo("TOWN"))
                .body("units.code", hasItem(X)).body("units.find { it.code == '" + X + "' }.red", equalTo(1));
        cockpit(town, "?unit=county").then().statusCode(403);
        cockpit(town, "?unit=" + X).then().statusCode(200).body("level", equalTo("VILLAGE"));
        cockpit(town, "?unit=330782006201").then().statusCode(403);
    }

    @Test
    void aFigureDrillsDownToTheCasesItCounts() {
        String link = cockpit(town, "?unit=" + X).then().extract().path("headlines.find { it.key == 'red' }.link");
        assertTrue(link.startsWith("/t/" + t + "/appeals?sla=RED&unit=" + X), link);
        given().auth().oauth2(town).get("/api/t/" + t + "/appeals?sla=RED&unit=" + X).then().statusCode(200)
                .body("size()", equalTo(1)).body("[0].kind", equalTo("COMPLAINT"));
        given().auth().oauth2(town).get("/api/t/" + t + "/appeals?sla=PURPLE").then().statusCode(400)
                .body("errors.sla", containsString("GREEN"));
    }

    @Test
    void aCadreSeesTheirOwnVillageOnly() {
        cockpit(cadreY, "").then().statusCode(200).body("unit", equalTo(Y)).body("level", equalTo("VILLAGE"))
                .body("units", empty());
        cockpit(cadreY, "?unit=" + X).then().statusCode(403);
        cockpit(villager, "").then().statusCode(403);
    }

    @Test
    void residentsSeePublicCountsWithoutReportsOrMoney() {
        String html = given().get("/t/" + t + "/figures").then().statusCode(200).extract().asString();
        assertTrue(html.contains("诉求类型") && html.contains("<svg") && html.contains("<table"), html);
        assertTrue(!html.contains("举报") && !html.contains("¥"), "no reports, no money paid to people");
    }

    @Test
    void aCountyChoosesWhatResidentsSee() {
        module(Map.of("public-approvals", false));
        try {
            String html = given().get("/t/" + t + "/figures").then().statusCode(200).extract().asString();
            assertTrue(html.contains("诉求类型") && !html.contains("审批类型"), html);
            module(Map.of("public-approvals", false, "public-appeals", false, "public-disclosures", false));
            given().get("/t/" + t + "/figures").then().statusCode(404);
            given().auth().oauth2(admin).contentType(ContentType.JSON).body(Map.of("settings", Map.of("public-appeals", "yes")))
                    .put("/api/t/" + t + "/admin/modules/cockpit").then().statusCode(422);
        } finally {
            module(Map.of("public-approvals", true, "public-appeals", true, "public-disclosures", true));
        }
    }

    private void module(Map<String, Object> settings) {
        given().auth().oauth2(admin).contentType(ContentType.JSON).body(Map.of("settings", settings))
                .put("/api/t/" + t + "/admin/modules/cockpit").then().statusCode(200);
    }

    @Test
    void badPeriodsAndUnknownUnitsGetProblems() {
        cockpit(admin, "?from=2026-13-01").then().statusCode(400).contentType(containsString("problem+json"))
                .body("errors.from", equalTo("is not a day"));
        cockpit(admin, "?from=2026-05-01&to=2026-04-01").then().statusCode(400);
        cockpit(admin, "?from=2020-01-01&to=2026-01-01").then().statusCode(400);
        cockpit(admin, "?unit=999999999999").then().statusCode(404);
        cockpit(admin, "?unit=' OR 1=1 --").then().statusCode(404);
        given().auth().oauth2(Tokens.operator()).get("/api/platform/cockpit?from=2026-99").then().statusCode(400);
    }

    @Test
    void theProvinceSeesEachCountysPushedFiguresAndNoReports() {
        var counties = given().auth().oauth2(Tokens.operator()).get("/api/platform/cockpit").then().statusCode(200)
                .extract().jsonPath();
        Map<String, Object> mine = counties.getMap("counties.find { it.id == '" + t + "' }");
        assertTrue(((Number) mine.get("appeals")).intValue() >= 2, mine.toString());
        assertTrue(((Number) mine.get("villages")).intValue() == 3, mine.toString());
        assertTrue(!mine.containsKey("reports"), mine.toString());
        given().auth().oauth2(admin).get("/api/platform/cockpit").then().statusCode(401);
        int rows = Integer.parseInt(Postgres.query(DevStack.DATABASE, "SELECT count(*) FROM platform.province_figure "
                + "WHERE county = '" + t + "' AND metric LIKE 'reports.%'"));
        assertEquals(0, rows, "reports never leave the county");
    }

    @Test
    void theExportIsAWorkbookOfTheSameFigures() throws Exception {
        byte[] xlsx = given().auth().oauth2(inspector).get("/api/t/" + t + "/cockpit/export").then().statusCode(200)
                .extract().asByteArray();
        try (var wb = new ReadableWorkbook(new ByteArrayInputStream(xlsx))) {
            List<String> sheets = wb.getSheets().map(s -> s.getName()).toList();
            assertTrue(sheets.contains("诉求类型"), sheets.toString());
        }
    }
}
