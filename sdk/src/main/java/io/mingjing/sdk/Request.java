package io.mingjing.sdk;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * One HTTP request as a module sees it. A JSON body is parsed by the platform before the handler
 * runs (a malformed one is answered 400 without calling the module) into maps, lists, strings,
 * numbers and booleans.
 *
 * @param path the path below the module root, e.g. {@code /listings/42}
 * @param params the route's path variables
 * @param query query parameters
 * @param headers header names in lower case
 * @param json the parsed JSON body, or null when the body is not JSON
 */
public record Request(String method, String path, Map<String, String> params, Map<String, List<String>> query,
        Map<String, String> headers, String contentType, byte[] body, Object json) {

    public Request {
        params = params == null ? Map.of() : Map.copyOf(params);
        query = query == null ? Map.of() : Map.copyOf(query);
        headers = headers == null ? Map.of() : Map.copyOf(headers);
        body = body == null ? new byte[0] : body;
    }

    public String param(String name) {
        return params.get(name);
    }

    /** A path variable as a number, or null when it is not one (answer 404 then). */
    public Long longParam(String name) {
        try {
            return Long.valueOf(params.get(name));
        } catch (NumberFormatException e) {
            return null;
        }
    }

    /** The first value of a query parameter, or null. */
    public String query(String name) {
        List<String> values = query.get(name);
        return values == null || values.isEmpty() ? null : values.get(0);
    }

    public String bodyText() {
        return new String(body, StandardCharsets.UTF_8);
    }

    /** The JSON body as an object, or an empty map when it is absent or not an object. */
    @SuppressWarnings("unchecked")
    public Map<String, Object> jsonObject() {
        return json instanceof Map<?, ?> m ? (Map<String, Object>) m : Map.of();
    }

    /** An {@code application/x-www-form-urlencoded} body (a portal form) as name → first value. */
    public Map<String, String> form() {
        Map<String, String> fields = new LinkedHashMap<>();
        for (String pair : bodyText().split("&")) {
            if (pair.isEmpty()) {
                continue;
            }
            int eq = pair.indexOf('=');
            String name = URLDecoder.decode(eq < 0 ? pair : pair.substring(0, eq), StandardCharsets.UTF_8);
            String value = eq < 0 ? "" : URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8);
            fields.putIfAbsent(name, value);
        }
        return fields;
    }
}
