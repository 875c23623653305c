package io.mingjing.platform.portal;

import io.mingjing.platform.service.ServiceItemSpec;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A service item's JSON Schema drawn as a page's inputs (text, textarea, number, date, select,
 * checkbox) and a posted form read back into the JSON the schema checks; the server's check is the
 * schema's, whatever the page allowed. A value that is not a number stays text, so the schema says why.
 * A property's label is its {@code title}; on an English page its {@value #TITLE_EN} when the county
 * wrote one (an annotation the schema's dialect ignores), so the English page speaks one language.
 */
public final class ServiceForms {

    static final String TITLE_EN = "x-title-en";

    /** One input of the form; {@code options} for a select (the schema's enum). */
    public record Field(String name, String type, boolean required, Integer max, String label, List<String> options) {
        public String id() {
            return "sf-" + name;
        }
    }

    private ServiceForms() {
    }

    @SuppressWarnings("unchecked")
    static List<Field> fields(ServiceItemSpec item, boolean english) {
        Map<String, Object> props = (Map<String, Object>) item.form().getOrDefault("properties", Map.of());
        List<?> required = item.form().get("required") instanceof List<?> l ? l : List.of();
        List<Field> out = new ArrayList<>();
        props.forEach((name, v) -> {
            Map<String, Object> p = v instanceof Map<?, ?> m ? (Map<String, Object>) m : Map.of();
            out.add(new Field(name, type(p), required.contains(name), p.get("maxLength") instanceof Number n
                    ? n.intValue() : null, label(name, p, english),
                    p.get("enum") instanceof List<?> e ? e.stream().map(String::valueOf).toList() : List.of()));
        });
        return out;
    }

    private static String label(String name, Map<String, Object> p, boolean english) {
        Object en = p.get(TITLE_EN);
        return english && en instanceof String s && !s.isBlank() ? s : String.valueOf(p.getOrDefault("title", name));
    }

    private static String type(Map<String, Object> p) {
        Object t = p.get("type");
        if (p.get("enum") instanceof List<?>) {
            return "select";
        }
        if ("integer".equals(t) || "number".equals(t)) {
            return "number";
        }
        if ("boolean".equals(t)) {
            return "checkbox";
        }
        if ("date".equals(p.get("format"))) {
            return "date";
        }
        return p.get("maxLength") instanceof Number n && n.intValue() > 100 ? "textarea" : "text";
    }

    /** The posted values as the schema's JSON types; empty inputs are left out (a required one then fails there). */
    @SuppressWarnings("unchecked")
    static Map<String, Object> read(ServiceItemSpec item, Map<String, String> posted) {
        Map<String, Object> props = (Map<String, Object>) item.form().getOrDefault("properties", Map.of());
        Map<String, Object> out = new LinkedHashMap<>();
        props.forEach((name, v) -> {
            String raw = posted.get(name);
            Object t = v instanceof Map<?, ?> m ? m.get("type") : null;
            if ("boolean".equals(t)) {
                out.put(name, raw != null);
            } else if (raw != null && !raw.isBlank()) {
                out.put(name, typed(raw.strip(), t));
            }
        });
        return out;
    }

    private static Object typed(String raw, Object type) {
        try {
            if ("integer".equals(type)) {
                return Long.parseLong(raw);
            }
            if ("number".equals(type)) {
                return new BigDecimal(raw);
            }
        } catch (NumberFormatException e) {
            return raw;
        }
        return raw;
    }
}
