package io.mingjing.platform.input;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasKey;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.startsWith;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.mingjing.platform.testing.ApiOperations;
import io.mingjing.platform.testing.ApiOperations.Operation;
import io.mingjing.platform.testing.Counties;
import io.mingjing.platform.testing.DevStack;
import io.mingjing.platform.testing.Samples;
import io.mingjing.platform.testing.Tokens;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.config.EncoderConfig;
import io.restassured.config.RestAssuredConfig;
import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

/**
 * Control characters, lone surrogates and U+FFFD in any path segment, query parameter, JSON string (at
 * any depth) or form field of every operation of the API document — anonymous, as a villager and as a
 * county admin — are a 4xx problem, never a 5xx. The path and query ones are refused before anything
 * else, so they are a 400 naming the part.
 */
@QuarkusTest
@QuarkusTestResource(DevStack.class)
class HostileInputTest {

    static final String COUNTY = "yiwu";
    /** Percent-encoded: NUL, a C0 control, DEL, a lone surrogate (CESU-8), a byte that is not UTF-8, U+FFFD. */
    static final List<String> IN_URL = List.of("%00", "a%01b", "%7F", "%ED%A0%80", "%FF", "%EF%BF%BD", "x%0Ay");
    static final List<String> IN_TEXT = List.of("\u0000", "a\u0001b", "\u007f", "\ud800", "\ufffd", "x\u001by");
    static final RestAssuredConfig RAW = RestAssuredConfig.config()
            .encoderConfig(EncoderConfig.encoderConfig().defaultContentCharset("UTF-8"));

    static List<String> callers;

    @BeforeEach
    void logIn() {
        if (callers == null) {
            Counties.awaitDemoCounties();
            callers = new ArrayList<>();
            callers.add(null);
            callers.add(Tokens.password("mingjing-" + COUNTY, "13507820001", "100004")); // demo passwords stay
            callers.add(Tokens.password("mingjing-" + COUNTY, "admin", "admin"));
        }
    }

    static RequestSpecification as(String token) {
        RequestSpecification r = given().config(RAW).urlEncodingEnabled(false).redirects().follow(false);
        return token == null ? r : r.auth().oauth2(token);
    }

    static String plain(ApiOperations.Param p) {
        return p.name().equals("tenant") ? COUNTY : "1";
    }

    @TestFactory
    Stream<DynamicTest> everyOperationRefusesBadCharactersInPathQueryAndBody() {
        List<DynamicTest> tests = new ArrayList<>();
        List<Operation> operations = ApiOperations.all();
        assertTrue(operations.size() > 50, "the document lists the API");
        int n = 0;
        for (Operation op : operations) {
            for (int c = 0; c < callers.size(); c++) {
                String token = callers.get(c);
                String bad = IN_URL.get(n % IN_URL.size());
                String text = IN_TEXT.get(n++ % IN_TEXT.size());
                String who = c == 0 ? "anonymous" : c == 1 ? "villager" : "admin";
                tests.add(DynamicTest.dynamicTest(op + " as " + who, () -> {
                    for (ApiOperations.Param p : op.pathParams()) {
                        refusedInUrl(as(token).request(op.method(), op.path(x -> x == p ? bad : plain(x))), "path");
                    }
                    String name = op.query().isEmpty() ? "q" : op.query().get(0).name();
                    refusedInUrl(as(token).request(op.method(), op.path(HostileInputTest::plain) + "?" + name + "="
                            + bad), "query." + name);
                    if (op.mediaType() != null) {
                        refusedInBody(op, token, text);
                    }
                }));
            }
        }
        return tests.stream();
    }

    private static void refusedInUrl(Response r, String field) {
        r.then().statusCode(400).contentType(startsWith("application/problem+json")).body("errors", hasKey(field));
    }

    private static void refusedInBody(Operation op, String token, String text) {
        RequestSpecification r = as(token);
        String path = op.path(HostileInputTest::plain);
        boolean[] carried = { !op.mediaType().contains("json") };
        if (op.mediaType().contains("json")) {
            r = r.contentType("application/json; charset=UTF-8").body(Samples.of(op, op.body(), (type, field) -> {
                Object v = leaf(type, text);
                carried[0] |= v == text;
                return v;
            }));
        } else if (op.mediaType().contains("form")) {
            boolean multipart = op.mediaType().startsWith("multipart");
            r = r.contentType(op.mediaType() + (multipart ? "" : "; charset=UTF-8"));
            for (String p : iterable(op)) {
                r = multipart ? r.multiPart(p, text) : r.formParam(p, text);
            }
        } else {
            r = r.contentType(op.mediaType()).body(("household,name\n" + text + "\n").getBytes(
                    java.nio.charset.StandardCharsets.UTF_8));
        }
        Response answer = r.request(op.method(), path);
        int status = answer.statusCode();
        if (carried[0]) {
            assertTrue(status >= 400 && status < 500, op + " answered " + status + ": " + answer.asString());
            answer.then().contentType(startsWith("application/problem+json"));
        } else {
            assertTrue(status < 500, op + " answered " + status + ": " + answer.asString());
        }
    }

    private static Iterable<String> iterable(Operation op) {
        List<String> names = new ArrayList<>();
        op.body().path("properties").fieldNames().forEachRemaining(names::add);
        return names;
    }

    private static Object leaf(String type, String text) {
        if (type.startsWith("integer") || type.startsWith("number")) {
            return 1;
        }
        return type.startsWith("boolean") ? true : text;
    }

