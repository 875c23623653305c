package io.mingjing.platform.testing;

import com.fasterxml.jackson.databind.JsonNode;
import io.mingjing.platform.testing.ApiOperations.Operation;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.BiFunction;

/** Bodies shaped by a schema of the API document, with every leaf chosen by the caller. */
public final class Samples {

    private Samples() {
    }

    /** @param leaf (schema type, field name) → the value of a leaf */
    public static Object of(Operation op, JsonNode schema, BiFunction<String, String, Object> leaf) {
        return of(op, schema, leaf, "body", 0);
    }

    public static String type(JsonNode schema) {
        JsonNode type = schema.path("type");
        if (type.isArray()) {
            for (JsonNode t : type) {
                if (!t.asText().equals("null")) {
                    return t.asText();
                }
            }
        }
        if (type.isTextual()) {
            return type.asText();
        }
        if (schema.has("properties")) {
            return "object";
        }
        return schema.has("items") ? "array" : "string";
    }

    private static Object of(Operation op, JsonNode raw, BiFunction<String, String, Object> leaf, String name,
            int depth) {
        JsonNode schema = op.resolve(raw);
        if (schema == null || schema.isMissingNode()) {
            return leaf.apply("string", name);
        }
        for (String combo : List.of("allOf", "oneOf", "anyOf")) {
            if (schema.has(combo)) {
                for (JsonNode part : schema.get(combo)) {
                    JsonNode real = op.resolve(part);
                    if (!"null".equals(real.path("type").asText())) {
                        return of(op, real, leaf, name, depth);
                    }
                }
            }
        }
        String type = type(schema);
        if (schema.has("enum") && !type.equals("array")) {
            Object v = leaf.apply("enum", name);
            return v != null ? v : schema.get("enum").get(0).asText();
        }
        return switch (type) {
            case "object" -> depth > 6 ? Map.of() : object(op, schema, leaf, depth);
            case "array" -> depth > 6 ? List.of() : list(op, schema, leaf, name, depth);
            default -> leaf.apply(type + (schema.has("format") ? ":" + schema.get("format").asText() : ""), name);
        };
    }

    private static Map<String, Object> object(Operation op, JsonNode schema, BiFunction<String, String, Object> leaf,
            int depth) {
        Map<String, Object> body = new LinkedHashMap<>();
        for (Iterator<Map.Entry<String, JsonNode>> it = schema.path("properties").fields(); it.hasNext();) {
            Map.Entry<String, JsonNode> p = it.next();
            if (!p.getValue().path("readOnly").asBoolean()) {
                body.put(p.getKey(), of(op, p.getValue(), leaf, p.getKey(), depth + 1));
            }
        }
        if (schema.has("additionalProperties") && schema.get("additionalProperties").isObject()) {
            body.put("key", of(op, schema.get("additionalProperties"), leaf, "key", depth + 1));
        }
        return body;
    }

    private static List<Object> list(Operation op, JsonNode schema, BiFunction<String, String, Object> leaf,
            String name, int depth) {
        List<Object> items = new ArrayList<>();
        items.add(of(op, schema.path("items"), leaf, name, depth + 1));
        items.add(of(op, schema.path("items"), leaf, name, depth + 1));
        return items;
    }
}
