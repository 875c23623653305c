package io.mingjing.platform.problem;

import io.quarkus.security.AuthenticationFailedException;
import io.vertx.core.json.Json;
import io.vertx.ext.web.Router;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import io.quarkus.runtime.configuration.MemorySize;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Refusals made before any resource runs, answered as RFC 9457 problems too: bodies over the limit
 * (refused on their declared length, before they are read), and bad, expired or foreign tokens —
 * checked up front (proactive authentication), so they are refused even on public paths. The
 * portal's code flow handles its own.
 */
@ApplicationScoped
public class HttpProblems {

    @ConfigProperty(name = "quarkus.http.limits.max-body-size")
    MemorySize maxBody;

    void install(@Observes Router router) {
        router.route().order(-2).handler(context -> {
            String length = context.request().getHeader("Content-Length");
            if (length != null && length.chars().allMatch(Character::isDigit) && length.length() < 19
                    && Long.parseLong(length) > maxBody.asLongValue()) {
                context.response().setStatusCode(413).putHeader("Content-Type", Problem.MEDIA_TYPE)
                        .putHeader("Connection", "close")
                        .end(Json.encode(Problem.of(413, "Content Too Large", "The request body is larger than "
                                + maxBody.asLongValue() / (1024 * 1024) + " MB; nothing was stored.")));
            } else {
                context.next();
            }
        });
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
