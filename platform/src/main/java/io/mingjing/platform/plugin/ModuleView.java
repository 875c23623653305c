package io.mingjing.platform.plugin;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.mingjing.sdk.MenuEntry;
import io.mingjing.sdk.ModuleManifest;
import io.mingjing.sdk.Names;
import io.mingjing.sdk.RoleUse;
import io.mingjing.sdk.Setting;
import io.mingjing.sdk.Settings;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** A module as a county's admin sees it: what it is, whether it is allowed and enabled, its settings. */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record ModuleView(String id, String version, Names name, String description, String source, boolean allowed,
        boolean enabled, Map<String, Object> settings, List<Map<String, Object>> settingSpecs, List<RoleUse> roles,
        List<MenuEntry> menu, String schemaVersion) {

    static ModuleView of(ModuleManifest m, ModuleStates.State s) {
        return new ModuleView(m.id(), m.version(), m.name(), m.description(), "plugin", s.allowed(), s.enabled(),
                Settings.of(m, s.settings()).values(), m.settings().stream().map(ModuleView::spec).toList(), m.roles(),
                m.menu(), s.schemaVersion());
    }

    static ModuleView builtin(String id, String version, String name, String description, ModuleStates.State s) {
        return new ModuleView(id, version, new Names(name, name), description, "builtin", s.allowed(), s.enabled(),
                s.settings(), List.of(), List.of(), List.of(), s.schemaVersion());
    }

    private static Map<String, Object> spec(Setting s) {
        Map<String, Object> spec = new LinkedHashMap<>();
        spec.put("key", s.key());
        spec.put("default", s.defaultValue());
        switch (s) {
            case Setting.Text t -> {
                spec.put("type", "text");
                spec.put("maxLength", t.maxLength());
            }
            case Setting.Number n -> {
                spec.put("type", "number");
                spec.put("min", n.min());
                spec.put("max", n.max());
            }
            case Setting.Flag f -> spec.put("type", "flag");
            case Setting.Choice c -> {
                spec.put("type", "choice");
                spec.put("options", c.options());
            }
            case Setting.TextList l -> {
                spec.put("type", "textList");
                spec.put("maxItems", l.maxItems());
                spec.put("maxLength", l.maxLength());
            }
        }
        return spec;
    }
}
