package io.mingjing.platform.orgunit;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasKey;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.containsString;

import io.mingjing.platform.testing.Counties;
import io.mingjing.platform.testing.DevStack;
import io.mingjing.platform.testing.Tokens;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;

@QuarkusTest
@QuarkusTestResource(DevStack.class)
class OrgUnitImportTest {

    static final String GOOD = """
            code,name,level,parentCode
            330782102000,义亭镇,TOWN,
            330782102201,示例一村（示例）,VILLAGE,330782102000
            330782102901,示例一村第一网格,GRID,330782102201
            330782006000,城西街道,TOWN,
            330782006201,七一村,VILLAGE,330782006000
            """;

    private static io.restassured.response.Response upload(String id, String csv) {
        return given().auth().oauth2(Tokens.countyAdmin(id)).contentType("text/csv; charset=UTF-8").body(csv)
                .post("/api/t/" + id + "/admin/org-units/import");
    }

    @Test
    void importsAndListsTheHierarchy() {
        String id = Counties.onboard("ou");
        upload(id, GOOD).then().statusCode(200).body("rows", equalTo(5)).body("created", equalTo(5));
        given().get("/api/t/" + id + "/org-units").then().statusCode(200).body("", hasSize(5))
                .body("find { it.code == '330782006201' }.name", equalTo("七一村"))
                .body("find { it.code == '330782006201' }.parentCode", equalTo("330782006000"));
        given().queryParam("level", "TOWN").get("/api/t/" + id + "/org-units").then().body("", hasSize(2));
        given().queryParam("parent", "330782102000").get("/api/t/" + id + "/org-units").then()
                .body("", hasSize(1)).body("[0].level", equalTo("VILLAGE"));
        upload(id, GOOD.replace("七一村", "七一村（改名）")).then().statusCode(200).body("created", equalTo(0))
                .body("updated", equalTo(5));
        given().get("/api/t/" + id + "/audit/verify").then().body("ok", equalTo(true)).body("entries", equalTo(3));
    }

    @Test
    void aBadRowRejectsTheWholeFileWithRowNumbers() {
        String id = Counties.onboard("oubad");
        String bad = GOOD + """
                33078200700,短码,TOWN,
                330782102202,无上级村,VILLAGE,330782999000
                330782102203,错级别,HAMLET,330782102000
                500105101000,外县镇,TOWN,
                330782102201,重复,VILLAGE,330782102000
                """;
        upload(id, bad).then().statusCode(422).contentType("application/problem+json")
                .body("errors", hasKey("row 7.code")).body("errors", hasKey("row 8.parentCode"))
                .body("errors", hasKey("row 9.level")).body("errors", hasKey("row 10.code"))
                .body("errors.'row 11.code'", containsString("repeats row 3"))
                .body("detail", containsString("Nothing was changed"));
        given().get("/api/t/" + id + "/org-units").then().body("", hasSize(0));
    }

    @Test
    void aFileWithoutTheHeaderOrEmptyIsABadRequest() {
        String id = Counties.onboard("ouhdr");
        upload(id, "code,name\n1,2\n").then().statusCode(400).body("errors", hasKey("row 1"));
        upload(id, "").then().statusCode(400);
        upload(id, "\"unterminated,quote\n").then().statusCode(400);
    }

    @Test
    void importingNeedsAnAccount() {
        String id = Counties.onboard("ouanon");
        given().contentType("text/csv; charset=UTF-8").body(GOOD).post("/api/t/" + id + "/admin/org-units/import").then()
                .statusCode(401);
    }
}
