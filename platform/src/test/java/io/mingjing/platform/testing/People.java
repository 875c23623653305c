package io.mingjing.platform.testing;

import static io.restassured.RestAssured.given;

import java.util.Map;

/** Arranges a county with a town, two villages, staff and villagers, through the platform's own APIs. */
public final class People {

    public static final String TOWN = "330782102000";
    public static final String VILLAGE_X = "330782102201";
    public static final String VILLAGE_Y = "330782102202";
    public static final String OTHER_TOWN = "330782006000";
    public static final String VILLAGE_Z = "330782006201";

    private People() {
    }

    /** A valid GB 11643 number from 17 digits. */
    public static String idNumber(String first17) {
        int[] w = { 7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2 };
        int sum = 0;
        for (int i = 0; i < 17; i++) {
            sum += (first17.charAt(i) - '0') * w[i];
        }
        return first17 + "10X98765432".charAt(sum % 11);
    }

    public static void orgUnits(String county, String adminToken) {
        given().auth().oauth2(adminToken).contentType("text/csv; charset=UTF-8").body("""
                code,name,level,parentCode
                330782102000,义亭镇,TOWN,
                330782102201,甲村,VILLAGE,330782102000
                330782102202,乙村,VILLAGE,330782102000
                330782006000,城西街道,TOWN,
                330782006201,七一村,VILLAGE,330782006000
                """).post("/api/t/" + county + "/admin/org-units/import").then().statusCode(200);
    }

    /** Two villagers of village X (phones prefix+001, +002) and one of village Y (+003); prefix has 8 digits. */
    public static void villagers(String county, String adminToken, String phonePrefix) {
        String csv = "household,name,idCard,phone,registeredVillage,residenceVillage\n"
                + "H-001,张三," + idNumber("33078219600101001") + "," + phonePrefix + "001," + VILLAGE_X + ",\n"
                + "H-001,李四," + idNumber("33078219650101002") + "," + phonePrefix + "002," + VILLAGE_X + ","
                + VILLAGE_X + "\n"
                + "H-002,王五," + idNumber("33078219700101003") + "," + phonePrefix + "003," + VILLAGE_Y + ",\n";
        given().auth().oauth2(adminToken).contentType("text/csv; charset=UTF-8").body(csv)
                .post("/api/t/" + county + "/admin/residents/import").then().statusCode(200);
    }

    /** Creates a staff account through the admin API and returns a token for it. */
    public static String staff(String county, String adminToken, String username, String role, String orgUnit) {
        given().auth().oauth2(adminToken).contentType("application/json")
                .body(orgUnit == null ? Map.of("username", username, "name", "职员" + username, "role", role)
                        : Map.of("username", username, "name", "职员" + username, "role", role, "orgUnit", orgUnit))
                .post("/api/t/" + county + "/admin/staff").then().statusCode(201);
        return Tokens.user(county, username);
    }
}
