package io.mingjing.sdk;

import java.util.List;

/**
 * A typed, validated module setting with a default. Tenant admins change settings per county with
 * {@code PUT /api/t/{county}/admin/modules/{module}}; the platform validates every value with
 * {@link #validate} before storing it, and callbacks read them through {@link TenantContext#settings()}.
 */
public sealed interface Setting extends ModuleManifest.Part
        permits Setting.Text, Setting.Number, Setting.Flag, Setting.Choice, Setting.TextList {

    String key();

    Object defaultValue();

    /** @return what is wrong with the value (in Chinese and English words a tenant admin understands), or null */
    String validate(Object value);

    static Text text(String key, String defaultValue, int maxLength) {
        return new Text(key, defaultValue, maxLength);
    }

    static Number number(String key, long defaultValue, long min, long max) {
        return new Number(key, defaultValue, min, max);
    }

    static Flag flag(String key, boolean defaultValue) {
        return new Flag(key, defaultValue);
    }

    static Choice choice(String key, String defaultValue, List<String> options) {
        return new Choice(key, defaultValue, List.copyOf(options));
    }

    static TextList textList(String key, List<String> defaultValue) {
        return new TextList(key, List.copyOf(defaultValue), 100, 50);
    }

    record Text(String key, String defaultValue, int maxLength) implements Setting {
        public String validate(Object value) {
            if (!(value instanceof String s)) {
                return "must be text";
            }
            return s.length() > maxLength ? "must be at most " + maxLength + " characters" : null;
        }
    }

    record Number(String key, Long defaultValue, long min, long max) implements Setting {
        public String validate(Object value) {
            if (!(value instanceof Integer || value instanceof Long)) {
                return "must be a whole number";
            }
            long n = ((java.lang.Number) value).longValue();
            return n < min || n > max ? "must be between " + min + " and " + max : null;
        }
    }

    record Flag(String key, Boolean defaultValue) implements Setting {
        public String validate(Object value) {
            return value instanceof Boolean ? null : "must be true or false";
        }
    }

    record Choice(String key, String defaultValue, List<String> options) implements Setting {
        public String validate(Object value) {
            return options.contains(value) ? null : "must be one of " + options;
        }
    }

    /** A list of short texts, e.g. the categories of a market. */
    record TextList(String key, List<String> defaultValue, int maxItems, int maxLength) implements Setting {
        public String validate(Object value) {
            if (!(value instanceof List<?> list)) {
                return "must be a list of texts";
            }
            if (list.size() > maxItems) {
                return "must have at most " + maxItems + " items";
            }
            for (Object item : list) {
                if (!(item instanceof String s) || s.isBlank() || s.length() > maxLength) {
                    return "items must be non-blank texts of at most " + maxLength + " characters";
                }
            }
            return null;
        }
    }
}
