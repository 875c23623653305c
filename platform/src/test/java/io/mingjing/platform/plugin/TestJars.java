package io.mingjing.platform.plugin;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.jar.Attributes;
import java.util.jar.JarEntry;
import java.util.jar.JarOutputStream;
import java.util.jar.Manifest;

/** Builds plugin jars in tests from compiled fixture classes, as plugins/pom.xml would package them. */
final class TestJars {

    private final Map<String, byte[]> entries = new LinkedHashMap<>();
    private final Manifest manifest = new Manifest();

    private TestJars(String id, String version, String requires) {
        Attributes main = manifest.getMainAttributes();
        main.put(Attributes.Name.MANIFEST_VERSION, "1.0");
        main.putValue("Plugin-Id", id);
        main.putValue("Plugin-Version", version);
        main.putValue("Plugin-Requires", requires);
    }

    static TestJars plugin(String id, String version) {
        return new TestJars(id, version, ">=1.0.0 & <2.0.0");
    }

    static TestJars plugin(String id, String version, String requires) {
        return new TestJars(id, version, requires);
    }

    /** The module class (listed as the PF4J extension) and all its nested classes. */
    TestJars module(Class<?> type) {
        withClass(type);
        text("META-INF/extensions.idx", type.getName() + "\n");
        return this;
    }

    /** A class and its nested and anonymous classes, from the test class path. */
    TestJars withClass(Class<?> type) {
        Path file = classFile(type);
        String prefix = type.getSimpleName();
        try (var siblings = Files.list(file.getParent())) {
            siblings.filter(p -> p.getFileName().toString().equals(prefix + ".class")
                    || p.getFileName().toString().startsWith(prefix + "$")).forEach(p -> {
                        String name = type.getPackageName().replace('.', '/') + "/" + p.getFileName();
                        entries.put(name, read(p));
                    });
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return this;
    }

    TestJars text(String name, String content) {
        entries.put(name, content.getBytes(StandardCharsets.UTF_8));
        return this;
    }

    byte[] build() {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (JarOutputStream jar = new JarOutputStream(out, manifest)) {
            for (var e : entries.entrySet()) {
                jar.putNextEntry(new JarEntry(e.getKey()));
                jar.write(e.getValue());
                jar.closeEntry();
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }

    private static Path classFile(Class<?> type) {
        try {
            return Path.of(type.getResource(type.getSimpleName() + ".class").toURI());
        } catch (Exception e) {
            throw new IllegalStateException("cannot find the class file of " + type, e);
        }
    }

    private static byte[] read(Path p) {
        try {
            return Files.readAllBytes(p);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
