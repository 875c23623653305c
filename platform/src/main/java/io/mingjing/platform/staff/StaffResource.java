package io.mingjing.platform.staff;

import org.eclipse.microprofile.openapi.annotations.responses.APIResponseSchema;
import io.mingjing.platform.identity.CurrentCaller;
import io.mingjing.platform.identity.Role;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.List;

/** The tenant admin's staff accounts: village cadres to county inspectors. */
@Path("/api/t/{tenant}/admin/staff")
@RolesAllowed(Role.TENANT_ADMIN)
@Produces(MediaType.APPLICATION_JSON)
public class StaffResource {

    @Inject
    StaffService staff;
    @Inject
    CurrentCaller caller;

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @APIResponseSchema(value = StaffService.StaffView.class, responseCode = "201", responseDescription = "Created")
    public Response create(@NotNull(message = "a JSON body is required") @Valid StaffService.NewStaff request) {
        return Response.status(201).entity(staff.create(request, caller.get().actor())).build();
    }

    @GET
    public List<StaffService.StaffView> list() {
        return staff.list();
    }

    /** A new temporary password, answered once; the person changes it at their next login. */
    @POST
    @Path("/{username}/reset-password")
    public StaffService.StaffView resetPassword(@PathParam("username") String username) {
        return staff.resetPassword(username, caller.get().actor());
    }

    @POST
    @Path("/{username}/disable")
    public StaffService.StaffView disable(@PathParam("username") String username) {
        return staff.disable(username, caller.get().actor());
    }
}
