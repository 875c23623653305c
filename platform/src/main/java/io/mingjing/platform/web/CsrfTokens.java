package io.mingjing.platform.web;

import io.mingjing.platform.identity.CurrentCaller;
import io.mingjing.platform.identity.PortalSecrets;
import io.vertx.core.http.Cookie;
import io.vertx.core.http.CookieSameSite;
import io.vertx.core.http.HttpServerRequest;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.Base64;

/**
 * Signed double-submit form tokens. A browser gets a random cookie per county; its forms carry an HMAC
 * of that cookie, the county and the logged-in person. Another site can neither read the cookie nor
 * compute the HMAC, and a token taken from someone else's page does not match this browser or login.
 */
@RequestScoped
public class CsrfTokens {

    public static final String COOKIE = "mj_csrf";
    public static final String FIELD = "_csrf";
    /** The scope of the operator console's forms: no county id can be it (ids have no colon). */
    public static final String CONSOLE = ":console";
    private static final SecureRandom RANDOM = new SecureRandom();

    @Inject
    HttpServerRequest request;
    @Inject
    PortalSecrets secrets;
    @Inject
    CurrentCaller caller;

    private String browser;

    /**
     * This browser's token for a form of {@code county} (or {@link #CONSOLE}); sets the cookie on the
     * response if it had none.
     */
    public String token(String county) {
        if (browser == null) {
            browser = cookie();
        }
        if (browser == null) {
            browser = random();
            request.response().addCookie(Cookie.cookie(COOKIE, browser).setPath(CONSOLE.equals(county) ? "/console" : "/t/" + county).setHttpOnly(true)
                    .setSameSite(CookieSameSite.LAX).setSecure(BrowserHeaders.overTls(request)));
        }
        return sign(county, browser);
    }

    /** Whether {@code presented} is this browser's token for {@code county} and the current login. */
    public boolean valid(String county, String presented) {
        String own = cookie();
        return own != null && presented != null && MessageDigest.isEqual(
                sign(county, own).getBytes(StandardCharsets.US_ASCII), presented.getBytes(StandardCharsets.US_ASCII));
    }

    private String sign(String county, String browserValue) {
        String person = caller.get().userId();
        return secrets.derive("csrf:" + county + ":" + browserValue + ":" + (person == null ? "" : person));
    }

    private String cookie() {
        Cookie c = request.getCookie(COOKIE);
        return c == null || c.getValue().isBlank() ? null : c.getValue();
    }

    private static String random() {
        byte[] b = new byte[32];
        RANDOM.nextBytes(b);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(b);
    }
}
