package io.mingjing.platform.testing;

import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * Follows redirects and keeps every cookie per host, whatever its attributes: enough of a browser
 * for the code flow, without the JDK cookie store's rules for Secure and SameSite cookies.
 */
public final class Browser {
    private static final Pattern FORM_ACTION = Pattern.compile("<form[^>]*action=\"([^\"]+)\"");
    private static final Pattern TOKEN = Pattern.compile("name=\"_csrf\" value=\"([^\"]+)\"");

    private final HttpClient http = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).build();
    private final Map<String, Map<String, String>> cookies = new HashMap<>();

    public HttpResponse<String> go(HttpRequest.Builder request) throws Exception {
        for (int hops = 0; hops < 10; hops++) {
            HttpRequest built = withCookies(request).build();
            HttpResponse<String> response = http.send(built, HttpResponse.BodyHandlers.ofString());
            Map<String, String> jar = cookies.computeIfAbsent(built.uri().getAuthority(), k -> new HashMap<>());
            for (String header : response.headers().allValues("Set-Cookie")) {
                String pair = header.split(";", 2)[0];
                jar.put(pair.substring(0, pair.indexOf('=')), pair.substring(pair.indexOf('=') + 1));
            }
            var location = response.headers().firstValue("Location");
            if (response.statusCode() / 100 != 3 || location.isEmpty()) {
                return response;
            }
            request = HttpRequest.newBuilder(built.uri().resolve(location.get()));
        }
        throw new IllegalStateException("too many redirects");
    }

    /** Logs in through the county's Keycloak login page, as a person would; answers the page landed on. */
    public HttpResponse<String> logIn(String base, String county, String username, String password)
            throws Exception {
        return logInAt(base + "/t/" + county + "/login", username, password);
    }

    /** Opens a page that asks for a login (a county's login, the operator console), logs in, lands back. */
    public HttpResponse<String> logInAt(String url, String username, String password) throws Exception {
        HttpResponse<String> login = go(HttpRequest.newBuilder(URI.create(url)));
        Matcher action = FORM_ACTION.matcher(login.body());
        if (!action.find()) {
            throw new IllegalStateException("no login form: " + login.body());
        }
        String form = "username=" + URLEncoder.encode(username, StandardCharsets.UTF_8) + "&password="
                + URLEncoder.encode(password, StandardCharsets.UTF_8);
        return go(HttpRequest.newBuilder(URI.create(action.group(1).replace("&amp;", "&")))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(form)));
    }

    /** The form token of a page, as the page's forms carry it. */
    public static String token(String html) {
        Matcher m = TOKEN.matcher(html);
        if (!m.find()) {
            throw new IllegalStateException("no form token in the page");
        }
        return m.group(1);
    }

    private HttpRequest.Builder withCookies(HttpRequest.Builder request) {
        HttpRequest probe = request.copy().build();
        Map<String, String> jar = cookies.getOrDefault(probe.uri().getAuthority(), Map.of());
        if (!jar.isEmpty()) {
            request.setHeader("Cookie", jar.entrySet().stream().filter(e -> !e.getValue().isEmpty())
                    .map(e -> e.getKey() + "=" + e.getValue()).collect(Collectors.joining("; ")));
        }
        return request;
    }
}
