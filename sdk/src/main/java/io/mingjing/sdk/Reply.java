package io.mingjing.sdk;

import java.util.Map;

/**
 * What a {@link RouteHandler} answers: JSON, a portal page, bytes, a redirect, or a problem.
 * Replies of status 400 and above roll back the call's SQL.
 */
public sealed interface Reply permits Reply.Json, Reply.Page, Reply.Bytes, Reply.Redirect, Reply.Problem {

    int status();

    /** A value the platform serialises to JSON (records, maps, lists, strings, numbers). */
    record Json(int status, Object body) implements Reply {
    }

    /**
     * A portal page: the Qute template {@code web/templates/<template>.html} in the plugin jar,
     * rendered with {@code model} plus {@code county}, {@code module}, {@code base} (the module's
     * portal root), {@code api} (its API root), {@code static} (its {@code web/static/} assets),
     * {@code caller}, {@code loggedIn} (a login of this county) and {@code settings}. Output is HTML-escaped unless marked {@code .raw}.
     */
    record Page(int status, String template, Map<String, Object> model) implements Reply {
    }

    record Bytes(int status, String contentType, byte[] body, Map<String, String> headers) implements Reply {
    }

    /** 303 See Other to a path relative to the module's portal root (or an absolute http(s) URL). */
    record Redirect(String location) implements Reply {
        public int status() {
            return 303;
        }
    }

    /** An RFC 9457 problem; {@code errors} maps a field to what is wrong with it. */
    record Problem(int status, String title, String detail, Map<String, String> errors) implements Reply {
    }

    static Reply json(Object body) {
        return new Json(200, body);
    }

    static Reply created(Object body) {
        return new Json(201, body);
    }

    static Reply noContent() {
        return new Bytes(204, "text/plain", new byte[0], Map.of());
    }

    static Reply page(String template, Map<String, Object> model) {
        return new Page(200, template, model);
    }

    static Reply bytes(String contentType, byte[] body) {
        return new Bytes(200, contentType, body, Map.of());
    }

    static Reply redirect(String location) {
        return new Redirect(location);
    }

    static Reply notFound(String detail) {
        return new Problem(404, "Not Found", detail, null);
    }

    static Reply forbidden(String detail) {
        return new Problem(403, "Forbidden", detail, null);
    }

    static Reply conflict(String detail) {
        return new Problem(409, "Conflict", detail, null);
    }

    /** 422 with field errors: the request was understood but its values are wrong. */
    static Reply invalid(String detail, Map<String, String> errors) {
        return new Problem(422, "Unprocessable Content", detail, errors);
    }

    static Reply badRequest(String detail, Map<String, String> errors) {
        return new Problem(400, "Bad Request", detail, errors);
    }
}
