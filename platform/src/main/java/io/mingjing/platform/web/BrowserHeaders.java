package io.mingjing.platform.web;

import io.quarkus.vertx.http.runtime.filters.Filters;
import io.vertx.core.MultiMap;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import java.util.List;

/**
 * The browser headers of every response — pages, API answers, problems, redirects, static files and
 * the router's own 404s — set at the HTTP layer so no path can forget them. A response that already
 * chose a stricter or page-specific policy (files: {@code sandbox}; a module page's image origins) keeps it.
 */
@ApplicationScoped
public class BrowserHeaders {

    static final String HSTS = "max-age=31536000; includeSubDomains";

    @Inject
    BrowserPolicy policy;

    void register(@Observes Filters filters) {
        filters.register(rc -> {
            rc.addHeadersEndHandler(done -> apply(rc));
            rc.next();
        }, 1000);
    }

    void apply(RoutingContext rc) {
        MultiMap h = rc.response().headers();
        setIfAbsent(h, "Content-Security-Policy", policy.csp());
        setIfAbsent(h, "Permissions-Policy", BrowserPolicy.permissions(List.of()));
        h.set("X-Content-Type-Options", "nosniff");
        h.set("Referrer-Policy", "strict-origin-when-cross-origin");
        h.set("X-Frame-Options", "DENY"); // frame-ancestors for browsers older than CSP 2
        if (overTls(rc.request())) {
            h.set("Strict-Transport-Security", HSTS);
        }
    }

    /** HSTS over plain HTTP is ignored by browsers and would pin a development host; only over TLS. */
    static boolean overTls(HttpServerRequest request) {
        return request.isSSL() || "https".equalsIgnoreCase(request.getHeader("X-Forwarded-Proto"));
    }

    private static void setIfAbsent(MultiMap headers, String name, String value) {
        if (!headers.contains(name)) {
            headers.set(name, value);
        }
    }
}
