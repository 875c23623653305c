package io.mingjing.platform.web;

import io.mingjing.platform.problem.Problem;
import io.vertx.core.http.HttpServerRequest;
import jakarta.inject.Inject;
import jakarta.ws.rs.core.Response;
import java.util.Set;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.resteasy.reactive.server.ServerRequestFilter;
import org.jboss.resteasy.reactive.server.WithFormRead;
import org.jboss.resteasy.reactive.server.core.ResteasyReactiveRequestContext;
import org.jboss.resteasy.reactive.server.spi.ResteasyReactiveContainerRequestContext;

/**
 * Refuses a state-changing request another site made a browser send. Every such request to the portal
 * or the API must come from this site (Origin, else Referer; a client that sends neither is not a
 * browser page); portal requests, which the session cookie authenticates, must also carry this
 * browser's form token, and so must the operator console's. Bearer-token API calls carry no cookie, so they need no token.
 * The form is read first, so the check covers module pages and multipart forms too.
 */
public class CsrfGuard {

    static final Set<String> SAFE = Set.of("GET", "HEAD", "OPTIONS");
    static final String FOREIGN = "This request was sent by a page of another site. Only this portal's own pages "
            + "may change anything here.";
    static final String NO_TOKEN = "The form has expired or did not come from this portal's page. Reload the page "
            + "and send it again.";

    @Inject
    CsrfTokens tokens;
    @ConfigProperty(name = "mingjing.public-url")
    String publicUrl;

    @ServerRequestFilter
    @WithFormRead
    public Response check(ResteasyReactiveContainerRequestContext request, HttpServerRequest http) {
        String path = request.getUriInfo().getPath();
        boolean console = path.equals("/console") || path.startsWith("/console/");
        boolean portal = path.startsWith("/t/") || console;
        if (SAFE.contains(request.getMethod()) || !(portal || path.startsWith("/api/"))) {
            return null;
        }
        if (!fromThisSite(http)) {
            return refuse("foreign-page", FOREIGN);
        }
        String scope = console ? CsrfTokens.CONSOLE : county(path);
        return portal && !tokens.valid(scope, presented(request, http)) ? refuse("form-expired", NO_TOKEN) : null;
    }

    private boolean fromThisSite(HttpServerRequest http) {
        String origin = http.getHeader("Origin");
        String source = origin != null ? origin : http.getHeader("Referer");
        return source == null || BrowserPolicy.sameOrigin(source, host(http), publicUrl);
    }

    private static String host(HttpServerRequest http) {
        String host = http.getHeader("Host");
        var authority = http.authority(); // HTTP/2 has no Host header
        return host != null || authority == null ? host
                : authority.host() + (authority.port() > 0 ? ":" + authority.port() : "");
    }

    /** The hidden form field, or a header for a script of ours that posts without a form. */
    private static String presented(ResteasyReactiveContainerRequestContext request, HttpServerRequest http) {
        Object field = ((ResteasyReactiveRequestContext) request.getServerRequestContext())
                .getFormParameter(CsrfTokens.FIELD, true, false);
        return field instanceof String s ? s : http.getHeader("X-CSRF-Token");
    }

    private static String county(String path) {
        String[] segments = path.split("/");
        return segments.length > 2 ? segments[2] : "";
    }

    /** Typed, so a portal page can say it in the reader's language ({@code problem.form-expired}). */
    private static Response refuse(String type, String detail) {
        return new Problem("urn:mingjing:" + type, "Forbidden", 403, detail, null).toResponse();
    }
}
