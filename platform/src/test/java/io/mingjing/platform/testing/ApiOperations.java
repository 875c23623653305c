package io.mingjing.platform.testing;

import static io.restassured.RestAssured.given;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/** The operations of the platform's own OpenAPI document, as tests and the fuzz run walk them. */
public final class ApiOperations {

    private static final ObjectMapper JSON = new ObjectMapper();

    public record Param(String name, String in, JsonNode schema) {
    }

    public record Operation(String method, String path, List<Param> params, JsonNode body, String mediaType,
            JsonNode responses, JsonNode document) {

        public boolean county() {
            return path.startsWith("/api/t/{tenant}") || path.startsWith("/t/{tenant}");
        }

        /** The path with each parameter replaced by {@code value.apply(param)} (already encoded). */
        public String path(Function<Param, String> value) {
            String p = path;
            for (Param param : params) {
                if (param.in().equals("path")) {
                    p = p.replace("{" + param.name() + "}", value.apply(param));
                }
            }
            return p.replaceAll("\\{[^}]+}", "x");
        }

        public List<Param> query() {
            return params.stream().filter(p -> p.in().equals("query")).toList();
        }

        public List<Param> pathParams() {
            return params.stream().filter(p -> p.in().equals("path")).toList();
        }

        public JsonNode resolve(JsonNode schema) {
            return ApiOperations.resolve(document, schema);
        }

        @Override
        public String toString() {
            return method.toUpperCase() + " " + path;
        }
    }

    private ApiOperations() {
    }

    public static JsonNode document() {
        try {
            return JSON.readTree(given().queryParam("format", "json").get("/q/openapi").then().statusCode(200)
                    .extract().asString());
        } catch (java.io.IOException e) {
            throw new IllegalStateException(e);
        }
    }

    public static List<Operation> all() {
        JsonNode doc = document();
        List<Operation> operations = new ArrayList<>();
        for (Iterator<Map.Entry<String, JsonNode>> paths = doc.path("paths").fields(); paths.hasNext();) {
            Map.Entry<String, JsonNode> path = paths.next();
            for (Iterator<Map.Entry<String, JsonNode>> ops = path.getValue().fields(); ops.hasNext();) {
                Map.Entry<String, JsonNode> op = ops.next();
                if (op.getKey().equals("parameters")) {
                    continue;
                }
                operations.add(operation(doc, path.getKey(), op.getKey(), path.getValue(), op.getValue()));
            }
        }
        return operations;
    }

    private static Operation operation(JsonNode doc, String path, String method, JsonNode item, JsonNode op) {
        List<Param> params = new ArrayList<>();
        for (JsonNode list : List.of(item.path("parameters"), op.path("parameters"))) {
            for (JsonNode p : list) {
                JsonNode real = resolve(doc, p);
                params.add(new Param(real.path("name").asText(), real.path("in").asText(),
                        resolve(doc, real.path("schema"))));
            }
        }
        JsonNode content = op.path("requestBody").path("content");
        String media = content.fieldNames().hasNext() ? content.fieldNames().next() : null;
        JsonNode body = media == null ? null : resolve(doc, content.path(media).path("schema"));
        return new Operation(method, path, params, body, media, op.path("responses"), doc);
    }

    static JsonNode resolve(JsonNode doc, JsonNode schema) {
        JsonNode s = schema;
        for (int i = 0; i < 10 && s != null && s.has("$ref"); i++) {
            String ref = s.get("$ref").asText();
            s = doc.at(ref.substring(1));
        }
        return s;
    }
}
