package io.mingjing.platform.problem;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonStreamContext;
import com.fasterxml.jackson.core.exc.InputCoercionException;
import com.fasterxml.jackson.core.exc.StreamConstraintsException;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import java.time.temporal.Temporal;
import java.util.ArrayDeque;
import java.util.Arrays;
import java.util.Collection;
import java.util.Deque;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * Turns what the JSON reader refused into a 400 naming the field (its path, like {@code steps[2]})
 * and what it must be, in the platform's words: the reader's own messages name Java classes.
 */
final class JsonProblems {

    private JsonProblems() {
    }

    static Problem of(JsonProcessingException e) {
        String field = field(e);
        return new Problem("about:blank", "Bad Request", 400, "The body is not valid JSON of the expected shape.",
                Map.of(field, message(e, field)));
    }

    private static String message(JsonProcessingException e, String field) {
        if (e instanceof ClientMessage) {
            return e.getOriginalMessage();
        }
        if (e instanceof StreamConstraintsException) {
            return "is nested too deeply or has a value that is too long";
        }
        if (e instanceof UnrecognizedPropertyException) {
            return "is not a field of this request";
        }
        if (e instanceof InputCoercionException) {
            return "is a number out of range";
        }
        if (e instanceof MismatchedInputException m) {
            if (m.getTargetType() == null && field.equals("body")) {
                return "is empty or incomplete";
            }
            return "must be " + expected(m.getTargetType());
        }
        if (e instanceof JsonMappingException) {
            return "has a value that is not allowed here";
        }
        var at = e.getLocation();
        return at == null ? "is not valid JSON" : "is not valid JSON (line " + at.getLineNr() + ", column "
                + at.getColumnNr() + ")";
    }

    /** What a value of this type looks like, for a client developer. */
    static String expected(Class<?> type) {
        if (type == null) {
            return "a value of another type";
        }
        if (type.isEnum()) {
            return "one of " + Arrays.stream(type.getEnumConstants()).map(Object::toString)
                    .collect(Collectors.joining(", "));
        }
        if (type == String.class || type == Character.class || type == char.class) {
            return "text";
        }
        if (type == Boolean.class || type == boolean.class) {
            return "true or false";
        }
        if (type == Integer.class || type == int.class || type == Long.class || type == long.class
                || type == Short.class || type == short.class) {
            return "a whole number";
        }
        if (Number.class.isAssignableFrom(type) || type.isPrimitive()) {
            return "a number";
        }
        if (Temporal.class.isAssignableFrom(type)) {
            return "a date or time in ISO 8601 form (2024-05-01, 2024-05-01T08:00:00Z)";
        }
        if (type.isArray() || Collection.class.isAssignableFrom(type)) {
            return "a list";
        }
        return "an object";
    }

    /** The path of the failing field: "admin.username", "steps[2]", or "body" for the whole document. */
    static String field(JsonProcessingException e) {
        if (e instanceof JsonMappingException m && !m.getPath().isEmpty()) {
            return path(m);
        }
        if (e.getProcessor() instanceof JsonParser p) {
            return path(p.getParsingContext());
        }
        return "body";
    }

    private static String path(JsonMappingException m) {
        StringBuilder path = new StringBuilder();
        for (JsonMappingException.Reference r : m.getPath()) {
            if (r.getFieldName() != null) {
                path.append(path.isEmpty() ? "" : ".").append(shorten(r.getFieldName()));
            } else if (r.getIndex() >= 0) {
                path.append('[').append(r.getIndex()).append(']');
            }
        }
        return path.isEmpty() ? "body" : path.toString();
    }

    private static String path(JsonStreamContext context) {
        Deque<String> parts = new ArrayDeque<>();
        for (JsonStreamContext c = context; c != null && !c.inRoot(); c = c.getParent()) {
            if (c.inArray()) {
                parts.push("[" + Math.max(c.getCurrentIndex(), 0) + "]");
            } else if (c.getCurrentName() != null) {
                parts.push("." + shorten(c.getCurrentName()));
            }
        }
        String text = String.join("", parts);
        text = text.startsWith(".") ? text.substring(1) : text;
        return text.isEmpty() ? "body" : text;
    }

    private static String shorten(String name) {
        return name.length() > 60 ? name.substring(0, 60) + "…" : name;
    }
}
