package io.mingjing.platform.plugin;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.mingjing.platform.audit.AuditLog;
import io.mingjing.platform.audit.ProvinceLog;
import io.mingjing.platform.event.DomainEvents;
import io.mingjing.platform.feature.FeatureManifest;
import io.mingjing.platform.feature.Features;
import io.mingjing.platform.problem.ProblemException;
import io.mingjing.platform.registry.ModuleEntry;
import io.mingjing.platform.registry.TenantModule;
import io.mingjing.platform.registry.TenantRegistry;
import io.mingjing.platform.registry.TenantStatus;
import io.mingjing.platform.tenancy.TenantScope;
import io.mingjing.sdk.ModuleManifest;
import io.mingjing.sdk.Setting;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import org.jboss.logging.Logger;

/**
 * Allows, enables and configures modules per county: plugins' modules, off until enabled, and built-in
 * features, on until an optional one is switched off. Enabling a plugin module runs its changelog in
 * the county's schema first; a module whose schema lags its running version (after an upgrade on
 * another replica, or enabled by a county descriptor) is migrated before it next serves the county.
 */
@ApplicationScoped
public class ModuleEnabling {

    private static final Logger LOG = Logger.getLogger(ModuleEnabling.class);

    /** What a PUT may change; null leaves a field as it is, a null setting value restores its default. */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Change(Boolean allowed, Boolean enabled, Map<String, Object> settings) {
    }

    @Inject
    PluginCatalogue catalogue;
    @Inject
    ModuleMigrator migrator;
    @Inject
    ModuleStates states;
    @Inject
    TenantRegistry registry;
    @Inject
    TenantScope scope;
    @Inject
    AuditLog audit;
    @Inject
    ProvinceLog province;
    @Inject
    DomainEvents events;
    @Inject
    Features features;

    private final Map<String, Object> locks = new ConcurrentHashMap<>();

    public List<ModuleView> list(String county) {
        List<ModuleView> views = new ArrayList<>();
        for (ModuleEntry e : QuarkusTransaction.requiringNew().call(() -> ModuleEntry.<ModuleEntry>listAll())) {
            views.add(view(e, county));
        }
        views.sort(java.util.Comparator.comparing(ModuleView::id));
        return views;
    }

    private ModuleView view(ModuleEntry e, String county) {
        Optional<FeatureManifest> feature = features.find(e.id);
        if (feature.isPresent()) {
            return ModuleView.builtin(feature.get(), states.ofFeature(county, e.id));
        }
        ModuleStates.State s = states.get(county, e.id);
        return catalogue.find(e.id).map(m -> ModuleView.plugin(m.manifest(), s)).orElseGet(() -> ModuleView.bare(e, s));
    }

    /**
     * @param operator whether the caller may change {@code allowed} (the provincial operator)
     */
    public ModuleView configure(String county, String moduleId, Change change, String actor, boolean operator) {
        requireCounty(county);
        LoadedModule plugin = catalogue.find(moduleId).orElse(null);
        FeatureManifest feature = features.find(moduleId).orElse(null);
        ModuleEntry entry = QuarkusTransaction.requiringNew().call(() -> ModuleEntry.findById(moduleId));
        if (entry == null) {
            throw ProblemException.notFound("No module '" + moduleId + "' is offered by this platform.");
        }
        ModuleStates.State now = feature != null ? states.ofFeature(county, moduleId) : states.get(county, moduleId);
        if (change.allowed() != null && !operator && change.allowed() != now.allowed()) {
            throw new ProblemException(403, "Forbidden", "Only the provincial operator decides which modules a county "
                    + "may use.");
        }
        boolean allowed = change.allowed() != null ? change.allowed() : now.allowed();
        boolean enabled = change.enabled() != null ? change.enabled() : now.enabled();
        if (enabled && !allowed) {
            if (Boolean.TRUE.equals(change.enabled())) {
                throw new ProblemException(403, "Forbidden", "Module '" + moduleId + "' is not allowed for county '"
                        + county + "' by the provincial operator.");
            }
            enabled = false;
        }
        if (feature != null && !feature.optional() && !enabled) {
            throw ProblemException.conflict("Module '" + moduleId + "' is part of every county and cannot be "
                    + "switched off.");
        }
        ModuleManifest manifest = plugin != null ? plugin.manifest() : feature != null ? feature.module() : null;
        Map<String, Object> settings = settings(manifest, now.settings(), change.settings());
        String schemaVersion = now.schemaVersion();
        if (enabled && plugin != null && !plugin.version().equals(schemaVersion)) {
            migrate(plugin, county);
            schemaVersion = plugin.version();
        }
        write(county, moduleId, allowed, enabled, settings, schemaVersion);
        String detail = "allowed=" + allowed + " enabled=" + enabled + " settings=" + settings;
        String switched = enabled == now.enabled() ? null : enabled ? "module.enabled" : "module.disabled";
        String version = plugin != null ? plugin.version() : entry.version;
        scope.run(county, () -> {
            if (switched != null) {
                events.record(switched, "module", moduleId, Map.of("module", moduleId,
                        "version", version == null ? "" : version));
            }
            audit.append(actor, "module.configured", "Module", moduleId, detail.getBytes(StandardCharsets.UTF_8));
        });
        if (operator) {
            province.append(actor, "module.configured", "Module", county + "/" + moduleId,
                    detail.getBytes(StandardCharsets.UTF_8));
        }
        return view(entry, county);
    }

