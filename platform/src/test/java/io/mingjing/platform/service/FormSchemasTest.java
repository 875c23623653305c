package io.mingjing.platform.service;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The form check alone: field paths of the failures, the meta-schema, and schemas that reach outside. */
class FormSchemasTest {

    static final String SCHEMA = """
            {"type":"object","required":["birthDate","account"],"additionalProperties":false,
             "properties":{"birthDate":{"type":"string","pattern":"^[0-9]{4}-[0-9]{2}-[0-9]{2}$"},
                           "account":{"type":"string","pattern":"^[0-9]{12,19}$"},
                           "members":{"type":"integer","minimum":1}}}""";

    @Test
    void eachFailureNamesItsField() {
        Map<String, String> p = FormSchemas.problems(SCHEMA, "{\"account\":\"abc\",\"members\":0,\"extra\":1}");
        assertTrue(p.containsKey("form.birthDate"), p.toString());
        assertTrue(p.containsKey("form.account"), p.toString());
        assertTrue(p.containsKey("form.members"), p.toString());
        assertTrue(p.containsKey("form.extra"), p.toString());
    }

    @Test
    void aFormThatHoldsHasNoProblems() {
        assertEquals(Map.of(), FormSchemas.problems(SCHEMA, "{\"birthDate\":\"1942-03-15\",\"account\":\"6217000012345678\"}"));
    }

    @Test
    void aSchemaOfTheWrongShapeIsRefusedByTheMetaSchema() {
        assertTrue(FormSchemas.schemaProblems("{\"type\":\"object\",\"properties\":{\"x\":{\"type\":12}}}").keySet()
                .stream().anyMatch(k -> k.startsWith("form.properties.x")), "the path names the broken property");
        assertEquals(Map.of(), FormSchemas.schemaProblems(SCHEMA));
    }

    @Test
    void aSchemaReachingOutsideItselfIsRefused() {
        assertTrue(FormSchemas.external(Map.of("properties", Map.of("x", Map.of("$ref", "http://10.0.0.1/s.json")))));
        assertTrue(FormSchemas.external(Map.of("$id", "https://evil.example/")));
        assertFalse(FormSchemas.external(Map.of("$defs", Map.of("d", Map.of("type", "string")), "properties",
                Map.of("x", Map.of("$ref", "#/$defs/d")))));
        assertTrue(FormSchemas.external(List.of(Map.of("$dynamicRef", "https://x/"))));
    }

    @Test
    void namesAreMaskedButTheFamilyName() {
        assertEquals("张*国", ServiceLists.mask("张建国"));
        assertEquals("李*", ServiceLists.mask("李四"));
        assertEquals("欧**华", ServiceLists.mask("欧阳建华"));
        assertEquals("*", ServiceLists.mask(null));
    }
}
