package io.mingjing.platform.input;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.Optional;

/** Where a "go back to" parameter may send a browser: only a relative path under the given prefix. */
public final class LocalPaths {

    private LocalPaths() {
    }

    /**
     * @return the target as a URI when it is a plain path (and query) under {@code prefix} after
     *         normalisation; empty for absolute or scheme-relative URLs, backslashes (which browsers read
     *         as slashes), dot segments leaving the prefix, and anything that is not a valid URI
     */
    public static Optional<URI> under(String prefix, String target) {
        if (target == null || !target.startsWith(prefix) || target.contains("\\") || target.contains("//")
                || Text.problem(target, false) != null) {
            return Optional.empty();
        }
        try {
            URI uri = new URI(target);
            boolean plain = uri.getScheme() == null && uri.getRawAuthority() == null && uri.getRawPath() != null;
            return plain && uri.normalize().getRawPath().startsWith(prefix) ? Optional.of(uri.normalize())
                    : Optional.empty();
        } catch (URISyntaxException e) {
            return Optional.empty();
        }
    }
}
