package io.mingjing.sdk;

import java.util.List;
import java.util.Map;

/**
 * A county's values for a module's settings: what the tenant admin stored, else the declared default.
 * Already validated against the manifest, so the typed getters cannot meet a wrong type.
 */
public record Settings(Map<String, Object> values) {

    public Settings {
        values = Map.copyOf(values);
    }

    /** Stored values over the manifest's defaults. */
    public static Settings of(ModuleManifest manifest, Map<String, Object> stored) {
        Map<String, Object> merged = new java.util.LinkedHashMap<>();
        for (Setting s : manifest.settings()) {
            Object v = stored == null ? null : stored.get(s.key());
            merged.put(s.key(), v != null ? v : s.defaultValue());
        }
        return new Settings(merged);
    }

    public String text(String key) {
        return (String) require(key);
    }

    public long number(String key) {
        return ((Number) require(key)).longValue();
    }

    public boolean flag(String key) {
        return (Boolean) require(key);
    }

    @SuppressWarnings("unchecked")
    public List<String> list(String key) {
        return List.copyOf((List<String>) require(key));
    }

    private Object require(String key) {
        Object v = values.get(key);
        if (v == null) {
            throw new IllegalArgumentException("no setting '" + key + "' in this module's manifest");
        }
        return v;
    }
}
