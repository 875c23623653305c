package io.mingjing.platform.plugin;

import io.mingjing.sdk.ModuleManifest;
import io.mingjing.sdk.Sdk;
import java.io.IOException;
import java.nio.file.Path;
import java.util.jar.Attributes;
import java.util.jar.JarFile;
import org.pf4j.DefaultVersionManager;

/**
 * What the jar says about itself, checked before any of its classes load: an id and version, an SDK
 * range this platform satisfies, and no SDK classes of its own — a bundled SDK would shadow the
 * platform's and every callback would fail with a ClassCastException.
 */
record PluginJar(Path path, String id, String version, String requires) {

    static final String SDK_PACKAGE = "io/mingjing/sdk/";

    static PluginJar inspect(Path path) throws PluginRejected {
        try (JarFile jar = new JarFile(path.toFile())) {
            if (jar.getManifest() == null) {
                throw new PluginRejected("no META-INF/MANIFEST.MF: package it with the plugins/pom.xml settings");
            }
            Attributes main = jar.getManifest().getMainAttributes();
            String id = main.getValue("Plugin-Id");
            String version = main.getValue("Plugin-Version");
            String requires = main.getValue("Plugin-Requires");
            if (id == null || !ModuleManifest.ID.matcher(id).matches()) {
                throw new PluginRejected("Plugin-Id '" + id + "' must match " + ModuleManifest.ID.pattern());
            }
            if (version == null || version.isBlank()) {
                throw new PluginRejected("Plugin-Version is missing");
            }
            if (jar.stream().anyMatch(e -> e.getName().startsWith(SDK_PACKAGE) && e.getName().endsWith(".class"))) {
                throw new PluginRejected("the jar bundles the Mingjing SDK (" + SDK_PACKAGE + "…); the SDK always "
                        + "comes from the platform: declare mingjing-sdk with <scope>provided</scope>");
            }
            checkRequires(requires);
            return new PluginJar(path, id, version, requires);
        } catch (IOException e) {
            throw new PluginRejected("not a readable jar: " + e.getMessage(), e);
        }
    }

    private static void checkRequires(String requires) throws PluginRejected {
        if (requires == null || requires.isBlank() || requires.equals("*")) {
            throw new PluginRejected("Plugin-Requires is missing: state the SDK range, e.g. '>=1.0.0 & <2.0.0'");
        }
        boolean ok;
        try {
            ok = new DefaultVersionManager().checkVersionConstraint(Sdk.VERSION, requires);
        } catch (RuntimeException e) {
            throw new PluginRejected("Plugin-Requires '" + requires + "' is not a version range: " + e.getMessage());
        }
        if (!ok) {
            throw new PluginRejected("requires SDK " + requires + " but this platform provides SDK " + Sdk.VERSION);
        }
    }
}
