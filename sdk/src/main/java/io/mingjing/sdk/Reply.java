package io.mingjing.sdk;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
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
     * {@code caller}, {@code loggedIn} (a login of this county), {@code settings} and {@code csrf}
     * (the form token: every {@code <form method="post">} carries
     * {@code <input type="hidden" name="_csrf" value="{csrf}">}, or the platform refuses it with 403).
     * Output is HTML-escaped unless marked {@code .raw}.
     *
     * <p>Pages run under a strict Content-Security-Policy: scripts and images only from the platform's
     * own origin, no inline scripts, and no camera, microphone or position. A page that needs more says so
     * with {@link #withImagesFrom} and {@link #allowing}; the platform grants exactly that, for this page only.
     *
     * @param imageSources https origins (or URL templates such as {@code https://t{s}.example.cn/{z}/{x}/{y}.png},
     *        of which only the origin counts) the page may load images from; since SDK 1.2
     * @param features browser features the page may ask for: {@code geolocation}, {@code camera},
     *        {@code microphone}; since SDK 1.2
     */
    record Page(int status, String template, Map<String, Object> model, List<String> imageSources,
            List<String> features) implements Reply {

        public Page {
            imageSources = imageSources == null ? List.of() : List.copyOf(imageSources);
            features = features == null ? List.of() : List.copyOf(features);
        }

        public Page(int status, String template, Map<String, Object> model) {
            this(status, template, model, List.of(), List.of());
        }

        /**
         * This page also shows images from these origins, e.g. map tiles:
         * {@code new Reply.Page(200, "map", model).withImagesFrom(ctx.settings().text("tiles"))}. Blank values are
         * skipped; values that are not https URLs are ignored by the platform.
         */
        public Page withImagesFrom(String... urls) {
            List<String> all = new ArrayList<>(imageSources);
            Arrays.stream(urls).filter(u -> u != null && !u.isBlank()).forEach(all::add);
            return new Page(status, template, model, all, features);
        }

        /** This page may ask for these browser features, e.g. {@code allowing("geolocation")} for "nearest to me". */
        public Page allowing(String... wanted) {
            List<String> all = new ArrayList<>(features);
            all.addAll(Arrays.asList(wanted));
            return new Page(status, template, model, imageSources, all);
        }
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
