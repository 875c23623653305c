package io.mingjing.platform.tenancy;

import io.mingjing.platform.problem.Problem;
import io.mingjing.platform.registry.TenantRegistry;
import io.mingjing.platform.registry.TenantStatus;
import jakarta.inject.Inject;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.core.Response;
import java.util.List;
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
    public Response choose(ContainerRequestContext request) {
        List<String> segments = request.getUriInfo().getPathSegments().stream().map(s -> s.getPath()).toList();
        String id = tenantSegment(segments);
        if (id == null) {
            return null;
        }
        if (!TenantIds.isValid(id)) {
            return notFound(id);
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

    /** The county segment of a county path, or null when the path is not a county path. */
    public static String tenantSegment(List<String> segments) {
        if (segments.size() >= 3 && segments.get(0).equals("api") && segments.get(1).equals("t")) {
            return segments.get(2);
        }
        if (segments.size() >= 2 && segments.get(0).equals("t")) {
            return segments.get(1);
        }
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
