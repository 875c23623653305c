package io.mingjing.platform.fuzz;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.mingjing.platform.testing.ApiOperations;
import io.mingjing.platform.testing.ApiOperations.Operation;
import io.mingjing.platform.testing.Counties;
import io.mingjing.platform.testing.DevStack;
import io.mingjing.platform.testing.People;
import io.mingjing.platform.testing.Samples;
import io.mingjing.platform.testing.Tokens;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.config.EncoderConfig;
import io.restassured.config.HttpClientConfig;
import io.restassured.config.RestAssuredConfig;
import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;
import java.math.BigInteger;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;

/**
 * Hostile requests driven by the API document: every parameter and body field of a random operation
 * gets NUL, huge strings, odd Unicode, numbers out of range, wrong types, path traversal, {@code ;} and
 * {@code %3b} in segments or deep nesting, as an anonymous caller, a villager, a county admin or the
 * operator. Not one may answer 5xx. The suite runs 1,000 requests; the full run:
 * {@code -Dmingjing.fuzz.requests=12000} (and {@code -Dmingjing.fuzz.seed=…} to replay one).
 */
@QuarkusTest
@QuarkusTestResource(DevStack.class)
class OpenApiFuzzTest {

    static final int REQUESTS = Integer.getInteger("mingjing.fuzz.requests", 1000);
    static final long SEED = Long.getLong("mingjing.fuzz.seed", System.currentTimeMillis());

    static final List<String> SEGMENTS = List.of("%00", "..", "%2e%2e", "..%2f..%2fetc%2fpasswd", "a;b", "a%3bb",
            ";x=1", "x;jsessionid=1", "%2F", "%5C", "%ED%A0%80", "%FF", "-1", "0", "99999999999999999999",
            "9223372036854775808", "%20", "%25", "~", "%E4%B8%AD%E6%96%87", "a".repeat(3000), "%F0%9F%98%80", "NaN",
            "1e309", "%0d%0aSet-Cookie:x=1", "%3Cscript%3E", "null", ".", "%C0%AE%C0%AE");
    static final List<Object> TEXTS = List.of("\u0000", "a\u0000b", "x".repeat(100_000), "中".repeat(20_000),
            "\ud800", "\udfff\ud800", "\ufffd", "\u202e\u200b\ufeff", "👨‍👩‍👧‍👦🏳️‍🌈", "' OR 1=1 --", "\"; DROP TABLE x; --",
            "../../../../etc/passwd", "<script>alert(1)</script>", "${jndi:ldap://x/a}", "{{7*7}}", "", " ",
            "null", "2024-13-45", "2024-02-30T25:61:00Z", "-1", "9".repeat(400), "1e309", "\\", "%00", "\r\n\t",
            "330782102201", "yiwu", "SUGGESTION");
    static final List<Object> NUMBERS = List.of(-1, 0, Long.MAX_VALUE, Long.MIN_VALUE, 1e308, -1e308, 1.5,
            new BigInteger("9".repeat(50)), Integer.MAX_VALUE, 2147483648L);
    static final List<Object> WRONG = List.of(List.of(), Map.of(), true, false, "x", 1, List.of(List.of(1)),
            Map.of("a", Map.of("b", "c")));

    final Random random = new Random(SEED);
    final RestAssuredConfig config = RestAssuredConfig.config()
            .encoderConfig(EncoderConfig.encoderConfig().defaultContentCharset("UTF-8"))
            .httpClient(HttpClientConfig.httpClientConfig().setParam("http.socket.timeout", 30_000));
    /** Bodies sent as they are, whatever the content type claims. */
    final RestAssuredConfig raw = config.encoderConfig(config.getEncoderConfig()
            .encodeContentTypeAs("multipart/form-data", io.restassured.http.ContentType.TEXT)
            .encodeContentTypeAs("application/x-www-form-urlencoded", io.restassured.http.ContentType.TEXT)
            .encodeContentTypeAs("application/xml", io.restassured.http.ContentType.TEXT));
    String county;
    List<String> tokens;

    @Test
    void hostileRequestsNeverMeetA5xx() {
        arrange();
        List<Operation> operations = ApiOperations.all();
        Map<String, Integer> statuses = new TreeMap<>();
        List<String> failures = new ArrayList<>();
        for (int i = 0; i < REQUESTS; i++) {
            Operation op = operations.get(random.nextInt(operations.size()));
            String token = tokens.get(random.nextInt(tokens.size()));
            Response r = send(op, token);
            statuses.merge(Integer.toString(r.statusCode()), 1, Integer::sum);
            if (r.statusCode() >= 500 && failures.size() < 30) {
                failures.add(op + " → " + r.statusCode() + " " + r.asString().substring(0,
                        Math.min(300, r.asString().length())));
            }
        }
        System.out.printf("fuzz: %d requests, seed %d, statuses %s%n", REQUESTS, SEED, statuses);
        failures.forEach(f -> System.out.println("fuzz 5xx: " + f));
        assertEquals(List.of(), failures, "seed " + SEED + ", statuses " + statuses);
    }

