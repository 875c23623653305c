package io.mingjing.platform.plugin;

import io.mingjing.platform.audit.AuditLog;
import io.mingjing.platform.audit.ProvinceLog;
import io.mingjing.platform.problem.ProblemException;
import io.mingjing.platform.tenancy.TenantScope;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

/**
 * Installs, upgrades and removes plugins while the platform serves. An upgrade is prepared completely
 * beside the running version — jar checked, classes loaded, manifest and changelog checked, the
 * changelog run in every county that has the module enabled — and only then swapped in; until the
 * swap the old version serves, so any failure leaves it serving. The old version then finishes its
 * running calls and is unloaded. The province's chain records who installed which jar (its digest) or
 * removed it, and so does each county the module is enabled in, as every operator action is audited in
 * the county it acts on.
 */
@ApplicationScoped
public class PluginInstaller {

    private static final Logger LOG = Logger.getLogger(PluginInstaller.class);

    /** What an install did. */
    public record Installed(String id, String version, String previousVersion, List<String> migratedCounties,
            long millis) {
    }

    @Inject
    PluginCatalogue catalogue;
    @Inject
    ModuleMigrator migrator;
    @Inject
    ModuleStates states;
    @Inject
    ModuleEnabling enabling;
    @Inject
    PluginJobs jobs;
    @Inject
    TenantScope scope;
    @Inject
    AuditLog audit;
    @Inject
    ProvinceLog province;
    @ConfigProperty(name = "mingjing.plugins.timeout", defaultValue = "10s")
    Duration timeout;

    public synchronized Installed install(byte[] jar, String actor) {
        long start = System.nanoTime();
        Path staging = stage(jar);
        LoadedModule fresh;
        try {
            fresh = catalogue.load(staging);
            Crons.check(fresh);
        } catch (PluginRejected e) {
            catalogue.refuseUpload(staging, e.getMessage());
            PluginCatalogue.deleteQuietly(staging);
            throw new ProblemException(422, "Unprocessable Content", "The plugin was not installed: " + e.getMessage());
        }
        LoadedModule old = catalogue.find(fresh.id()).orElse(null);
        List<String> counties = states.enabledIn(fresh.id());
        try {
            for (String county : counties) {
                migrator.migrate(fresh, county);
            }
            Path target = catalogue.dir().resolve(fresh.id() + ".jar");
            Files.move(staging, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
            swap(old, fresh.movedTo(target));
            if (old != null && !old.jar().path().equals(target)) {
                PluginCatalogue.deleteQuietly(old.jar().path());
            }
        } catch (PluginRejected | IOException | RuntimeException e) {
            fresh.retire(0);
            String reason = e instanceof PluginRejected ? e.getMessage() : ModuleMigrator.deepest(e);
            catalogue.refuseUpload(staging, reason);
            PluginCatalogue.deleteQuietly(staging);
            throw new ProblemException(422, "Unprocessable Content", "The plugin was not installed"
                    + (old == null ? "" : "; version " + old.version() + " keeps serving") + ": " + reason);
        }
        counties.forEach(county -> enabling.recordVersion(county, fresh));
        audit(counties, actor, "plugin.installed", fresh.id(), jar);
        province.append(actor, "plugin.installed", "Module", fresh.id(), jar);
        long millis = (System.nanoTime() - start) / 1_000_000;
        LOG.infof("plugin %s %s installed in %d ms (was %s; migrated %s)", fresh.id(), fresh.version(), millis,
                old == null ? "absent" : old.version(), counties);
        return new Installed(fresh.id(), fresh.version(), old == null ? null : old.version(), counties, millis);
    }

    private void swap(LoadedModule old, LoadedModule fresh) throws PluginRejected {
        if (old != null) {
            jobs.unschedule(old);
        }
        try {
            jobs.schedule(fresh);
        } catch (PluginRejected e) {
            if (old != null) {
                jobs.schedule(old);
            }
            throw e;
        }
        catalogue.swap(fresh);
        if (old != null) {
            old.retire(timeout.toMillis());
        }
    }

    /** Unloads a plugin: its routes, pages, jobs and listeners are gone at once; county data stays. */
    public synchronized void uninstall(String id, String actor) {
        LoadedModule old = catalogue.find(id)
                .orElseThrow(() -> ProblemException.notFound("No plugin '" + ModuleDispatch.shorten(id) + "' is running."));
        jobs.unschedule(old);
        catalogue.remove(id);
        old.retire(timeout.toMillis());
        PluginCatalogue.deleteQuietly(old.jar().path());
        byte[] version = old.version().getBytes(StandardCharsets.UTF_8);
        audit(states.enabledIn(id), actor, "plugin.uninstalled", id, version);
        province.append(actor, "plugin.uninstalled", "Module", id, version);
        LOG.infof("plugin %s %s uninstalled", id, old.version());
    }

    private void audit(List<String> counties, String actor, String action, String id, byte[] payload) {
        counties.forEach(county -> scope.run(county, () -> audit.append(actor, action, "Module", id, payload)));
    }

    private Path stage(byte[] jar) {
        if (jar == null || jar.length == 0) {
            throw ProblemException.invalid(400, "The body must be a plugin jar.", java.util.Map.of("file", "is empty"));
        }
        try {
            Path dir = Files.createDirectories(catalogue.dir().resolve(".staging"));
            return Files.write(dir.resolve(UUID.randomUUID() + ".jar"), jar);
        } catch (IOException e) {
            throw new IllegalStateException("cannot write to the plugins directory: " + e.getMessage(), e);
        }
    }
}
