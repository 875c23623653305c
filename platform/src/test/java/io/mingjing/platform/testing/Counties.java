package io.mingjing.platform.testing;

import static io.restassured.RestAssured.given;

import io.mingjing.platform.tenancy.TenantIds;
import io.restassured.http.ContentType;
import java.sql.Connection;
import java.sql.ResultSet;
import java.util.concurrent.atomic.AtomicInteger;

/** Onboards throwaway counties with unique ids through the operator API. */
public final class Counties {

    private static final AtomicInteger NEXT = new AtomicInteger();
    private static final String RUN = Long.toString(System.currentTimeMillis() % 100000, 36);

    private Counties() {
    }

    /**
     * Waits until the descriptors in tenants/ are applied: yiwu comes last, and its demo staff are
     * the last thing applied for it.
     */
    public static void awaitDemoCounties() {
        org.awaitility.Awaitility.await().atMost(java.time.Duration.ofSeconds(300)).until(() -> given()
                .baseUri("http://127.0.0.1:" + KeycloakServer.PORT).formParam("grant_type", "password")
                .formParam("client_id", "mingjing-cli").formParam("username", "inspector")
                .formParam("password", "demo123").post("/realms/mingjing-yiwu/protocol/openid-connect/token")
                .statusCode() == 200);
    }

    /** A number from one county's schema, which the query names {@code $s}; read as superuser, past its grants. */
    public static long count(String county, String sql) {
        try (Connection c = Postgres.admin(DevStack.DATABASE); ResultSet r = c.createStatement()
                .executeQuery(sql.replace("$s", TenantIds.schema(county)))) {
            r.next();
            return r.getLong(1);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    public static String uniqueId(String prefix) {
        return prefix + "-" + RUN + "-" + NEXT.incrementAndGet();
    }

    public static String body(String id, String regionCode) {
        return """
                {"id":"%s","name":"测试县","regionCode":"%s",
                 "branding":{"primaryColor":"#c0392b","motto":"阳光村务"},
                 "admin":{"username":"admin","email":"admin@example.org"},"modules":[]}
                """.formatted(id, regionCode);
    }

    /** Onboards a county in 330782's range and returns its id; its admin logs in with {@link Tokens#countyAdmin}. */
    public static String onboard(String prefix) {
        String id = uniqueId(prefix);
        given().auth().oauth2(Tokens.operator()).contentType(ContentType.JSON).body(body(id, "330782"))
                .post("/api/platform/tenants").then().statusCode(201);
        return id;
    }
}
