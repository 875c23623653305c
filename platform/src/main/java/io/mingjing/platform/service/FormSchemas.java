package io.mingjing.platform.service;

import com.networknt.schema.Error;
import com.networknt.schema.InputFormat;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaLocation;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SpecificationVersion;
import com.networknt.schema.path.NodePath;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * A service item's form is a JSON Schema (draft 2020-12) checked on the server, whatever the page or
 * client did: each failure becomes a field of the problem's {@code errors} ({@code form.birthDate} →
 * message). Schemas are compiled once per text: a stored item version never changes. A schema refers to
 * nothing outside itself: the registry fetches no {@code $ref} from the network.
 */
final class FormSchemas {

    static final int MAX_ERRORS = 20;
    /** Keywords whose failure is about a property the instance lacks or should not have, not the instance itself. */
    private static final java.util.Set<String> NAMES_A_PROPERTY = java.util.Set.of("required", "additionalProperties",
            "dependentRequired", "unevaluatedProperties", "propertyNames");
    private static final SchemaRegistry REGISTRY = SchemaRegistry.withDefaultDialect(SpecificationVersion.DRAFT_2020_12,
            b -> b.schemaLoader(l -> l.fetchRemoteResources(false)));
    private static final Map<String, Schema> COMPILED = new ConcurrentHashMap<>();
    /** The 2020-12 meta-schema, from the library's own copy: an item's form must be a schema by it. */
    private static final Schema META = REGISTRY.getSchema(SchemaLocation.of("https://json-schema.org/draft/2020-12/schema"));

    private FormSchemas() {
    }

    /** Every way the form is not a JSON Schema (by the meta-schema), by path under {@code form}; empty when it is one. */
    static Map<String, String> schemaProblems(String schemaJson) {
        Map<String, String> out = new LinkedHashMap<>();
        for (Error e : META.validate(schemaJson, InputFormat.JSON)) {
            if (out.size() >= MAX_ERRORS) {
                break;
            }
            out.putIfAbsent(field(e), e.getMessage().replaceFirst("^\\$[^:]*: ", ""));
        }
        return out;
    }

    /** @throws IllegalArgumentException when the schema cannot be compiled, with the library's reason */
    static Schema compile(String schemaJson) {
        Schema s = COMPILED.get(schemaJson);
        if (s != null) {
            return s;
        }
        try {
            s = REGISTRY.getSchema(schemaJson, InputFormat.JSON);
        } catch (RuntimeException e) {
            throw new IllegalArgumentException(String.valueOf(e.getMessage()).lines().findFirst().orElse("invalid"));
        }
        COMPILED.putIfAbsent(schemaJson, s);
        return s;
    }

    /** Whether the schema names anything outside itself ({@code $ref} not starting with {@code #}, {@code $id}, …). */
    static boolean external(Object node) {
        if (node instanceof Map<?, ?> m) {
            for (Map.Entry<?, ?> e : m.entrySet()) {
                String k = String.valueOf(e.getKey());
                if ((k.equals("$ref") || k.equals("$dynamicRef")) && !String.valueOf(e.getValue()).startsWith("#")
                        || k.equals("$id") || k.equals("$schema") || external(e.getValue())) {
                    return true;
                }
            }
        } else if (node instanceof List<?> l) {
            return l.stream().anyMatch(FormSchemas::external);
        }
        return false;
    }

    /** Every failure of {@code formJson} against the schema, by field path under {@code form}; empty when it holds. */
    static Map<String, String> problems(String schemaJson, String formJson) {
        List<Error> errors = compile(schemaJson).validate(formJson, InputFormat.JSON);
        Map<String, String> out = new LinkedHashMap<>();
        for (Error e : errors) {
            if (out.size() >= MAX_ERRORS) {
                break;
            }
            out.putIfAbsent(field(e), e.getMessage().replaceFirst("^\\$[^:]*: ", ""));
        }
        return out;
    }

    /** {@code form.a.b[0]} for the instance location, plus the missing property of a {@code required} failure. */
    static String field(Error e) {
        StringBuilder b = new StringBuilder("form");
        NodePath p = e.getInstanceLocation();
        for (int i = 0; p != null && i < p.getNameCount(); i++) {
            Object el = p.getElement(i);
            b.append(el instanceof Number n ? "[" + n + "]" : "." + el);
        }
        String property = e.getProperty();
        if (property != null && NAMES_A_PROPERTY.contains(e.getKeyword()) && !b.toString().endsWith("." + property)) {
            b.append('.').append(property);
        }
        return b.toString();
    }
}
