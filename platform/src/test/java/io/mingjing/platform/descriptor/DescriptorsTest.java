package io.mingjing.platform.descriptor;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItems;

import io.mingjing.platform.testing.Counties;
import io.mingjing.platform.testing.DevStack;
import io.mingjing.platform.testing.Tokens;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.time.Duration;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;

/** The demo counties in tenants/ are applied at startup, with the towns and villages the seeds name. */
@QuarkusTest
@QuarkusTestResource(DevStack.class)
class DescriptorsTest {

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

    /** yiwu is the last county applied at boot, its demo cases the last of its content. */
    static void awaitDemoContent() {
        Counties.awaitDemoCounties();
        Awaitility.await().atMost(Duration.ofSeconds(180)).untilAsserted(() -> given()
                .get("/api/t/yiwu/villages/330782006201/inquiries").then().statusCode(200)
                .body("find { it.subject == '村集体经济收益怎么分，什么时候公布？' }.reply", containsString("公示期七天"))
                .body("find { it.subject == '今年的低保民主评议什么时候开会？' }.state", equalTo("SUBMITTED")));
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
        int before = given().get("/api/t/yiwu/audit/verify").then().body("ok", equalTo(true)).extract().path("entries");
        descriptors.applyAll();
        given().get("/api/t/yiwu/audit/verify").then().body("ok", equalTo(true)).body("entries", equalTo(before));
    }
}
