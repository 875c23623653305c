package io.mingjing.platform.web;

import jakarta.enterprise.context.ApplicationScoped;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * What a browser may do on a page of ours. One origin serves every county, so a script injected into
 * one page could act in all of them: scripts only from our own files, nothing may frame us, and
 * camera, microphone and position stay off unless a page is built to ask for them.
 */
@ApplicationScoped
public class BrowserPolicy {

    /** Features a page may ask for; everything in this list is denied elsewhere. */
    public static final List<String> FEATURES = List.of("camera", "microphone", "geolocation");

    @ConfigProperty(name = "mingjing.keycloak.url")
    String keycloakUrl;

    /**
     * The page policy. The login form is Keycloak's: after a form post with an expired session the
     * browser is sent there, and {@code form-action} also governs that redirect.
     *
     * @param imageOrigins extra origins this page shows images from (already checked by {@link #origin})
     */
    public String csp(Collection<String> imageOrigins) {
        String images = imageOrigins.isEmpty() ? "" : " " + String.join(" ", imageOrigins);
        String login = origin(keycloakUrl).map(o -> " " + o).orElse("");
        // style attributes carry the county's colour; a style cannot run script
        return "default-src 'self'; script-src 'self'; style-src 'self' 'unsafe-inline'; img-src 'self' data:"
                + images + "; media-src 'self' blob:; object-src 'none'; base-uri 'none'; frame-ancestors 'none'; "
                + "form-action 'self'" + login;
    }

    public String csp() {
        return csp(List.of());
    }

    /** Permissions-Policy denying every feature in {@link #FEATURES} but the ones named, which go to our origin. */
    public static String permissions(Collection<String> allowed) {
        return FEATURES.stream().map(f -> f + (allowed.contains(f) ? "=(self)" : "=()"))
                .collect(Collectors.joining(", "));
    }

    /** The origins of the https URLs (or URL templates) given; anything else is dropped. */
    public static Set<String> imageOrigins(Collection<String> urls) {
        Set<String> origins = new LinkedHashSet<>();
        for (String url : urls) {
            if (url != null && url.startsWith("https://")) {
                origin(url).ifPresent(origins::add);
            }
        }
        return origins;
    }

    /**
     * {@code scheme://host[:port]} of an http(s) URL; a template's leading {@code {s}}-style label becomes
     * the one wildcard CSP knows. Nothing that could end the directive (spaces, quotes, semicolons) passes.
     */
    static Optional<String> origin(String url) {
        if (url == null) {
            return Optional.empty();
        }
        int start = url.indexOf("://");
        if (start < 0) {
            return Optional.empty();
        }
        String scheme = url.substring(0, start).toLowerCase();
        String rest = url.substring(start + 3);
        int end = rest.length();
        for (char c : new char[] {'/', '?', '#'}) {
            int i = rest.indexOf(c);
            end = i >= 0 ? Math.min(end, i) : end;
        }
        String authority = rest.substring(0, end).replaceFirst("^[^.]*\\{[a-z]+\\}[^.]*\\.", "*.");
        boolean ok = (scheme.equals("https") || scheme.equals("http"))
                && authority.matches("(\\*\\.)?[A-Za-z0-9-]+(\\.[A-Za-z0-9-]+)*(:\\d{1,5})?")
                && !authority.matches("\\*\\.[^.]*"); // never a wildcard over a whole top-level domain
        return ok ? Optional.of(scheme + "://" + authority.toLowerCase()) : Optional.empty();
    }

    /** Whether {@code origin} is this site: the request's own host, or the configured public URL. */
    static boolean sameOrigin(String origin, String host, String publicUrl) {
        Optional<String> o = origin(origin);
        if (o.isEmpty()) {
            return false; // "null", opaque or malformed origins are never ours
        }
        String authority = o.get().substring(o.get().indexOf("://") + 3);
        return authority.equalsIgnoreCase(host) || o.equals(origin(publicUrl));
    }
}
