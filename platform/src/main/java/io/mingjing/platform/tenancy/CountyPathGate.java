package io.mingjing.platform.tenancy;

import io.mingjing.platform.problem.Problem;
import io.quarkus.vertx.http.runtime.filters.Filters;
import io.vertx.core.json.Json;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

/**
 * Refuses a non-canonical county path ({@code /api/t/yiwu;x=1/…}, {@code /t/%79iwu/…},
 * {@code /t/a/../b/…}) with a 404 before authentication, so no realm — least of all the operator's —
 * is ever chosen for it. Runs ahead of CORS and the authentication filter (priorities 300 and 200).
 */
@ApplicationScoped
public class CountyPathGate {

    static final int PRIORITY = 1000;

    void register(@Observes Filters filters) {
        filters.register(context -> {
            if (CountyPath.of(context.request().path()).invalid()) {
                context.response().setStatusCode(404).putHeader("Content-Type", Problem.MEDIA_TYPE)
                        .end(Json.encode(notFound()));
            } else {
                context.next();
            }
        }, PRIORITY);
    }

    static Problem notFound() {
        return Problem.of(404, "Not Found", "No county at this path.");
    }
}
