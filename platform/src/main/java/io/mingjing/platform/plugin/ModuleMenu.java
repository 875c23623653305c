package io.mingjing.platform.plugin;

import io.mingjing.platform.identity.CurrentCaller;
import io.mingjing.platform.portal.PortalMenu;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.ArrayList;
import java.util.List;

/**
 * The menu entries of the plugin modules a county has on, for the village page: a villager finds the
 * market or the shelters from their village, with the entry's own words in the page's language.
 */
@ApplicationScoped
public class ModuleMenu implements PortalMenu {

    @Inject
    PluginCatalogue catalogue;
    @Inject
    ModuleStates states;
    @Inject
    CurrentCaller caller;

    @Override
    public List<Entry> entries(String tenant, String village, String lang) {
        List<Entry> entries = new ArrayList<>();
        for (LoadedModule m : catalogue.running()) {
            ModuleStates.State state = states.get(tenant, m.id());
            if (state == null || !state.enabled() || !state.allowed()) {
                continue;
            }
            m.manifest().menu().stream().filter(e -> caller.get().fits(e.role())).forEach(e -> entries.add(new Entry(
                    "en".equals(lang) ? e.label().en() : e.label().zh(), "/t/" + tenant + "/m/" + m.id() + e.path())));
        }
        return entries;
    }
}
