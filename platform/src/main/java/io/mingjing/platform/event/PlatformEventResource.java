package io.mingjing.platform.event;

import io.mingjing.platform.audit.ProvinceLog;
import io.mingjing.platform.identity.CurrentCaller;
import io.mingjing.platform.problem.ProblemException;
import io.mingjing.platform.registry.TenantRegistry;
import io.mingjing.platform.registry.TenantStatus;
import io.mingjing.platform.tenancy.TenantIds;
import io.mingjing.platform.tenancy.TenantScope;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Optional;

/**
 * One county's outbox for the provincial operator, whose token belongs to the operator realm and so
 * is not accepted on the county's own paths: the same view and replay as the county admin's.
 */
@Path("/api/platform/tenants/{id}/events")
@RolesAllowed("operator")
@Produces(MediaType.APPLICATION_JSON)
public class PlatformEventResource {

    @Inject
    ProvinceLog province;
    @Inject
    TenantRegistry registry;
    @Inject
    TenantScope scope;
    @Inject
    CurrentCaller callers;
    @Inject
    EventAdmin admin;

    @GET
    public List<EventView> list(@PathParam("id") String county, @QueryParam("state") String state,
            @QueryParam("module") String module, @QueryParam("before") Long before,
            @QueryParam("limit") @DefaultValue("50") int limit) {
        requireServing(county);
        EventResource.checkLimit(limit);
        return scope.call(county, () -> admin.recent(state, module, before, limit));
    }

    @POST
    @Path("/{event}/replay")
    public EventView replay(@PathParam("id") String county, @PathParam("event") String event,
            @QueryParam("module") String module) {
        requireServing(county);
        String actor = callers.get().actor();
        EventView replayed = scope.call(county, () -> admin.replay(event, module, actor));
        province.append(actor, "event.replayed", "DomainEvent", county + "/" + replayed.id(),
                replayed.id().getBytes(StandardCharsets.UTF_8));
        return replayed;
    }

    private void requireServing(String county) {
        var entry = TenantIds.isValid(county) ? registry.find(county) : Optional.<TenantRegistry.Entry>empty();
        if (entry.isEmpty() || entry.get().status() == TenantStatus.FAILED
                || entry.get().status() == TenantStatus.PROVISIONING) {
            throw ProblemException.notFound("No county '" + county + "'.");
        }
        if (entry.get().migrating()) {
            throw ProblemException.unavailable("County '" + county + "' is being migrated; try again shortly.", 10);
        }
    }
}
