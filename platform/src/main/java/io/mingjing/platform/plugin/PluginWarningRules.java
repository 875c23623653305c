package io.mingjing.platform.plugin;

import io.mingjing.platform.feature.ModuleRules;
import io.mingjing.sdk.Caller;
import io.mingjing.sdk.WarningRule;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.ArrayList;
import java.util.List;

/** The running plugins' warning rules, and their Java checks run like any module callback. */
@ApplicationScoped
class PluginWarningRules implements ModuleRules {

    @Inject
    PluginCatalogue catalogue;
    @Inject
    ModuleStates states;
    @Inject
    ModuleCalls calls;

    @Override
    public List<Contributed> enabledIn(String county) {
        List<Contributed> rules = new ArrayList<>();
        for (LoadedModule m : catalogue.running()) {
            ModuleStates.State s = states.get(county, m.id());
            if (s.enabled() && s.allowed()) {
                m.manifest().warningRules().forEach(r -> rules.add(new Contributed(m.id(), r)));
            }
        }
        return rules;
    }

    @Override
    public List<WarningRule.Hit> check(String county, String module, WarningRule rule, WarningRule.Scope scope) {
        LoadedModule m = catalogue.find(module).orElseThrow(() -> new IllegalStateException("module " + module
                + " is not running"));
        List<WarningRule.Hit> hits = calls.call(m, county, Caller.SYSTEM, ctx -> rule.check().find(ctx, scope), ok -> true);
        return hits == null ? List.of() : hits;
    }
}
