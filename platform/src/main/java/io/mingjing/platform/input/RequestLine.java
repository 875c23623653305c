package io.mingjing.platform.input;

import io.mingjing.platform.problem.Problem;
import io.vertx.core.json.Json;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Map.Entry;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Checks the request line and headers once, before routing, security or any feature sees them: a path
 * or query with control characters or bytes that are not UTF-8 is a 400 naming the part, an over-long
 * URI a 414 and over-large headers a 431, all as problems. Vert.x's own limits are set well above
 * these (application.properties), so only absurd requests meet its body-less answers.
 */
@ApplicationScoped
public class RequestLine {

    @ConfigProperty(name = "mingjing.limits.max-uri-length", defaultValue = "8192")
    int maxUri;
    @ConfigProperty(name = "mingjing.limits.max-header-size", defaultValue = "20480")
    int maxHeaders;

    /** Ahead of CORS (-300) and authentication (-200): a refused address never reaches a realm lookup. */
    static final int ORDER = -1000;

    void install(@Observes Router router) {
        router.route().order(ORDER).handler(this::check);
    }

    void check(RoutingContext context) {
        String uri = context.request().uri();
        if (uri.length() > maxUri) {
            refuse(context, Problem.of(414, "URI Too Long", "The address is longer than " + maxUri
                    + " characters; send long values in the body."));
        } else if (headerSize(context) > maxHeaders) {
            refuse(context, Problem.of(431, "Request Header Fields Too Large", "The request headers are larger than "
                    + maxHeaders / 1024 + " KB; remove stale cookies and try again."));
        } else {
            Map<String, String> errors = errors(uri);
            if (errors.isEmpty() && literalPercent(uri)) {
                refuse(context, new Problem("about:blank", "Not Found", 404, "No such resource.",
                        Map.of("path", "contains a percent sign (%25)")));
            } else if (errors.isEmpty()) {
                context.next();
            } else {
                refuse(context, new Problem("about:blank", "Bad Request", 400,
                        "The address contains characters that are not allowed.", errors));
            }
        }
    }

    /** @return part of the address (path, or a query parameter's name) → what is wrong with it */
    static Map<String, String> errors(String uri) {
        Map<String, String> errors = new LinkedHashMap<>();
        int q = uri.indexOf('?');
        int hash = uri.indexOf('#');
        String path = q < 0 ? (hash < 0 ? uri : uri.substring(0, hash)) : uri.substring(0, q);
        String bad = problem(path, false);
        if (bad != null) {
            errors.put("path", bad);
        }
        if (q >= 0) {
            String query = hash > q ? uri.substring(q + 1, hash) : uri.substring(q + 1);
            for (String pair : query.split("&")) {
                int eq = pair.indexOf('=');
                String name = eq < 0 ? pair : pair.substring(0, eq);
                String why = problem(name, true);
                if (why == null && eq >= 0) {
                    why = problem(pair.substring(eq + 1), true);
                }
                if (why != null) {
                    errors.putIfAbsent(label(name), why);
                }
            }
        }
        return errors;
    }

    /** A query parameter is named when its name is itself readable and short. */
    private static String label(String rawName) {
        String name = decode(rawName, true);
        return name == null || name.length() > 40 || Text.problem(name, false) != null ? "query" : "query." + name;
    }

    private static String problem(String raw, boolean form) {
        String text = decode(raw, form);
        return text == null ? "is not valid percent-encoded UTF-8" : Text.problem(text, false);
    }

    /**
     * No address of the platform has a literal '%' in its path, and the REST layer decodes paths a second
     * time in places (path segments, matching), where a decoded "%25" fails as a broken escape. Such a path
     * names nothing: a 404, as for any malformed county id.
     */
    static boolean literalPercent(String uri) {
        int q = uri.indexOf('?');
        String path = decode(q < 0 ? uri : uri.substring(0, q), false);
        return path != null && path.indexOf('%') >= 0;
    }

    /** Strict percent-decoding: a broken escape or bytes that are not UTF-8 give null, never U+FFFD. */
    static String decode(String raw, boolean form) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream(raw.length());
        for (int i = 0; i < raw.length(); i++) {
            char c = raw.charAt(i);
            if (c == '%') {
                if (i + 2 >= raw.length() || Character.digit(raw.charAt(i + 1), 16) < 0
                        || Character.digit(raw.charAt(i + 2), 16) < 0) {
                    return null;
                }
                bytes.write(Character.digit(raw.charAt(i + 1), 16) * 16 + Character.digit(raw.charAt(i + 2), 16));
                i += 2;
            } else if (c > 0xFF) {
                bytes.writeBytes(String.valueOf(c).getBytes(StandardCharsets.UTF_8));
            } else {
                bytes.write(form && c == '+' ? ' ' : c);
            }
        }
        try {
            return StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(bytes.toByteArray()))
                    .toString();
        } catch (CharacterCodingException e) {
            return null;
        }
    }

    private static int headerSize(RoutingContext context) {
        int size = 0;
        for (Entry<String, String> header : context.request().headers()) {
            size += header.getKey().length() + header.getValue().length() + 4;
        }
        return size;
    }

    private static void refuse(RoutingContext context, Problem problem) {
        context.response().setStatusCode(problem.status()).putHeader("Content-Type", Problem.MEDIA_TYPE)
                .end(Json.encode(problem));
    }
}
