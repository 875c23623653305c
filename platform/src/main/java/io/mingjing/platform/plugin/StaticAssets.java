package io.mingjing.platform.plugin;

import io.mingjing.platform.file.StoredFile;
import io.mingjing.platform.problem.ProblemException;
import jakarta.ws.rs.core.Response;
import java.io.IOException;
import java.io.InputStream;
import java.net.URL;
import java.util.Map;

/**
 * Files from a plugin jar's {@code web/static/}, cacheable: their URL changes with the plugin's version.
 * Pages are the platform's to render, so no HTML is served from here.
 */
final class StaticAssets {

    private static final Map<String, String> TYPES = Map.ofEntries(Map.entry("css", "text/css;charset=UTF-8"),
            Map.entry("js", "text/javascript;charset=UTF-8"), Map.entry("json", "application/json"),
            Map.entry("png", "image/png"), Map.entry("jpg", "image/jpeg"), Map.entry("jpeg", "image/jpeg"),
            Map.entry("gif", "image/gif"), Map.entry("svg", "image/svg+xml"), Map.entry("webp", "image/webp"),
            Map.entry("ico", "image/x-icon"), Map.entry("woff2", "font/woff2"), Map.entry("txt", "text/plain"));

    private StaticAssets() {
    }

    static Response serve(LoadedModule module, String path) {
        if (path.isEmpty() || path.contains("..") || path.contains("\\") || path.startsWith("/")) {
            throw ProblemException.notFound("No such file.");
        }
        URL url = module.loader().getResource("web/static/" + path);
        if (url == null) {
            throw ProblemException.notFound("Module '" + module.id() + "' has no file '" + ModuleDispatch.shorten(path)
                    + "'.");
        }
        try (InputStream in = url.openStream()) {
            String ext = path.substring(path.lastIndexOf('.') + 1).toLowerCase();
            return StoredFile.asset(in.readAllBytes(), TYPES.getOrDefault(ext, "application/octet-stream"),
                    path.substring(path.lastIndexOf('/') + 1), "public, max-age=3600");
        } catch (IOException e) {
            throw ProblemException.notFound("No such file.");
        }
    }
}
