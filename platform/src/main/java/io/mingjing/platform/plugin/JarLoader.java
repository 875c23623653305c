package io.mingjing.platform.plugin;

import io.mingjing.sdk.Module;
import io.mingjing.sdk.ModuleManifest;
import io.mingjing.sdk.Sdk;
import io.quarkus.qute.Engine;
import io.quarkus.qute.HtmlEscaper;
import io.quarkus.qute.ReflectionValueResolver;
import io.quarkus.qute.TemplateLocator;
import io.quarkus.qute.Variant;
import java.io.InputStreamReader;
import java.io.Reader;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.SynchronousQueue;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.pf4j.ClassLoadingStrategy;
import org.pf4j.JarPluginLoader;
import org.pf4j.JarPluginManager;
import org.pf4j.PluginClassLoader;
import org.pf4j.PluginDescriptor;
import org.pf4j.PluginLoader;
import org.pf4j.PluginManager;
import org.pf4j.PluginState;

/** Loads one plugin jar into a PF4J manager of its own and reads its manifest. */
final class JarLoader {

    private JarLoader() {
    }

    static LoadedModule load(PluginJar jar, int threads) throws PluginRejected {
        JarPluginManager manager = new IsolatedManager(jar.path().getParent());
        try {
            String id = manager.loadPlugin(jar.path());
            PluginState state = manager.startPlugin(id);
            if (state != PluginState.STARTED) {
                throw new PluginRejected("PF4J could not start it (state " + state + ")");
            }
            List<Module> modules = manager.getExtensions(Module.class, id);
            if (modules.size() != 1) {
                throw new PluginRejected("it must have exactly one @Extension implementing io.mingjing.sdk.Module, "
                        + "found " + modules.size() + " (is the pf4j annotation processor enabled?)");
            }
            ModuleManifest manifest = manifest(modules.get(0));
            if (!manifest.id().equals(jar.id())) {
                throw new PluginRejected("manifest id '" + manifest.id() + "' differs from Plugin-Id '" + jar.id() + "'");
            }
            if (!manifest.version().equals(jar.version())) {
                throw new PluginRejected("manifest version " + manifest.version() + " differs from Plugin-Version "
                        + jar.version());
            }
            ClassLoader loader = manager.getPluginClassLoader(id);
            return new LoadedModule(jar, manager, loader, manifest, pages(loader), workers(id, threads));
        } catch (PluginRejected e) {
            discard(manager);
            throw e;
        } catch (RuntimeException | LinkageError e) {
            discard(manager);
            throw new PluginRejected("it failed to load: " + e, e);
        }
    }

    private static ModuleManifest manifest(Module module) throws PluginRejected {
        try {
            ModuleManifest manifest = module.manifest();
            if (manifest == null) {
                throw new PluginRejected("Module.manifest() returned null");
            }
            return manifest;
        } catch (RuntimeException | LinkageError e) {
            throw new PluginRejected("Module.manifest() failed: " + e, e);
        }
    }

    private static void discard(PluginManager manager) {
        try {
            manager.stopPlugins();
            manager.unloadPlugins();
        } catch (RuntimeException ignored) {
            // already failing; the first reason is the one to report
        }
    }

    /** Templates come from the plugin's own {@code web/templates/}; output is HTML-escaped. */
    private static Engine pages(ClassLoader loader) {
        TemplateLocator locator = name -> {
            String file = name.endsWith(".html") ? name : name + ".html";
            URL url = loader.getResource("web/templates/" + file);
            if (url == null) {
                return Optional.empty();
            }
            return Optional.of(new TemplateLocator.TemplateLocation() {
                @Override
                public Reader read() {
                    try {
                        return new InputStreamReader(url.openStream(), StandardCharsets.UTF_8);
                    } catch (java.io.IOException e) {
                        throw new java.io.UncheckedIOException(e);
                    }
                }

                @Override
                public Optional<Variant> getVariant() {
                    return Optional.of(Variant.forContentType(Variant.TEXT_HTML));
                }
            });
        };
        return Engine.builder().addDefaults().addValueResolver(new ReflectionValueResolver())
                .addResultMapper(new HtmlEscaper(List.of(Variant.TEXT_HTML))).addLocator(locator)
                .removeStandaloneLines(true).strictRendering(false).build();
    }

    private static ThreadPoolExecutor workers(String id, int threads) {
        AtomicInteger n = new AtomicInteger();
        // No queue: when every thread is busy the call is refused at once (503) instead of piling up.
        return new ThreadPoolExecutor(0, threads, 60, TimeUnit.SECONDS, new SynchronousQueue<>(), r -> {
            Thread t = new Thread(r, "module-" + id + "-" + n.incrementAndGet());
            t.setDaemon(true);
            return t;
        });
    }

    /** A PF4J manager whose plugins see only the JDK, the SDK and pf4j of the platform. */
    private static final class IsolatedManager extends JarPluginManager {

        IsolatedManager(Path root) {
            super(root);
            setSystemVersion(Sdk.VERSION);
        }

        @Override
        protected PluginLoader createPluginLoader() {
            return new JarPluginLoader(this) {
                @Override
                protected PluginClassLoader createPluginClassLoader(Path pluginPath, PluginDescriptor descriptor) {
                    // Application first: SDK classes always resolve to the platform's copy.
                    return new PluginClassLoader(pluginManager, descriptor,
                            new SdkOnlyClassLoader(Module.class.getClassLoader()), ClassLoadingStrategy.APD);
                }
            };
        }
    }
}
