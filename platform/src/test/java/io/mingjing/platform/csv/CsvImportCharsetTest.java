package io.mingjing.platform.csv;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasKey;
import static org.hamcrest.Matchers.startsWith;

import io.mingjing.platform.testing.Counties;
import io.mingjing.platform.testing.DevStack;
import io.mingjing.platform.testing.People;
import io.mingjing.platform.testing.Tokens;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/**
 * County offices upload what Excel writes: UTF-8 with or without a byte-order mark, or GBK/GB18030.
 * Each decodes to the same names; bytes that are neither are a 400, never a stored U+FFFD; names
 * Keycloak would refuse are a row error, never a 500.
 */
@QuarkusTest
@QuarkusTestResource(DevStack.class)
class CsvImportCharsetTest {

    static final String HEADER = "household,name,idCard,phone,registeredVillage,residenceVillage\n";

    static String row(String name, String idFirst17, String phone) {
        return "H-9," + name + "," + People.idNumber(idFirst17) + "," + phone + "," + People.VILLAGE_X + ",\n";
    }

    static io.restassured.response.Response upload(String county, String admin, byte[] csv) {
        return given().auth().oauth2(admin).contentType("text/csv").body(csv)
                .post("/api/t/" + county + "/admin/residents/import");
    }

    @Test
    void gbkUtf8AndUtf8WithBomReadTheSameNames() {
        String county = Counties.onboard("gbk");
        String admin = Tokens.countyAdmin(county);
        People.orgUnits(county, admin);
        byte[] gbk = (HEADER + row("欧阳娜娜", "33078219800101011", "13977700001")).getBytes(Charset.forName("GBK"));
        upload(county, admin, gbk).then().statusCode(200).body("created", equalTo(1));
        byte[] bom = ("\uFEFF" + HEADER + row("龚琳娜", "33078219800101022", "13977700002"))
                .getBytes(StandardCharsets.UTF_8);
        upload(county, admin, bom).then().statusCode(200).body("created", equalTo(1));
        String villager = Tokens.user(county, "13977700001");
        given().auth().oauth2(villager).get("/api/t/" + county + "/residents/me").then().statusCode(200)
                .body("name", equalTo("欧阳娜娜"));
        given().auth().oauth2(Tokens.user(county, "13977700002")).get("/api/t/" + county + "/residents/me")
                .then().statusCode(200).body("name", equalTo("龚琳娜"));
    }

    @Test
    void bytesThatAreNoTextAndControlCharactersAreA400() {
        String county = Counties.onboard("badcsv");
        String admin = Tokens.countyAdmin(county);
        byte[] junk = (HEADER + "H-1,").getBytes(StandardCharsets.UTF_8);
        byte[] bad = java.util.Arrays.copyOf(junk, junk.length + 3);
        bad[junk.length] = (byte) 0x81;
        bad[junk.length + 1] = (byte) 0x20;
        bad[junk.length + 2] = (byte) 0xFF;
        upload(county, admin, bad).then().statusCode(400).contentType(startsWith("application/problem+json"))
                .body("errors", hasKey("file"));
        upload(county, admin, (HEADER + "H-1,张\u0000三,x,y,z,\n").getBytes(StandardCharsets.UTF_8)).then()
                .statusCode(400).body("errors", hasKey("file"));
    }

    @Test
    void namesKeycloakWouldRefuseAreRowErrors() {
        String county = Counties.onboard("names");
        String admin = Tokens.countyAdmin(county);
        People.orgUnits(county, admin);
        String csv = HEADER + row("=HYPERLINK(1)", "33078219800101033", "13977700003")
                + row("<b>王</b>", "33078219800101044", "13977700004");
        upload(county, admin, csv.getBytes(StandardCharsets.UTF_8)).then().statusCode(422)
                .contentType(startsWith("application/problem+json")).body("errors", hasKey("row 2.name"))
                .body("errors", hasKey("row 3.name"));
    }
}
