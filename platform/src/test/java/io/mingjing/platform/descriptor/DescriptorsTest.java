package io.mingjing.platform.descriptor;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.greaterThanOrEqualTo;
import static org.hamcrest.Matchers.hasItems;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.mingjing.platform.testing.Counties;
import io.mingjing.platform.testing.DevStack;
import io.mingjing.platform.testing.Tokens;
import io.mingjing.platform.warning.WarningSweep;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.List;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;

/** The demo counties in tenants/ are applied at startup, with the towns and villages the seeds name. */
@QuarkusTest
@QuarkusTestResource(DevStack.class)
class DescriptorsTest {

    @Inject
    WarningSweep warnings;
    @Inject
    Descriptors descriptors;

    @Test
    void theFiveDemoCountiesAreActiveWithTheirVillages() {
        Counties.awaitDemoCounties();
        Awaitility.await().atMost(Duration.ofSeconds(180)).untilAsserted(() -> given()
                .auth().oauth2(Tokens.operator()).get("/api/platform/tenants").then().statusCode(200)
                .body("findAll { it.status == 'ACTIVE' }.id", hasItems("jiangbei", "hepu", "lucheng", "beichuan", "yiwu")));
        given().get("/api/t/jiangbei/org-units").then().statusCode(200).body("name", hasItems("复盛镇", "华山村"));
        given().get("/api/t/beichuan/org-units").then().body("name", hasItems("片口乡", "东江村", "小坝镇", "聚宝沟村"));
        given().get("/api/t/yiwu/org-units").then().body("name", hasItems("义亭镇", "城西街道", "七一村", "五星村", "大陈镇", "红峰村"));
        given().get("/api/t/hepu/org-units").then().body("name", hasItems("烟楼村"));
    }

    /** yiwu is the last county applied at boot, its demo approvals the last of its content. */
    static void awaitDemoContent() {
        Counties.awaitDemoCounties();
        Awaitility.await().atMost(Duration.ofSeconds(180)).untilAsserted(() -> given()
                .get("/api/t/yiwu/villages/330782006201/inquiries").then().statusCode(200)
                .body("find { it.subject == '村集体经济收益怎么分，什么时候公布？' }.reply", containsString("公示期七天"))
                .body("find { it.subject == '今年的低保民主评议什么时候开会？' }.state", equalTo("SUBMITTED")));
        Awaitility.await().atMost(Duration.ofSeconds(120)).untilAsserted(() -> assertEquals(1, count("yiwu",
                "SELECT count(*) FROM $s.audit_entry WHERE action = 'demo-approvals.applied'")));
        Awaitility.await().atMost(Duration.ofSeconds(120)).untilAsserted(() -> assertEquals(1, count("yiwu",
                "SELECT count(*) FROM $s.audit_entry WHERE action = 'demo-consultations.applied'")));
        // the inspection rounds come last: they draw from everything filed before them
        Awaitility.await().atMost(Duration.ofSeconds(120)).untilAsserted(() -> assertEquals(1, count("yiwu",
                "SELECT count(*) FROM $s.audit_entry WHERE action = 'demo-inspections.applied'")));
    }

    @Test
    void everyDemoCountyTakesPartWithConsultationsTasksALogAndABranch() {
        awaitDemoContent();
        for (String county : COUNTIES) {
            assertEquals(1, count(county, "SELECT count(*) FROM (SELECT 1 FROM $s.consultation HAVING count(*) FILTER "
                    + "(WHERE state = 'RESOLVED' AND (result->>'passed')::boolean) >= 1 AND count(*) FILTER (WHERE state = "
                    + "'VOTING' AND voting_until > now()) >= 1) x"), county + ": a vote counted and one open");
            assertEquals(0, count(county, "SELECT count(*) FROM $s.consultation c WHERE state = 'VOTING' AND (SELECT "
                    + "count(*) FROM $s.consultation_voter v WHERE v.consultation_id = c.id) <> (SELECT count(*) FROM "
                    + "$s.consultation_ballot_box b WHERE b.consultation_id = c.id)"), county + ": one sealed ballot a voter");
            assertEquals(0, count(county, "SELECT count(*) FROM $s.consultation_ballot b JOIN $s.consultation c ON "
                    + "c.id = b.consultation_id WHERE c.state = 'VOTING'"), county + ": no open vote's choice in the clear");
            assertEquals(1, count(county, "SELECT count(*) FROM (SELECT 1 FROM $s.task HAVING count(*) FILTER (WHERE "
                    + "state = 'OPEN' AND sla = 'RED' AND deadline < now()) >= 1 AND count(*) FILTER (WHERE state = 'DONE') "
                    + ">= 1 AND count(*) FILTER (WHERE state = 'OPEN' AND sla = 'GREEN') >= 1) x"), county + ": tasks");
            assertTrue(count(county, "SELECT count(*) FROM $s.village_log WHERE public") >= 3, county + ": a log");
            assertEquals(1, count(county, "SELECT count(*) FROM (SELECT 1 FROM $s.branch_meeting m WHERE EXISTS (SELECT "
                    + "1 FROM $s.branch_meeting_like l WHERE l.meeting_id = m.id) AND EXISTS (SELECT 1 FROM "
                    + "$s.branch_meeting_comment c WHERE c.meeting_id = m.id) LIMIT 1) x"), county + ": a liked, discussed meeting");
        }
        assertTrue(count("hepu", "SELECT count(*) FROM $s.village_log") >= 20);
        assertEquals(1, count("hepu", "SELECT count(*) FROM $s.task WHERE source LIKE 'consultation:%'"),
                "the resolution became the village's task");
        assertTrue(count("hepu", "SELECT count(*) FROM $s.task WHERE state = 'OPEN' AND sla = 'YELLOW'") >= 1,
                "a task near its deadline has its yellow card");
        String cadre = Tokens.password("mingjing-hepu", "cadre", "demo123");
        given().auth().oauth2(cadre).get("/api/t/hepu/village-log?q=修路").then().statusCode(200)
                .body("items.size()", greaterThanOrEqualTo(2));
        given().get("/api/t/hepu/audit/verify").then().body("ok", equalTo(true));
    }

