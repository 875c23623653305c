package io.mingjing.platform.admin;

import io.mingjing.platform.portal.Texts;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A module's settings form, generated from the typed settings it declares (the specs of its
 * {@code ModuleView}): a number field with its bounds, a text field with its length, a checkbox, a
 * choice, a list of lines. It turns what a browser sends back into typed values; whether they are
 * valid is the module's settings' own decision, and this form only words the verdict per field.
 */
public final class SettingForm {

    /** One field: what to show, what was typed, what is wrong. */
    public record Field(String key, String label, String type, String value, Long min, Long max, Integer maxLength,
            Integer maxItems, List<String> options, String error) {
        public boolean checked() {
            return "true".equals(value);
        }
    }

    private SettingForm() {
    }

    /** The fields with the values stored now, or as typed when {@code typed} is given. */
    public static List<Field> fields(String module, List<Map<String, Object>> specs, Map<String, Object> values,
            Map<String, String> typed, Map<String, String> errors, Texts texts) {
        List<Field> fields = new ArrayList<>();
        for (Map<String, Object> spec : specs) {
            String key = (String) spec.get("key");
            String type = (String) spec.get("type");
            String value = typed != null ? typed.getOrDefault(key, "") : shown(values.get(key), type);
            String error = errors.containsKey("settings." + key) ? words(spec, texts) : null;
            fields.add(new Field(key, label(module, key, texts), type, value, number(spec.get("min")),
                    number(spec.get("max")), integer(spec.get("maxLength")), integer(spec.get("maxItems")),
                    options(spec.get("options")), error));
        }
        return fields;
    }

    /**
     * The typed values of what a browser sent: a number that is no number stays text (the setting
     * refuses it), an unticked checkbox is false, a list is one item per non-blank line.
     */
    public static Map<String, Object> values(List<Map<String, Object>> specs, Map<String, String> form) {
        Map<String, Object> values = new LinkedHashMap<>();
        for (Map<String, Object> spec : specs) {
            String key = (String) spec.get("key");
            String raw = form.get(key);
            switch ((String) spec.get("type")) {
                case "flag" -> values.put(key, raw != null && !raw.isEmpty() && !raw.equals("false"));
                case "number" -> values.put(key, parse(raw));
                case "textList" -> values.put(key, raw == null ? List.of() : Arrays.stream(raw.split("\\R"))
                        .map(String::strip).filter(s -> !s.isEmpty()).toList());
                default -> values.put(key, raw == null ? "" : raw);
            }
        }
        return values;
    }

    private static Object parse(String raw) {
        try {
            return raw == null ? "" : Long.parseLong(raw.strip());
        } catch (NumberFormatException e) {
            return raw;
        }
    }

    private static String shown(Object value, String type) {
        if (value == null) {
            return "";
        }
        if (value instanceof List<?> list) {
            return String.join("\n", list.stream().map(String::valueOf).toList());
        }
        return String.valueOf(value);
    }

    /** The setting's label from the texts ({@code setting.<module>.<key>}), else its key. */
    static String label(String module, String key, Texts texts) {
        String textKey = "setting." + module + "." + key;
        String word = texts.get(textKey);
        return word.equals(textKey) ? key : word;
    }

    /** What the field must be, in the page's language, from the setting's type and bounds. */
    static String words(Map<String, Object> spec, Texts texts) {
        String rule = texts.get("admin.setting.err." + spec.get("type"));
        return rule.replace("{min}", String.valueOf(spec.get("min"))).replace("{max}", String.valueOf(spec.get("max")))
                .replace("{maxLength}", String.valueOf(spec.get("maxLength")))
                .replace("{maxItems}", String.valueOf(spec.get("maxItems")))
                .replace("{options}", String.join(" / ", options(spec.get("options"))));
    }

    private static Long number(Object o) {
        return o instanceof Number n ? n.longValue() : null;
    }

    private static Integer integer(Object o) {
        return o instanceof Number n ? n.intValue() : null;
    }

    private static List<String> options(Object o) {
        return o instanceof List<?> list ? list.stream().map(String::valueOf).toList() : List.of();
    }
}
