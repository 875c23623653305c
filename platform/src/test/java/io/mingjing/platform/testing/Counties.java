package io.mingjing.platform.testing;

import static io.restassured.RestAssured.given;

import io.restassured.http.ContentType;
import java.util.concurrent.atomic.AtomicInteger;

/** Onboards throwaway counties with unique ids through the operator API. */
public final class Counties {

    private static final AtomicInteger NEXT = new AtomicInteger();
    private static final String RUN = Long.toString(System.currentTimeMillis() % 100000, 36);

    private Counties() {
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

    /** Onboards a county in 330782's range and returns its id. */
    public static String onboard(String prefix) {
        String id = uniqueId(prefix);
        given().auth().oauth2(Tokens.operator()).contentType(ContentType.JSON).body(body(id, "330782"))
                .post("/api/platform/tenants").then().statusCode(201);
        return id;
    }
}
