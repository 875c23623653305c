package io.mingjing.platform.limit;

import io.mingjing.platform.identity.PortalSecrets;
import io.mingjing.platform.problem.Problem;
import io.mingjing.platform.problem.ProblemException;
import io.mingjing.platform.registry.Limit;
import io.mingjing.platform.registry.TenantRegistry;
import io.mingjing.platform.tenancy.CurrentTenant;
import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.time.Clock;
import java.time.Duration;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Counts, per county, what one caller or one address did in the current minute, in the county's
 * own table, so every replica sees the same count. Subjects are stored as keyed hashes: no address
 * of an anonymous reporter is ever written down.
 */
@ApplicationScoped
public class RateLimits {

    private static final long WINDOW = 60;

    @Inject
    EntityManager em;
    @Inject
    CurrentTenant tenant;
    @Inject
    TenantRegistry registry;
    @Inject
    PortalSecrets secrets;

    /** Multiplies the defaults of counties that set no limit of their own (tests file hundreds of cases). */
    @ConfigProperty(name = "mingjing.limits.default-scale", defaultValue = "1")
    int scale;

    Clock clock = Clock.systemUTC();

    /** Counts one more and refuses with 429 and {@code Retry-After} once the county's limit is passed. */
    public void spend(Limit limit, String subject) {
        long now = clock.instant().getEpochSecond();
        long window = now / WINDOW * WINDOW;
        int max = limit.of(registry.describe(tenant.require()).limits(), scale);
        String bucket = limit.key + ":" + secrets.derive("rate:" + subject).substring(0, 32);
        int hits = QuarkusTransaction.requiringNew().call(() -> count(bucket, window));
        if (hits > max) {
            String wait = Long.toString(Math.max(1, window + WINDOW - now));
            throw new ProblemException(new Problem("about:blank", "Too Many Requests", 429,
                    "Too many requests of this kind; try again in " + wait + " s.", null), wait);
        }
    }

    private int count(String bucket, long window) {
        int hits = ((Number) em.createNativeQuery("""
                INSERT INTO rate_window (bucket, window_start, hits) VALUES (?1, ?2, 1)
                ON CONFLICT (bucket, window_start) DO UPDATE SET hits = rate_window.hits + 1 RETURNING hits""")
                .setParameter(1, bucket).setParameter(2, window).getSingleResult()).intValue();
        if (hits == 1) {
            em.createNativeQuery("DELETE FROM rate_window WHERE window_start < ?1")
                    .setParameter(1, window - Duration.ofHours(1).toSeconds()).executeUpdate();
        }
        return hits;
    }
}
