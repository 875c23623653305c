package io.mingjing.platform.onboarding;

import io.mingjing.platform.registry.Tenant;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponseSchema;
import io.mingjing.platform.problem.ProblemException;
import io.mingjing.platform.tenancy.TenantIds;
import io.quarkus.security.identity.SecurityIdentity;
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
import jakarta.ws.rs.core.UriInfo;
import java.util.List;

/** The provincial operator's API: onboard, list, suspend and resume counties. */
@Path("/api/platform/tenants")
@RolesAllowed("operator")
@Produces(MediaType.APPLICATION_JSON)
public class TenantResource {

    @Inject
    Onboarding onboarding;
    @Inject
    SecurityIdentity identity;

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @APIResponseSchema(value = TenantView.class, responseCode = "201", responseDescription = "Created")
    public Response onboard(@NotNull(message = "a JSON body is required") @Valid OnboardingRequest request,
            UriInfo uri) {
        var done = onboarding.onboard(request, actor(), false);
        return Response.created(uri.getAbsolutePathBuilder().path(done.tenant().id).build())
                .entity(view(done.tenant()).withAdminPassword(done.adminPassword())).build();
    }

    @GET
    public List<TenantView> list() {
        return onboarding.counties();
    }

    @GET
    @Path("/{id}")
    public TenantView get(@PathParam("id") String id) {
        return onboarding.county(validId(id));
    }

    @POST
    @Path("/{id}/retry")
    public TenantView retry(@PathParam("id") String id) {
        var done = onboarding.retry(validId(id), actor());
        return view(done.tenant()).withAdminPassword(done.adminPassword());
    }

    @POST
    @Path("/{id}/suspend")
    public TenantView suspend(@PathParam("id") String id) {
        return onboarding.suspend(validId(id), actor());
    }

    @POST
    @Path("/{id}/resume")
    public TenantView resume(@PathParam("id") String id) {
        return onboarding.resume(validId(id), actor());
    }

    private static String validId(String id) {
        if (!TenantIds.isValid(id)) {
            throw ProblemException.notFound("No county '" + id + "'.");
        }
        return id;
    }

    private TenantView view(Tenant t) {
        return onboarding.county(t.id);
    }

    private String actor() {
        return "operator:" + identity.getPrincipal().getName();
    }
}
