package io.mingjing.platform.input;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.KeyDeserializer;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.deser.std.StdScalarDeserializer;
import com.fasterxml.jackson.databind.deser.std.StringDeserializer;
import com.fasterxml.jackson.databind.module.SimpleModule;
import io.mingjing.platform.problem.ClientMessage;
import io.quarkus.jackson.ObjectMapperCustomizer;
import jakarta.inject.Singleton;
import java.io.IOException;

/**
 * Every JSON string the platform reads (fields at any depth, list items, map keys and values, the JSON
 * part of multipart bodies) passes {@link Text#problem} once, as it is parsed: a refusal carries the
 * field's path, so the caller learns which field to fix and no feature ever sees the character.
 */
@Singleton
public class JsonText implements ObjectMapperCustomizer {

    /** A string refused by {@link Text}; its message is meant for the client. */
    public static class Rejected extends JsonMappingException implements ClientMessage {
        Rejected(JsonParser p, String why) {
            super(p, why);
        }
    }

    @Override
    public void customize(ObjectMapper mapper) {
        mapper.registerModule(new SimpleModule("mingjing-text").addDeserializer(String.class, new Strings())
                .addKeyDeserializer(String.class, new Keys()));
    }

    static final class Strings extends StdScalarDeserializer<String> {
        Strings() {
            super(String.class);
        }

        @Override
        public String deserialize(JsonParser p, DeserializationContext ctxt) throws IOException {
            String value = StringDeserializer.instance.deserialize(p, ctxt);
            String why = Text.problem(value, true);
            if (why != null) {
                throw new Rejected(p, why);
            }
            return value;
        }
    }

    static final class Keys extends KeyDeserializer {
        @Override
        public Object deserializeKey(String key, DeserializationContext ctxt) throws IOException {
            String why = Text.problem(key, false);
            if (why != null) {
                throw new Rejected(ctxt.getParser(), "has a key that " + why);
            }
            return key;
        }
    }
}
