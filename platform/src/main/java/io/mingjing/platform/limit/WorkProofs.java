package io.mingjing.platform.limit;

import io.mingjing.platform.identity.PortalSecrets;
import io.mingjing.platform.problem.ProblemException;
import io.mingjing.platform.secure.Digests;
import io.mingjing.platform.tenancy.CurrentTenant;
import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.Map;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * The cost of an anonymous report, without any foreign service (no CAPTCHA reaches China): the
 * filer asks for a signed challenge and either finds a nonce whose SHA-256 over
 * {@code challenge + ":" + nonce} starts with {@code bits} zero bits (a second or two of script on a
 * cheap phone), or — without JavaScript — simply waits {@code wait} seconds before sending the form.
 * Each challenge is spent once, so a bot pays again for every report.
 */
@ApplicationScoped
public class WorkProofs {

    /** A challenge as the filer receives it. */
    public record Challenge(String challenge, int bits, int waitSeconds, long expiresInSeconds) {
    }

    private static final Duration LIFETIME = Duration.ofMinutes(30);
    private static final SecureRandom RANDOM = new SecureRandom();

    @Inject
    PortalSecrets secrets;
    @Inject
    CurrentTenant tenant;
    @Inject
    EntityManager em;
    @ConfigProperty(name = "mingjing.work-proof.bits", defaultValue = "16")
    int bits;
    @ConfigProperty(name = "mingjing.work-proof.wait", defaultValue = "20")
    int waitSeconds;

    Clock clock = Clock.systemUTC();

    public Challenge issue() {
        byte[] nonce = new byte[12];
        RANDOM.nextBytes(nonce);
        String body = Base64.getUrlEncoder().withoutPadding().encodeToString(nonce) + "." + clock.instant().getEpochSecond();
        return new Challenge(body + "." + sign(body), bits, waitSeconds, LIFETIME.toSeconds());
    }

    /**
     * Accepts a proof once: a challenge of this county, not expired, with a nonce of enough work or,
     * without a nonce, sent after the waiting time. @throws ProblemException 400 with field {@code proof}
     */
    public void spend(String challenge, String nonce) {
        Instant issued = issuedAt(challenge);
        Instant now = clock.instant();
        if (issued == null || now.isAfter(issued.plus(LIFETIME))) {
            throw refused("Ask for a new challenge (GET …/appeals/challenge): this one is unknown or expired.");
        }
        boolean worked = nonce != null && !nonce.isEmpty() && nonce.length() <= 64 && leadingZeroBits(challenge, nonce) >= bits;
        if (!worked && now.isBefore(issued.plusSeconds(waitSeconds))) {
            throw refused("Solve the challenge, or send the form after " + waitSeconds + " s.");
        }
        if (!QuarkusTransaction.requiringNew().call(() -> firstUse(challenge, now))) {
            throw refused("This challenge was used already; ask for a new one.");
        }
    }

    /** Records the challenge as spent; spent challenges are kept only while they could still be valid. */
    private boolean firstUse(String challenge, Instant now) {
        em.createNativeQuery("DELETE FROM work_proof WHERE spent_at < ?1").setParameter(1, now.minus(LIFETIME))
                .executeUpdate();
        return em.createNativeQuery("INSERT INTO work_proof (challenge, spent_at) VALUES (?1, ?2) ON CONFLICT DO NOTHING")
                .setParameter(1, challenge).setParameter(2, now).executeUpdate() == 1;
    }

    /** When the challenge was issued, or null when it is not one of this county's. */
    Instant issuedAt(String challenge) {
        if (challenge == null || challenge.length() > 120) {
            return null;
        }
        int sig = challenge.lastIndexOf('.');
        int time = sig < 0 ? -1 : challenge.lastIndexOf('.', sig - 1);
        if (time < 0 || !MessageDigest.isEqual(sign(challenge.substring(0, sig)).getBytes(StandardCharsets.UTF_8),
                challenge.substring(sig + 1).getBytes(StandardCharsets.UTF_8))) {
            return null;
        }
        try {
            return Instant.ofEpochSecond(Long.parseLong(challenge.substring(time + 1, sig)));
        } catch (NumberFormatException e) {
            return null;
        }
    }

    private String sign(String body) {
        return secrets.derive("work-proof:" + tenant.require() + ":" + body).substring(0, 32);
    }

    static int leadingZeroBits(String challenge, String nonce) {
        byte[] hash = Digests.sha256(challenge + ":" + nonce);
        int zeros = 0;
        for (byte b : hash) {
            if (b == 0) {
                zeros += 8;
                continue;
            }
            return zeros + Integer.numberOfLeadingZeros(b & 0xff) - 24;
        }
        return zeros;
    }

    private static ProblemException refused(String detail) {
        return ProblemException.invalid(400, detail, Map.of("proof", detail));
    }
}
