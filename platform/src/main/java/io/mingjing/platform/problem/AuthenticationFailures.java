package io.mingjing.platform.problem;

import io.quarkus.security.AuthenticationFailedException;
import io.vertx.core.json.Json;
import io.vertx.ext.web.Router;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

/**
 * A presented token is checked before any resource runs (proactive authentication), so a bad,
 * expired or foreign token is refused even on public paths. This answers those refusals as RFC 9457
 * problems; the portal's code flow handles its own.
 */
@ApplicationScoped
public class AuthenticationFailures {

    void install(@Observes Router router) {
        router.route().order(-1).failureHandler(context -> {
            if (context.failure() instanceof AuthenticationFailedException && !context.response().headWritten()) {
                context.response().setStatusCode(401).putHeader("Content-Type", Problem.MEDIA_TYPE)
                        .putHeader("WWW-Authenticate", "Bearer")
                        .end(Json.encode(Problem.of(401, "Unauthorized", "The bearer token is not valid here: "
                                + "it is expired, forged, or from another county's realm.")));
            } else {
                context.next();
            }
        });
    }
}
