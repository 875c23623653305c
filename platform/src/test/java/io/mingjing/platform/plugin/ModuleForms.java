package io.mingjing.platform.plugin;

import java.util.List;

/** The portal form posts of every running module, as {@code /m/{module}/path} (test access to the catalogue). */
public final class ModuleForms {

    private ModuleForms() {
    }

    public static List<String> posts(PluginCatalogue catalogue) {
        return catalogue.running().stream().flatMap(m -> m.manifest().routes().stream()
                .filter(r -> r.portal() && r.method().equals("POST")).map(r -> "/m/" + m.id() + r.path())).toList();
    }
}
