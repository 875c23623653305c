package io.mingjing.platform.openapi;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.mingjing.platform.testing.ApiOperations;
import io.mingjing.platform.testing.ApiOperations.Operation;
import io.mingjing.platform.testing.Counties;
import io.mingjing.platform.testing.DevStack;
import io.mingjing.platform.testing.Samples;
import io.mingjing.platform.testing.Tokens;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.specification.RequestSpecification;
import jakarta.ws.rs.HttpMethod;
import jakarta.ws.rs.Path;
import java.io.IOException;
import java.lang.annotation.Annotation;
import java.lang.reflect.Method;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * The API document is true: every JAX-RS route outside the HTML portal is in it, every county operation
 * declares {@code tenant}, and what the platform really answers to valid and invalid calls is among
 * the responses the document lists.
 */
@QuarkusTest
@QuarkusTestResource(DevStack.class)
class OpenApiContractTest {

    static final String COUNTY = "yiwu";

    @Test
    void everyRouteIsDocumented() throws IOException {
        JsonNode paths = ApiOperations.document().path("paths");
        Set<String> missing = new TreeSet<>();
        for (String route : routes()) {
            String method = route.substring(0, route.indexOf(' ')).toLowerCase();
            String path = route.substring(route.indexOf(' ') + 1);
            if (!paths.path(path).has(method)) {
                missing.add(route);
            }
        }
        assertEquals(Set.of(), missing, "routes missing from /q/openapi");
    }

    @Test
    void everyCountyOperationDeclaresTheCounty() {
        List<String> without = ApiOperations.all().stream().filter(Operation::county)
                .filter(op -> op.pathParams().stream().noneMatch(p -> p.name().equals("tenant")))
                .map(Operation::toString).toList();
        assertEquals(List.of(), without);
    }

    @Test
    void portalPagesAndTemplateTypesAreNotPartOfTheApi() {
        JsonNode doc = ApiOperations.document();
        doc.path("paths").fieldNames().forEachRemaining(p -> assertTrue(!p.startsWith("/t/") && !p.startsWith("/console"), p));
        doc.path("components").path("schemas").fieldNames().forEachRemaining(s -> assertTrue(
                !s.contains("Template") && !s.equals("Variant") && !s.equals("Locale"), s));
        assertTrue(doc.path("components").path("schemas").has("Problem"));
    }

    @Test
    void nullableFieldsSayTheyMayBeNull() {
        JsonNode department = ApiOperations.document().at("/components/schemas/PolicyView/properties/department");
        assertTrue(department.toString().contains("null"), department.toString());
    }

    @Test
    void answeredStatusesAreDocumented() {
        Counties.awaitDemoCounties();
        String admin = Tokens.password("mingjing-" + COUNTY, "admin", "admin");
        String villager = Tokens.password("mingjing-" + COUNTY, "13507820001", "100004"); // demo passwords stay: the browser test uses them
        String operator = Tokens.operator();
        List<String> wrong = new ArrayList<>();
        int calls = 0;
        for (Operation op : ApiOperations.all()) {
            if (op.method().equals("delete") || op.path().endsWith("/suspend") || op.path().contains("/disable")) {
                continue; // would change the demo county for the other tests
            }
            String token = op.path().startsWith("/api/platform") ? operator : admin;
            for (String who : List.of("valid", "invalid", "anonymous", "villager")) {
                String t = who.equals("anonymous") ? null : who.equals("villager") ? villager : token;
                int status = call(op, t, !who.equals("invalid"));
                calls++;
                if (!op.responses().has(Integer.toString(status)) && !op.responses().has("default")) {
                    wrong.add(op + " (" + who + ") answered " + status + ", documented " + codes(op));
                }
            }
        }
        assertTrue(calls > 80, "calls made: " + calls);
        assertEquals(List.of(), wrong);
    }

    static int call(Operation op, String token, boolean valid) {
        RequestSpecification r = given().redirects().follow(false);
        r = token == null ? r : r.auth().oauth2(token);
        String path = op.path(p -> p.name().equals("tenant") ? COUNTY : valid ? "330782102201" : "%20x");
        if (op.mediaType() != null && op.mediaType().contains("json")) {
            r = r.contentType("application/json").body(valid ? Samples.of(op, op.body(), (type, name) -> plain(type))
                    : Samples.of(op, op.body(), (type, name) -> List.of(Set.of())));
        } else if (op.mediaType() != null && op.mediaType().contains("form")) {
            r = r.contentType(op.mediaType());
            r = valid ? (op.mediaType().startsWith("multipart") ? r.multiPart("description", "x") : r.formParam("a", "b")) : r;
        } else if (op.mediaType() != null) {
            r = r.contentType(op.mediaType().contains("*") ? "text/csv" : op.mediaType())
                    .body(valid ? "a,b\n".getBytes(java.nio.charset.StandardCharsets.UTF_8) : new byte[0]);
        }
        for (ApiOperations.Param q : op.query()) {
            r = r.queryParam(q.name(), valid ? "1" : "-99999999999999999999");
        }
        return r.request(op.method(), path).statusCode();
    }

    static Object plain(String type) {
        return type.startsWith("integer") || type.startsWith("number") ? 1 : type.startsWith("boolean") ? true
                : type.contains("date-time") ? "2024-05-01T08:00:00Z" : type.contains("date") ? "2024-05-01" : "x";
    }

    private static String codes(Operation op) {
        List<String> codes = new ArrayList<>();
        op.responses().fieldNames().forEachRemaining(codes::add);
        return String.join(",", codes);
    }

    /** "GET /api/t/{tenant}/org-units" for every resource method of the platform, portal pages left out. */
    static List<String> routes() throws IOException {
        java.nio.file.Path root = java.nio.file.Path.of("target/classes");
        List<String> routes = new ArrayList<>();
        try (Stream<java.nio.file.Path> files = Files.walk(root.resolve("io/mingjing/platform"))) {
            for (java.nio.file.Path f : files.filter(f -> f.toString().endsWith(".class")).toList()) {
                String name = root.relativize(f).toString().replace('/', '.').replaceAll("\\.class$", "");
                routes.addAll(routes(load(name)));
            }
        }
        return routes.stream().filter(r -> !r.contains(" /t/") && !r.endsWith(" /console") && !r.contains(" /console/")).toList();
    }

    private static Class<?> load(String name) {
        try {
            return Class.forName(name, false, OpenApiContractTest.class.getClassLoader());
        } catch (ClassNotFoundException | LinkageError e) {
            return Object.class;
        }
    }

    private static List<String> routes(Class<?> type) {
        Path base = type.getAnnotation(Path.class);
        if (base == null) {
            return List.of();
        }
        List<String> routes = new ArrayList<>();
        for (Method m : type.getDeclaredMethods()) {
            String verb = verb(m);
            if (verb != null) {
                Path sub = m.getAnnotation(Path.class);
                routes.add(verb + " " + template(base.value() + (sub == null ? "" : "/" + sub.value())));
            }
        }
        return routes;
    }

    private static String verb(Method m) {
        for (Annotation a : m.getAnnotations()) {
            HttpMethod http = a.annotationType().getAnnotation(HttpMethod.class);
            if (http != null) {
                return http.value();
            }
        }
        return null;
    }

    static String template(String raw) {
        String p = ("/" + raw).replaceAll("/+", "/").replaceAll("\\{([^}:]+):[^}]*}", "{$1}").replaceAll("\\{\\s+", "{")
                .replaceAll("\\s+}", "}");
        return p.length() > 1 && p.endsWith("/") ? p.substring(0, p.length() - 1) : p;
    }
}
