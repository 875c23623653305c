package io.mingjing.platform.health;

import jakarta.enterprise.context.ApplicationScoped;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import org.jboss.logging.Logger;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Readiness;

/** Ready only when the operator realm answers: without Keycloak no one can log in. */
@Readiness
@ApplicationScoped
public class KeycloakReadiness implements HealthCheck {

    private static final Logger LOG = Logger.getLogger(KeycloakReadiness.class);

    @ConfigProperty(name = "mingjing.keycloak.url")
    String keycloak;

    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

    @Override
    public HealthCheckResponse call() {
        // no URL, status or error text: health answers whoever can reach the port
        var check = HealthCheckResponse.named("keycloak");
        try {
            int status = http.send(HttpRequest.newBuilder(URI.create(keycloak + "/realms/mingjing-platform"))
                    .timeout(Duration.ofSeconds(2)).build(), HttpResponse.BodyHandlers.discarding()).statusCode();
            return check.status(status == 200).build();
        } catch (Exception e) {
            LOG.warnf("keycloak readiness: %s", e.getMessage());
            return check.down().build();
        }
    }
}