    @Test
    void everyDemoCountyHasAClosedInspectionRoundAndAnOpenOne() {
        DescriptorsTest.awaitDemoContent();
        for (String county : COUNTIES) {
            Awaitility.await().atMost(Duration.ofSeconds(120)).untilAsserted(() -> assertEquals(1, count(county,
                    "SELECT count(*) FROM $s.audit_entry WHERE action = 'demo-inspections.applied'"), county));
            assertEquals(1, count(county, "SELECT count(*) FROM $s.inspection_round WHERE state = 'CLOSED'"), county);
            assertEquals(1, count(county, "SELECT count(*) FROM $s.inspection_round WHERE state = 'OPEN' AND sample_size = 2"),
                    county);
            assertEquals(1, count(county, "SELECT count(*) FROM $s.inspection_result r JOIN $s.task t ON t.id = r.task_id"
                    + " WHERE r.result = 'RECTIFY'"), county);
        }
    }

    @Test
    void demoCasesAreFiledAndHandledAsThePeopleTheyName() {
        awaitDemoContent();
        String villager = Tokens.password("mingjing-yiwu", "13507820001", "100004");
        given().auth().oauth2(villager).get("/api/t/yiwu/appeals").then().statusCode(200)
                .body("find { it.subject == '村口路灯坏了三盏' }.state", equalTo("REPLIED"))
                .body("find { it.subject == '建议在村委会门口放几张长椅' }.state", equalTo("ACCEPTED"));
        given().get("/api/t/yiwu/audit/verify").then().body("ok", equalTo(true));
    }

    @Test
    void applyingAgainWritesNothingNew() {
        awaitDemoContent();
        // the demo's warnings are raised after its events are delivered, and by the first sweep: let both be done
        Awaitility.await().atMost(Duration.ofSeconds(120)).until(() -> count("yiwu", "SELECT count(*) FROM "
                + "$s.event_delivery WHERE module = 'warnings' AND delivered_at IS NULL AND NOT dead") == 0);
        warnings.reevaluateAll("yiwu");
        int before = given().get("/api/t/yiwu/audit/verify").then().body("ok", equalTo(true)).extract().path("entries");
        descriptors.applyAll();
        given().get("/api/t/yiwu/audit/verify").then().body("ok", equalTo(true)).body("entries", equalTo(before));
    }

    static final List<String> COUNTIES = List.of("jiangbei", "hepu", "lucheng", "beichuan", "yiwu");

    @Test
    void everyDemoCountyHasApprovalsOfEachKindInSeveralStates() {
        DescriptorsTest.awaitDemoContent();
        for (String county : COUNTIES) {
            Awaitility.await().atMost(Duration.ofSeconds(120)).untilAsserted(() -> assertEquals(5,
                    count(county, "SELECT count(DISTINCT kind) FROM $s.approval")));
            assertEquals(1, count(county, "SELECT count(*) FROM (SELECT 1 FROM $s.approval HAVING count(DISTINCT "
                    + "state) FILTER (WHERE state IN ('PENDING', 'APPROVED', 'PAID', 'REJECTED')) = 4) x"), county);
        }
        assertEquals(1, count("yiwu", "SELECT count(*) FROM $s.approval WHERE title = '村民金某务工工资' AND state = "
                + "'PAID' AND bank_ref = 'YWRCB-20220420-0088' AND village = '330782106201'"));
        assertEquals(1, count("yiwu", "SELECT count(*) FROM $s.approval WHERE kind = 'LABOUR' AND title = '村道清扫临时用工' "
                + "AND (data->'filing'->>'plannedStart')::date < (created_at AT TIME ZONE 'Asia/Shanghai')::date"),
                "the labour that started before it was applied for");
        given().get("/api/t/yiwu/audit/verify").then().body("ok", equalTo(true));
    }

    /** 鹿城区's descriptor lowers the town's threshold: its 3 200-yuan payment went through the town. */
    @Test
    void aCountyDescriptorOverridesAWorkflowDefinition() {
        DescriptorsTest.awaitDemoContent();
        Awaitility.await().atMost(Duration.ofSeconds(120)).untilAsserted(() -> assertEquals(1, count("lucheng",
                "SELECT count(*) FROM $s.approval WHERE title = '村道路灯维修费' AND state = 'PAID'")));
        assertEquals(1, count("lucheng", "SELECT count(*) FROM $s.approval_definition WHERE kind = 'PAYMENT' AND "
                + "source = 'descriptor' AND body LIKE '%\"amountAbove\":2000%'"));
        assertEquals(1, count("lucheng", "SELECT count(*) FROM $s.approval_step s JOIN $s.approval a ON a.id = "
                + "s.approval_id WHERE a.title = '村道路灯维修费' AND s.actor LIKE '%town%' AND s.action = 'approve'"));
        int versions = (int) count("lucheng", "SELECT count(*) FROM $s.approval_definition");
        descriptors.applyAll();
        assertEquals(versions, count("lucheng", "SELECT count(*) FROM $s.approval_definition"), "applied once");
        assertEquals(0, count("yiwu", "SELECT count(*) FROM $s.approval_definition WHERE source = 'descriptor'"));
    }

    static long count(String county, String sql) {
        return Counties.count(county, sql);
    }
}
