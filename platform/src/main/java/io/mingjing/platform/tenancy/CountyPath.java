package io.mingjing.platform.tenancy;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import java.util.regex.Pattern;

/**
 * The one reading of a request path as a county path ({@code /api/t/{id}/…} or {@code /t/{id}/…}),
 * shared by the realm choice, the county filter and the gate in front of both. It reads the raw
 * path as sent: when the raw path and the path the router will match ({@code ;}-parameters
 * stripped, escapes decoded, dot segments resolved) could name different counties, or any county
 * at all in a form that is not canonical, the path is {@link #INVALID} and is refused before any
 * realm is chosen, so no such path ever falls back to another realm.
 *
 * @param county the county id, or null when the path is no county path or is invalid
 * @param api true for {@code /api/t/…}, false for the portal's {@code /t/…}
 * @param invalid true when the path looks like a county path but is not a canonical one
 */
public record CountyPath(String county, boolean api, boolean invalid) {

    public static final CountyPath NONE = new CountyPath(null, false, false);
    public static final CountyPath INVALID = new CountyPath(null, false, true);

    /**
     * What lets one raw path be routed as another: parameters, backslashes, empty or dot segments,
     * and escaped dots, separators, percent signs or NUL.
     */
    private static final Pattern AMBIGUOUS = Pattern.compile("[;\\\\]|//|/\\.\\.?(/|$)|%(2e|2f|5c|3b|25|00)",
            Pattern.CASE_INSENSITIVE);

    public boolean isCounty() {
        return county != null;
    }

    public static CountyPath of(String rawPath) {
        if (rawPath == null || rawPath.isEmpty()) {
            return NONE;
        }
        CountyPath strict = strict(rawPath);
        if (strict == NONE && routed(rawPath) == NONE) {
            return NONE;
        }
        if (!strict.isCounty() || AMBIGUOUS.matcher(rawPath).find()) {
            return INVALID;
        }
        return strict;
    }

    /** The raw path taken literally. */
    private static CountyPath strict(String raw) {
        String[] parts = raw.split("/", -1);
        if (parts.length >= 4 && parts[0].isEmpty() && parts[1].equals("api") && parts[2].equals("t")) {
            return county(parts[3], true);
        }
        if (parts.length >= 3 && parts[0].isEmpty() && parts[1].equals("t")) {
            return county(parts[2], false);
        }
        return NONE;
    }

    private static CountyPath county(String segment, boolean api) {
        return TenantIds.isValid(segment) ? new CountyPath(segment, api, false) : INVALID;
    }

    /** The path as a router would see it: decoded, parameters dropped, dot segments resolved. */
    private static CountyPath routed(String raw) {
        List<String> segments = normalise(raw);
        if (segments.size() >= 3 && segments.get(0).equals("api") && segments.get(1).equals("t")) {
            return county(segments.get(2), true);
        }
        if (segments.size() >= 2 && segments.get(0).equals("t")) {
            return county(segments.get(1), false);
        }
        return NONE;
    }

    private static List<String> normalise(String raw) {
        Deque<String> out = new ArrayDeque<>();
        for (String part : raw.replace('\\', '/').split("/")) {
            String s = decode(part.split(";", 2)[0]);
            if (s.isEmpty() || s.equals(".")) {
                continue;
            }
            if (s.equals("..")) {
                out.pollLast();
            } else {
                out.addLast(s);
            }
        }
        return List.copyOf(out);
    }

    private static String decode(String s) {
        try {
            return URLDecoder.decode(s.replace("+", "%2B"), StandardCharsets.UTF_8);
        } catch (IllegalArgumentException e) {
            return s;
        }
    }

    @Override
    public String toString() {
        return invalid ? "INVALID" : county == null ? "NONE" : (api ? "/api/t/" : "/t/") + county;
    }
}
