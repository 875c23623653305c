package io.mingjing.platform.event;

import io.mingjing.platform.identity.Caller;
import io.mingjing.platform.identity.CurrentCaller;
import io.mingjing.platform.problem.ProblemException;
import io.mingjing.platform.tenancy.CurrentTenant;
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
import java.util.List;
import java.util.Map;

/**
 * The county's outbox for its admin: what was recorded, which module got it, what is stuck or dead, and
 * replaying a dead delivery once its module is fixed. The operator has the same at
 * {@link PlatformEventResource}.
 */
@Path("/api/t/{tenant}/events")
@RolesAllowed("tenant-admin")
@Produces(MediaType.APPLICATION_JSON)
public class EventResource {

    @Inject
    CurrentTenant tenant;
    @Inject
    CurrentCaller callers;
    @Inject
    EventAdmin admin;

    /** Newest first; {@code ?state=pending|delivered|dead}, {@code ?module=}, {@code ?before=<seq>} for the next page. */
    @GET
    public List<EventView> list(@QueryParam("state") String state, @QueryParam("module") String module,
            @QueryParam("before") Long before, @QueryParam("limit") @DefaultValue("50") int limit) {
        checkCounty();
        checkLimit(limit);
        return admin.recent(state, module, before, limit);
    }

    /** Dead deliveries of the event (to every module, or {@code ?module=}) are tried again; 409 when none is dead. */
    @POST
    @Path("/{id}/replay")
    public EventView replay(@PathParam("id") String id, @QueryParam("module") String module) {
        Caller caller = checkCounty();
        return admin.replay(id, module, caller.actor());
    }

    static void checkLimit(int limit) {
        if (limit < 1 || limit > EventAdmin.MAX_LIMIT) {
            throw ProblemException.invalid(400, "The limit is out of range.", Map.of("limit",
                    "must be between 1 and " + EventAdmin.MAX_LIMIT));
        }
    }

    /** A tenant admin of another county's realm has no say here. */
    private Caller checkCounty() {
        Caller caller = callers.get();
        if (!tenant.require().equals(caller.county())) {
            throw new ProblemException(403, "Forbidden", "Your account belongs to another county.");
        }
        return caller;
    }
}