    @Test
    void nestedJsonStringsAreRefusedWithTheirPath() {
        String admin = callers.get(2);
        given().auth().oauth2(admin).contentType("application/json")
                .body(Map.of("village", "330782102201", "title", "x", "steps", List.of("受理", "审\u0000核")))
                .post("/api/t/" + COUNTY + "/power-items").then().statusCode(400)
                .contentType(startsWith("application/problem+json")).body("errors", hasKey("steps[1]"));
    }

    @Test
    void typeAndEnumMismatchesNameTheFieldInPlainWords() {
        String admin = callers.get(2);
        Response r = given().auth().oauth2(admin).contentType("application/json")
                .body("{\"username\":\"abc\",\"name\":\"x\",\"role\":\"cadre\",\"orgUnit\":{\"a\":1}}")
                .post("/api/t/" + COUNTY + "/admin/staff");
        r.then().statusCode(400).contentType(startsWith("application/problem+json"))
                .body("errors.orgUnit", equalTo("must be text"));
        given().auth().oauth2(callers.get(1)).contentType("application/json")
                .body("{\"kind\":\"NOPE\",\"subject\":\"s\",\"body\":\"b\"}").post("/api/t/" + COUNTY + "/appeals")
                .then().statusCode(400).body("errors.kind", startsWith("must be one of SUGGESTION"))
                .body("errors.kind", not(containsString("io.mingjing")));
        given().auth().oauth2(callers.get(1)).contentType("application/json").body("{\"kind\":")
                .post("/api/t/" + COUNTY + "/appeals").then().statusCode(400)
                .contentType(startsWith("application/problem+json")).body("errors", hasKey("kind"));
    }

    @Test
    void formFieldsAreCheckedAsTheyAreBound() {
        given().contentType("application/x-www-form-urlencoded; charset=UTF-8").formParam("service_code", "x")
                .formParam("description", "路灯\u0000坏了").post("/api/t/" + COUNTY + "/open311/v2/requests.json").then()
                .statusCode(400).contentType(startsWith("application/problem+json"))
                .body("errors.description", startsWith("contains the control character"));
    }

    @Test
    void aLiteralPercentInThePathIsRefusedBeforeTheRestLayerDecodesItTwice() {
        for (String path : List.of("/api/t/" + COUNTY + "/power-items/%25", "/api/t/%25/org-units",
                "/api/t/" + COUNTY + "/open311/v2/services/%25.json", "/t/" + COUNTY + "/v/%25")) {
            given().urlEncodingEnabled(false).redirects().follow(false).get(path).then().statusCode(404)
                    .contentType(startsWith("application/problem+json"))
                    .body("errors.path", equalTo("contains a percent sign (%25)"));
        }
    }

    @Test
    void queryParametersOfTheWrongTypeNameTheParameter() {
        given().auth().oauth2(callers.get(2)).queryParam("year", "twenty")
                .get("/api/t/" + COUNTY + "/villages/330782102201/payments").then().statusCode(400)
                .contentType(startsWith("application/problem+json")).body("errors.year", equalTo("must be a whole number"));
        given().auth().oauth2(callers.get(2)).queryParam("state", "NOPE").get("/api/t/" + COUNTY + "/appeals").then()
                .statusCode(400).body("errors.state", startsWith("must be one of"));
    }

    @Test
    void deepNestingIsA400WithoutLibraryWords() {
        String deep = "[".repeat(3000) + "]".repeat(3000);
        given().auth().oauth2(callers.get(1)).contentType("application/json").body("{\"subject\":" + deep + "}")
                .post("/api/t/" + COUNTY + "/appeals").then().statusCode(400)
                .contentType(startsWith("application/problem+json"))
                .body(not(containsString("Jackson"))).body(not(containsString("StreamReadConstraints")));
    }

    @Test
    void overlongAddressesAndHeadersAnswerProblems() {
        given().get("/api/t/" + COUNTY + "/org-units?q=" + "a".repeat(10_000)).then().statusCode(414)
                .contentType(startsWith("application/problem+json")).body("status", equalTo(414));
        given().header("X-Big", "b".repeat(30_000)).get("/api/t/" + COUNTY + "/org-units").then().statusCode(431)
                .contentType(startsWith("application/problem+json")).body("status", equalTo(431));
    }

    @Test
    void languageSwitchGoesBackOnlyWithinTheCounty() {
        for (String back : List.of("%5Cevil.example", "/t/" + COUNTY + "/%5C%5Cevil.example", "https://evil.example/",
                "//evil.example/t/" + COUNTY + "/", "/t/" + COUNTY + "/../../api/platform/tenants",
                "/t/other/", "javascript:alert(1)")) {
            given().urlEncodingEnabled(false).redirects().follow(false).get("/t/" + COUNTY + "/lang/en?back=" + back)
                    .then().statusCode(303).header("Location", endsWithPath("/t/" + COUNTY + "/"));
        }
        given().redirects().follow(false).queryParam("back", "/t/" + COUNTY + "/policies?page=2")
                .get("/t/" + COUNTY + "/lang/en").then().statusCode(303)
                .header("Location", containsString("/t/" + COUNTY + "/policies?page=2"));
    }

    private static org.hamcrest.Matcher<String> endsWithPath(String path) {
        return org.hamcrest.Matchers.endsWith(path);
    }
}
