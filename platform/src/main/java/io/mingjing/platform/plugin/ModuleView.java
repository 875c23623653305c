package io.mingjing.platform.plugin;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.mingjing.platform.feature.FeatureManifest;
import io.mingjing.platform.registry.ModuleEntry;
import io.mingjing.sdk.MenuEntry;
import io.mingjing.sdk.ModuleManifest;
import io.mingjing.sdk.Names;
import io.mingjing.sdk.RoleUse;
import io.mingjing.sdk.Setting;
import io.mingjing.sdk.Settings;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A module as a county's admin sees it: what it is, whether it is allowed and enabled, its settings.
 *
 * @param optional for a built-in feature, whether the county may switch it off; null for a plugin's module
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record ModuleView(String id, String version, Names name, String description, String source, Boolean optional,
        boolean allowed, boolean enabled, Map<String, Object> settings, List<Map<String, Object>> settingSpecs,
        List<RoleUse> roles, List<MenuEntry> menu, String schemaVersion) {

    static ModuleView plugin(ModuleManifest m, ModuleStates.State s) {
        return of(m, "plugin", null, s);
    }

    static ModuleView builtin(FeatureManifest f, ModuleStates.State s) {
        return of(f.module(), "builtin", f.optional(), s);
    }

    private static ModuleView of(ModuleManifest m, String source, Boolean optional, ModuleStates.State s) {
        return new ModuleView(m.id(), m.version(), m.name(), m.description(), source, optional, s.allowed(),
                s.enabled(), Settings.of(m, s.settings()).values(), m.settings().stream().map(ModuleView::spec).toList(),
                m.roles(), m.menu(), s.schemaVersion());
    }

    /** A module in the registry whose manifest this replica does not hold (a plugin running elsewhere). */
    static ModuleView bare(ModuleEntry e, ModuleStates.State s) {
        return new ModuleView(e.id, e.version, new Names(e.name, e.name), e.description, e.source, null, s.allowed(),
                s.enabled(), s.settings(), List.of(), List.of(), List.of(), s.schemaVersion());
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