    /** Seed 1796130260549 met this: the multipart parser ran out of body before any boundary (a 500). */
    @Test
    void aMultipartBodyWithoutItsBoundaryIsA400() {
        String c = Counties.onboard("multipart");
        given().config(raw).contentType("multipart/form-data; boundary=x").body("\u0000garbage{")
                .post("/api/t/" + c + "/appeals").then().log().ifValidationFails().statusCode(400)
                .contentType("application/problem+json");
    }

    private void arrange() {
        Counties.awaitDemoCounties();
        county = Counties.onboard("fuzz");
        String admin = Tokens.countyAdmin(county);
        People.orgUnits(county, admin);
        People.villagers(county, admin, "13988800");
        tokens = new ArrayList<>();
        tokens.add(null);
        tokens.add(Tokens.user(county, "13988800001"));
        tokens.add(admin);
        tokens.add(Tokens.operator());
    }

    private Response send(Operation op, String token) {
        RequestSpecification r = given().config(config).urlEncodingEnabled(false).redirects().follow(false);
        r = token == null ? r : r.auth().oauth2(token);
        String path = op.path(p -> p.name().equals("tenant") && random.nextInt(4) > 0 ? county : segment());
        StringBuilder query = new StringBuilder();
        for (ApiOperations.Param q : op.query()) {
            if (random.nextBoolean()) {
                query.append(query.isEmpty() ? "?" : "&").append(q.name()).append('=').append(segment());
            }
        }
        if (random.nextInt(10) == 0) {
            query.append(query.isEmpty() ? "?" : "&").append(segment()).append('=').append(segment());
        }
        if (op.mediaType() != null) {
            r = body(r, op);
        }
        String method = random.nextInt(40) == 0 ? List.of("get", "post", "put", "delete", "patch").get(random.nextInt(5))
                : op.method();
        return r.request(method, path + query);
    }

    private RequestSpecification body(RequestSpecification r, Operation op) {
        int shape = random.nextInt(12);
        if (shape == 0) {
            return r.contentType("application/json").body("[".repeat(5000) + "]".repeat(5000));
        }
        if (shape == 1) {
            return r.contentType("application/json").body("{\"a\":" + "{\"a\":".repeat(3000) + "1" + "}".repeat(3001));
        }
        if (shape == 2) {
            return r.config(raw).contentType(List.of("application/json", "text/csv", "application/xml", "multipart/form-data;"
                    + " boundary=x", "application/x-www-form-urlencoded").get(random.nextInt(5)))
                    .body(random.nextBoolean() ? "\u0000garbage{" : "--x\r\nContent-Disposition: form-data; name=\"a\""
                            + "\r\n\r\n\u0000\r\n--x--\r\n");
        }
        if (op.mediaType().contains("json")) {
            Object value = op.body() == null ? Map.of() : Samples.of(op, op.body(), (type, name) -> leaf(type));
            // a scalar body (a raw or string schema) may come out as JSON null, which is a body too
            return r.contentType("application/json; charset=UTF-8").body(value == null ? "null" : value);
        }
        if (op.mediaType().contains("form")) {
            boolean multipart = op.mediaType().startsWith("multipart");
            r = r.contentType(multipart ? "multipart/form-data" : "application/x-www-form-urlencoded; charset=UTF-8");
            List<String> names = new ArrayList<>();
            if (op.body() != null) {
                op.body().path("properties").fieldNames().forEachRemaining(names::add);
            }
            for (String name : names) {
                String v = String.valueOf(TEXTS.get(random.nextInt(TEXTS.size())));
                r = multipart ? r.multiPart(name, v) : r.formParam(name, URLEncoder.encode(v, StandardCharsets.UTF_8));
            }
            return names.isEmpty() && multipart ? r.multiPart("x", "y") : r;
        }
        String csv = "household,name,idCard,phone,registeredVillage,residenceVillage\n" + csvRow() + "\n" + csvRow();
        byte[] bytes = random.nextInt(3) == 0 ? csv.getBytes(java.nio.charset.Charset.forName("GB18030"))
                : random.nextInt(3) == 0 ? new byte[] { (byte) 0xff, (byte) 0xfe, 0, 0x41, (byte) 0x81 }
                        : csv.getBytes(StandardCharsets.UTF_8);
        return r.contentType("text/csv").body(bytes);
    }

    private String csvRow() {
        StringBuilder row = new StringBuilder();
        for (int i = 0; i < 6; i++) {
            row.append(i == 0 ? "" : ",").append(random.nextBoolean() ? "\"" + text().replace("\"", "\"\"") + "\""
                    : "=cmd|' /C calc'!A0");
        }
        return row.toString();
    }

    private Object leaf(String type) {
        int pick = random.nextInt(10);
        if (pick == 0) {
            return WRONG.get(random.nextInt(WRONG.size()));
        }
        if (pick == 1) {
            return null;
        }
        if (type.startsWith("integer") || type.startsWith("number")) {
            return pick < 5 ? NUMBERS.get(random.nextInt(NUMBERS.size())) : random.nextInt(100);
        }
        if (type.startsWith("boolean")) {
            return pick < 4 ? text() : random.nextBoolean();
        }
        return pick < 4 ? "x" + random.nextInt(1000) : text();
    }

    private String text() {
        return String.valueOf(TEXTS.get(random.nextInt(TEXTS.size())));
    }

    private String segment() {
        return SEGMENTS.get(random.nextInt(SEGMENTS.size()));
    }
}
