package io.mingjing.platform.plugin;

import io.mingjing.platform.identity.Caller;
import io.mingjing.platform.problem.ProblemException;
import io.mingjing.platform.tenancy.CurrentTenant;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.util.List;

/** A county admin's view of the modules: list them, enable or disable one, change its settings. */
@Path("/api/t/{tenant}/admin/modules")
@RolesAllowed({ "tenant-admin", "operator" })
@Produces(MediaType.APPLICATION_JSON)
public class ModuleAdminResource {

    @Inject
    CurrentTenant tenant;
    @Inject
    ModuleEnabling enabling;
    @Inject
    PluginCallers callers;

    @GET
    public List<ModuleView> list() {
        checkCounty();
        return enabling.list(tenant.require());
    }

    @PUT
    @Path("/{module}")
    @Consumes(MediaType.APPLICATION_JSON)
    public ModuleView put(@PathParam("module") String module,
            @NotNull(message = "a JSON body is required") ModuleEnabling.Change change) {
        Caller caller = checkCounty();
        return enabling.configure(tenant.require(), module, change, caller.actor(), caller.hasRole("operator"));
    }

    /** A tenant admin of another county's realm has no say here. */
    private Caller checkCounty() {
        Caller caller = callers.caller();
        if (!caller.hasRole("operator") && !tenant.require().equals(caller.county())) {
            throw new ProblemException(403, "Forbidden", "Your account belongs to another county.");
        }
        return caller;
    }
}
