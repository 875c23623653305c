package io.mingjing.sdk;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * An HTTP route of the module: an API route under {@code /api/t/{county}/m/{module}} or a portal
 * page under {@code /t/{county}/m/{module}}.
 *
 * <p><b>Who calls the handler, when:</b> the platform, for each matching request, only in counties
 * where the module is enabled (elsewhere the path is a 404), after checking {@link #role()}.
 * <b>Thread:</b> a worker thread of the module's own pool, never an event-loop thread: blocking SQL
 * is fine. A handler that runs longer than the platform's timeout is interrupted and the client
 * gets a 504; one that throws gets a problem response naming the module. <b>Tenant:</b> the county
 * from the path, in {@link TenantContext#county()}. All SQL of one call is one transaction, committed
 * when the handler returns a reply below 400 and rolled back otherwise.
 *
 * <pre>{@code
 * Route.get("/listings/{id}", Roles.ANYONE, (ctx, req) -> ctx.sql()
 *         .one("SELECT * FROM market_listing WHERE id = ?", req.longParam("id"))
 *         .map(Reply::json).orElse(Reply.notFound("No such listing.")))
 * }</pre>
 *
 * @param method GET, POST, PUT, PATCH or DELETE
 * @param path template relative to the module root: literal segments and {@code {name}} variables
 * @param role required role ({@link Roles}); {@link Roles#ANYONE} for public routes
 * @param portal true for a portal page ({@code /t/…}), false for an API route ({@code /api/t/…})
 */
public record Route(String method, String path, String role, boolean portal, RouteHandler handler)
        implements ModuleManifest.Part {

    public Route {
        Objects.requireNonNull(handler, "handler");
        if (path == null || !path.startsWith("/")) {
            throw new IllegalArgumentException("a route path starts with '/': " + path);
        }
        role = role == null ? Roles.ANYONE : role;
    }

    public static Route get(String path, String role, RouteHandler handler) {
        return new Route("GET", path, role, false, handler);
    }

    public static Route post(String path, String role, RouteHandler handler) {
        return new Route("POST", path, role, false, handler);
    }

    public static Route put(String path, String role, RouteHandler handler) {
        return new Route("PUT", path, role, false, handler);
    }

    public static Route delete(String path, String role, RouteHandler handler) {
        return new Route("DELETE", path, role, false, handler);
    }

    /** A portal page (GET, HTML). */
    public static Route page(String path, String role, RouteHandler handler) {
        return new Route("GET", path, role, true, handler);
    }

    /** A portal form post (POST, usually answered with {@link Reply#redirect}). */
    public static Route form(String path, String role, RouteHandler handler) {
        return new Route("POST", path, role, true, handler);
    }

    /**
     * @param relative the request path below the module root, e.g. {@code /listings/42}
     * @return the path variables when this route matches, else null
     */
    public Map<String, String> match(String method, boolean portal, String relative) {
        if (!this.method.equals(method) || this.portal != portal) {
            return null;
        }
        String[] want = segments(path);
        String[] have = segments(relative);
        if (want.length != have.length) {
            return null;
        }
        Map<String, String> vars = new LinkedHashMap<>();
        for (int i = 0; i < want.length; i++) {
            if (want[i].startsWith("{") && want[i].endsWith("}")) {
                if (have[i].isEmpty()) {
                    return null;
                }
                vars.put(want[i].substring(1, want[i].length() - 1), have[i]);
            } else if (!want[i].equals(have[i])) {
                return null;
            }
        }
        return vars;
    }

    private static String[] segments(String p) {
        String trimmed = p.replaceAll("^/+|/+$", "");
        return trimmed.isEmpty() ? new String[0] : trimmed.split("/", -1);
    }
}
