package io.mingjing.platform.web;

import io.mingjing.platform.plugin.ModuleForms;
import io.mingjing.platform.plugin.PluginCatalogue;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.PATCH;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import java.io.IOException;
import java.lang.reflect.Method;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

/**
 * Every state-changing portal route, found in the compiled JAX-RS resources under {@code /t/} and in the
 * running modules' manifests: a route added tomorrow is in the list without anyone editing a test.
 */
final class PortalRoutes {

    /** One route with sample path parameters; {@code multipart} when it reads a multipart form. */
    record Post(String method, String path, boolean multipart) {
        String in(String county) {
            return path.replace("{tenant}", county);
        }
    }

    private PortalRoutes() {
    }

    static List<Post> all(PluginCatalogue catalogue) throws IOException, URISyntaxException {
        List<Post> posts = new ArrayList<>();
        for (Class<?> type : resources()) {
            String root = type.getAnnotation(Path.class).value();
            for (Method m : type.getDeclaredMethods()) {
                String verb = verb(m);
                Path sub = m.getAnnotation(Path.class);
                String path = root + (sub == null ? "" : (sub.value().startsWith("/") ? "" : "/") + sub.value());
                if (verb != null && path.startsWith("/t/") && !path.contains("{path")) {
                    Consumes c = m.getAnnotation(Consumes.class);
                    posts.add(new Post(verb, sample(path), c != null && c.value()[0].startsWith("multipart")));
                }
            }
        }
        ModuleForms.posts(catalogue).forEach(p -> posts.add(new Post("POST", "/t/{tenant}" + sample(p), false)));
        return posts;
    }

    private static String verb(Method m) {
        return m.isAnnotationPresent(POST.class) ? "POST" : m.isAnnotationPresent(PUT.class) ? "PUT"
                : m.isAnnotationPresent(DELETE.class) ? "DELETE" : m.isAnnotationPresent(PATCH.class) ? "PATCH" : null;
    }

    /** Path parameters other than the county get values that exist nowhere: the guard must answer first. */
    private static String sample(String path) {
        return path.replace("{action}", "submit").replaceAll("\\{(?!tenant\\})[^}]+\\}", "999999")
                .replaceAll("/+$", "");
    }

    private static List<Class<?>> resources() throws IOException, URISyntaxException {
        var classes = Paths.get(CsrfGuard.class.getProtectionDomain().getCodeSource().getLocation().toURI());
        ClassLoader loader = CsrfGuard.class.getClassLoader();
        try (Stream<java.nio.file.Path> files = Files.walk(classes)) {
            return files.map(f -> classes.relativize(f).toString()).filter(f -> f.endsWith(".class")
                    && f.startsWith("io/mingjing/platform/") && !f.contains("$"))
                    .<Class<?>>map(f -> load(loader, f.replace('/', '.').replaceAll("\\.class$", "")))
                    .filter(c -> c != null && c.isAnnotationPresent(Path.class)).toList();
        }
    }

    private static Class<?> load(ClassLoader loader, String name) {
        try {
            return Class.forName(name, false, loader);
        } catch (ClassNotFoundException | LinkageError e) {
            return null;
        }
    }
}
