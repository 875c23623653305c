package io.mingjing.platform.plugin;

import io.mingjing.platform.problem.ProblemException;
import io.mingjing.platform.tenancy.TenantIds;
import io.quarkus.security.identity.SecurityIdentity;
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

/**
 * The operator's hand on a county's modules: which it may use ({@code allowed}, all by default), and,
 * like its admin, enable and configure them.
 */
@Path("/api/platform/tenants/{id}/modules")
@RolesAllowed("operator")
@Produces(MediaType.APPLICATION_JSON)
public class ModuleEntitlementResource {

    @Inject
    ModuleEnabling enabling;
    @Inject
    SecurityIdentity identity;

    @GET
    public List<ModuleView> list(@PathParam("id") String id) {
        return enabling.list(validId(id));
    }

    @PUT
    @Path("/{module}")
    @Consumes(MediaType.APPLICATION_JSON)
    public ModuleView put(@PathParam("id") String id, @PathParam("module") String module,
            @NotNull(message = "a JSON body is required") ModuleEnabling.Change change) {
        return enabling.configure(validId(id), module, change, "operator:" + identity.getPrincipal().getName(), true);
    }

    private static String validId(String id) {
        if (!TenantIds.isValid(id)) {
            throw ProblemException.notFound("No county '" + ModuleDispatch.shorten(id) + "'.");
        }
        return id;
    }
}
