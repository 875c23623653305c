package io.mingjing.platform.tenancy;

import io.mingjing.platform.problem.Problem;
import io.mingjing.platform.registry.TenantRegistry;
import io.mingjing.platform.registry.TenantStatus;
import jakarta.inject.Inject;
import io.vertx.core.http.HttpServerRequest;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.resteasy.reactive.server.ServerRequestFilter;

/**
 * Chooses the county from the path ({@code /api/t/{tenant}/…}, {@code /t/{tenant}/…}) before any
 * resource runs. A malformed or unknown id is a 404 that never reaches SQL; a county that cannot
 * serve right now answers 503.
 */
public class TenantPathFilter {

    @Inject
    TenantRegistry registry;
    @Inject
    CurrentTenant current;
    @ConfigProperty(name = "mingjing.migration.retry-after", defaultValue = "5")
    int retryAfter;

    @ServerRequestFilter(preMatching = true, priority = 100)
    public Response choose(HttpServerRequest request) {
        CountyPath path = CountyPath.of(request.path());
        if (path.invalid()) {
            return CountyPathGate.notFound().toResponse();
        }
        String id = path.county();
        if (id == null) {
            return null;
        }
        var entry = registry.find(id);
        if (entry.isEmpty() || entry.get().status() == TenantStatus.FAILED) {
            return notFound(id);
        }
        if (entry.get().migrating() || entry.get().status() == TenantStatus.PROVISIONING) {
            return unavailable("County '" + id + "' is being prepared; try again in a few seconds.", true);
        }
        if (entry.get().status() == TenantStatus.SUSPENDED) {
            return unavailable("County '" + id + "' is suspended by the provincial operator.", false);
        }
        current.set(id);
        return null;
    }

    private static Response notFound(String id) {
        String shown = id.length() > 40 ? id.substring(0, 40) + "…" : id;
        return Problem.of(404, "Not Found", "No county '" + shown + "'.").toResponse();
    }

    private Response unavailable(String detail, boolean soon) {
        Response.ResponseBuilder r = Response.fromResponse(Problem.of(503, "Service Unavailable", detail).toResponse());
        return (soon ? r.header("Retry-After", retryAfter) : r).build();
    }
}
