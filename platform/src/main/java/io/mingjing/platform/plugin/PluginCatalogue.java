package io.mingjing.platform.plugin;

import io.mingjing.platform.feature.Features;
import io.mingjing.platform.feature.ModuleRules;
import io.mingjing.platform.registry.ModuleEntry;
import io.mingjing.platform.tenancy.SchemaMigrator;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

/**
 * The plugins this replica runs, loaded from the plugins directory at boot, and the jars it refused
 * with their reasons. Mirrors the running plugins into the registry's module catalogue, so the core
 * knows module ids without ever holding a plugin class.
 */
@ApplicationScoped
public class PluginCatalogue {

    private static final Logger LOG = Logger.getLogger(PluginCatalogue.class);

    /** A jar that is not running, and why. */
    public record Failure(String file, String id, String version, String reason) {
    }

    @ConfigProperty(name = "mingjing.plugins.dir")
    Path dir;
    @ConfigProperty(name = "mingjing.plugins.threads", defaultValue = "16")
    int threads;
    @Inject
    SchemaMigrator schemaMigrator;
    @Inject
    ModuleMigrator migrator;
    @Inject
    ModuleStates states;
    @Inject
    Features features;

    private final Map<String, LoadedModule> running = new ConcurrentHashMap<>();
    private final Map<String, Failure> failures = new ConcurrentHashMap<>();

    /** Before the county descriptors apply (priority 10), so they can enable plugin modules. */
    void boot(@Observes @Priority(5) StartupEvent event) throws Exception {
        schemaMigrator.migratePlatform();
        Files.createDirectories(dir);
        try (var jars = Files.list(dir)) {
            jars.filter(p -> p.toString().endsWith(".jar") && Files.isRegularFile(p)).sorted().forEach(this::boot);
        }
        QuarkusTransaction.requiringNew().run(() -> {
            ModuleEntry.delete("source = 'plugin' and id not in ?1", List.copyOf(running.keySet().isEmpty()
                    ? List.of("") : running.keySet()));
            running.values().forEach(PluginCatalogue::catalogue);
        });
        states.refresh();
        LOG.infof("plugins running: %s; refused: %d", running.keySet(), failures.size());
    }

    private void boot(Path path) {
        try {
            LoadedModule module = load(path);
            LoadedModule twin = running.putIfAbsent(module.id(), module);
            if (twin != null) {
                module.retire(0);
                throw new PluginRejected("module '" + module.id() + "' is already provided by "
                        + twin.jar().path().getFileName());
            }
        } catch (PluginRejected e) {
            refuse(path, e.getMessage());
        }
    }

    /** Inspects, loads and checks a jar; on failure nothing of it stays loaded. */
    LoadedModule load(Path path) throws PluginRejected {
        PluginJar jar = PluginJar.inspect(path);
        LoadedModule module = JarLoader.load(jar, threads);
        try {
            if (features.find(module.id()).isPresent()) {
                throw new PluginRejected("module id '" + module.id() + "' is a built-in feature's");
            }
            if (ModuleRules.PLATFORM_MODULES.contains(module.id())) {
                throw new PluginRejected("module id '" + module.id() + "' is reserved for the platform's own warning rules");
            }
            migrator.check(module);
            return module;
        } catch (PluginRejected e) {
            module.retire(0);
            throw e;
        }
    }

    void refuse(Path path, String reason) {
        refuse(path, path.getFileName().toString(), reason);
    }

    /** An uploaded jar that was refused: listed by its plugin id, replacing an older refusal of it. */
    void refuseUpload(Path path, String reason) {
        refuse(path, "(upload)", reason);
    }

    private void refuse(Path path, String file, String reason) {
        String id = null;
        String version = null;
        try {
            PluginJar jar = PluginJar.inspect(path);
            id = jar.id();
            version = jar.version();
        } catch (PluginRejected ignored) {
            // the reason given already says what is wrong with the jar itself
        }
        LOG.warnf("plugin %s refused: %s", file, reason);
        String key = file.equals("(upload)") && id != null ? "upload:" + id : file + ":" + path.getFileName();
        failures.put(key, new Failure(file, id, version, reason));
    }

    static void catalogue(LoadedModule m) {
        ModuleEntry e = ModuleEntry.findById(m.id());
        boolean created = e == null;
        if (created) {
            e = new ModuleEntry();
            e.id = m.id();
        }
        e.version = m.version();
        e.name = m.manifest().name().zh();
        e.description = m.manifest().description();
        e.source = "plugin";
        if (created) {
            e.persist();
        }
    }

    public Optional<LoadedModule> find(String id) {
        return Optional.ofNullable(id == null ? null : running.get(id));
    }

    public Collection<LoadedModule> running() {
        return running.values();
    }

    /** A running plugin as the operator sees it. */
    public record Plugin(String id, String version, String file, String requires, String nameZh, String nameEn) {
    }

    /** The running plugins, by id. */
    public List<Plugin> plugins() {
        return running.values().stream().sorted(java.util.Comparator.comparing(LoadedModule::id))
                .map(m -> new Plugin(m.id(), m.version(), m.jar().path().getFileName().toString(), m.jar().requires(),
                        m.manifest().name().zh(), m.manifest().name().en()))
                .toList();
    }

    public Collection<Failure> failures() {
        return failures.values();
    }

    Path dir() {
        return dir;
    }

    /** Makes {@code module} the running version of its id; the caller retires the one returned. */
    LoadedModule swap(LoadedModule module) {
        failures.values().removeIf(f -> module.id().equals(f.id()));
        LoadedModule old = running.put(module.id(), module);
        QuarkusTransaction.requiringNew().run(() -> catalogue(module));
        return old;
    }

    LoadedModule remove(String id) {
        LoadedModule old = running.remove(id);
        QuarkusTransaction.requiringNew().run(() -> ModuleEntry.deleteById(id));
        return old;
    }

    void stop(@Observes ShutdownEvent event) {
        running.values().forEach(m -> m.retire(0));
    }

    static void deleteQuietly(Path p) {
        try {
            Files.deleteIfExists(p);
        } catch (IOException e) {
            LOG.warnf("could not delete %s: %s", p, e.getMessage());
        }
    }
}