    private void requireCounty(String county) {
        var entry = registry.find(county);
        if (entry.isEmpty() || entry.get().status() == TenantStatus.FAILED) {
            throw ProblemException.notFound("No county '" + county + "'.");
        }
    }

    private static Map<String, Object> settings(ModuleManifest manifest, Map<String, Object> stored,
            Map<String, Object> changes) {
        Map<String, Object> merged = new LinkedHashMap<>(stored);
        if (changes == null || changes.isEmpty()) {
            return merged;
        }
        Map<String, String> errors = new LinkedHashMap<>();
        for (var e : changes.entrySet()) {
            Setting spec = manifest == null ? null : manifest.setting(e.getKey());
            if (spec == null) {
                errors.put("settings." + e.getKey(), "is not a setting of this module");
            } else if (e.getValue() == null) {
                merged.remove(e.getKey());
            } else {
                String problem = spec.validate(e.getValue());
                if (problem != null) {
                    errors.put("settings." + e.getKey(), problem);
                } else {
                    merged.put(e.getKey(), e.getValue());
                }
            }
        }
        if (!errors.isEmpty()) {
            throw ProblemException.invalid(422, "The module's settings are not valid.", errors);
        }
        return merged;
    }

    private void write(String county, String moduleId, boolean allowed, boolean enabled, Map<String, Object> settings,
            String schemaVersion) {
        QuarkusTransaction.requiringNew().run(() -> {
            var key = new TenantModule.Key(county, moduleId);
            TenantModule tm = TenantModule.findById(key);
            boolean created = tm == null;
            if (created) {
                tm = new TenantModule();
                tm.key = key;
            }
            tm.allowed = allowed;
            tm.enabled = enabled;
            tm.settings = new LinkedHashMap<>(settings);
            tm.schemaVersion = schemaVersion;
            tm.updatedAt = Instant.now();
            if (created) {
                tm.persist();
            }
        });
        states.reload(county, moduleId);
    }

    /** Runs the module's changelog in the county now; a failure is a 422 naming module, county and cause. */
    void migrate(LoadedModule plugin, String county) {
        synchronized (locks.computeIfAbsent(county + "/" + plugin.id(), k -> new Object())) {
            try {
                migrator.migrate(plugin, county);
            } catch (PluginRejected e) {
                throw new ProblemException(422, "Unprocessable Content", "Module '" + plugin.id() + "' "
                        + plugin.version() + " could not be set up in county '" + county + "': " + e.getMessage());
            }
        }
    }

    /** Brings an enabled module's schema to its running version before it serves the county. */
    public void ensureMigrated(LoadedModule plugin, String county) {
        ModuleStates.State s = states.get(county, plugin.id());
        if (!s.enabled() || plugin.version().equals(s.schemaVersion())) {
            return;
        }
        synchronized (locks.computeIfAbsent(county + "/" + plugin.id(), k -> new Object())) {
            if (plugin.version().equals(states.get(county, plugin.id()).schemaVersion())) {
                return;
            }
            migrate(plugin, county);
            recordVersion(county, plugin);
        }
    }

    void recordVersion(String county, LoadedModule plugin) {
        QuarkusTransaction.requiringNew().run(() -> TenantModule.update(
                "schemaVersion = ?1, updatedAt = ?2 where key.tenantId = ?3 and key.moduleId = ?4",
                plugin.version(), Instant.now(), county, plugin.id()));
        states.reload(county, plugin.id());
    }

    /**
     * Migrates, in the background, enabled modules whose schema lags (e.g. enabled by a descriptor).
     * Per replica on purpose: it refreshes this replica's module states, and a migration both replicas
     * attempt is done once, under the migration advisory lock, the other finding nothing to apply.
     */
    @Scheduled(every = "20s", delayed = "5s", concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void reconcile() {
        states.refresh();
        for (LoadedModule plugin : catalogue.running()) {
            for (String county : states.enabledIn(plugin.id())) {
                var entry = registry.find(county);
                if (entry.isEmpty() || entry.get().status() != TenantStatus.ACTIVE || entry.get().migrating()
                        || Objects.equals(plugin.version(), states.get(county, plugin.id()).schemaVersion())) {
                    continue;
                }
                try {
                    ensureMigrated(plugin, county);
                } catch (RuntimeException e) {
                    LOG.warnf("module %s could not be migrated in county %s: %s", plugin.id(), county,
                            e.getMessage());
                }
            }
        }
    }
}
