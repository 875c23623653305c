package io.mingjing.platform.plugin;

import java.net.URL;
import java.util.Collections;
import java.util.Enumeration;

/**
 * The parent of every plugin class loader: the JDK, the SDK and pf4j, and nothing else of the
 * platform. A plugin that reaches for Agroal, Hibernate or the platform's beans finds no such
 * class, so it cannot borrow the platform's database connections or its tenant scope.
 */
final class SdkOnlyClassLoader extends ClassLoader {

    private static final String[] SHARED = { "io.mingjing.sdk.", "org.pf4j.", "org.slf4j." };

    private final ClassLoader platform;

    SdkOnlyClassLoader(ClassLoader platform) {
        super("mingjing-sdk-only", ClassLoader.getPlatformClassLoader());
        this.platform = platform;
    }

    @Override
    protected Class<?> loadClass(String name, boolean resolve) throws ClassNotFoundException {
        for (String prefix : SHARED) {
            if (name.startsWith(prefix)) {
                return platform.loadClass(name);
            }
        }
        return super.loadClass(name, resolve);
    }

    // Resources come from the JDK only: a plugin's "db/x.xml" must never resolve to the platform's.
    @Override
    public URL getResource(String name) {
        return getParent().getResource(name);
    }

    @Override
    public Enumeration<URL> getResources(String name) {
        return Collections.emptyEnumeration();
    }
}
