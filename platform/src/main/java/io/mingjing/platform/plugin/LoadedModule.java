package io.mingjing.platform.plugin;

import io.mingjing.sdk.ModuleManifest;
import io.mingjing.sdk.Route;
import io.quarkus.qute.Engine;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import org.pf4j.PluginManager;

/**
 * One running plugin version: its own PF4J manager and class loader, its manifest, its page engine
 * and its own worker threads — so a module that hangs exhausts only its own threads.
 */
record LoadedModule(PluginJar jar, PluginManager manager, ClassLoader loader, ModuleManifest manifest, Engine pages,
        ThreadPoolExecutor workers) {

    String id() {
        return manifest.id();
    }

    String version() {
        return manifest.version();
    }

    /** The same running plugin, its jar now at {@code path} (moved there from staging). */
    LoadedModule movedTo(java.nio.file.Path path) {
        return new LoadedModule(new PluginJar(path, jar.id(), jar.version(), jar.requires()), manager, loader, manifest,
                pages, workers);
    }

    /** A matched route and its path variables. */
    record Match(Route route, Map<String, String> params) {
    }

    Optional<Match> route(String method, boolean portal, String relative) {
        for (Route r : manifest.routes()) {
            Map<String, String> params = r.match(method, portal, relative);
            if (params != null) {
                return Optional.of(new Match(r, params));
            }
        }
        return Optional.empty();
    }

    /**
     * Stops taking work, lets running calls finish (or hit their timeout), then unloads the plugin and
     * closes its class loader. Runs in the background so an upgrade does not wait for it.
     */
    void retire(long graceMillis) {
        workers.shutdown();
        Thread.ofVirtual().name("retire-" + id()).start(() -> {
            try {
                workers.awaitTermination(graceMillis, TimeUnit.MILLISECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            workers.shutdownNow();
            manager.stopPlugins();
            manager.unloadPlugins();
        });
    }
}
