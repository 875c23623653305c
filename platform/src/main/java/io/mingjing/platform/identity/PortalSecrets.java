package io.mingjing.platform.identity;

import jakarta.enterprise.context.ApplicationScoped;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.util.HexFormat;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Derives each county's portal client secret from one platform secret, so every replica knows it
 * without storing a secret per county.
 */
@ApplicationScoped
public class PortalSecrets {

    @ConfigProperty(name = "mingjing.secret")
    String secret;

    public String portalSecret(String tenantId) {
        return hmac("portal-client:" + tenantId);
    }

    public String consoleSecret() {
        return hmac("console-client");
    }

    /** A value only this platform can compute from {@code text}; the text names its purpose first. */
    public String derive(String text) {
        return hmac(text);
    }

    String hmac(String text) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
            return HexFormat.of().formatHex(mac.doFinal(text.getBytes(StandardCharsets.UTF_8)));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }
}
