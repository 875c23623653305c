package io.mingjing.platform.onboarding;

import io.mingjing.platform.registry.TenantRegistry;
import io.mingjing.platform.registry.TenantStatus;
import io.mingjing.platform.registry.Tenant;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponseSchema;
import io.mingjing.platform.audit.AuditLog;
import io.mingjing.platform.identity.CountyOidcResolver;
import io.mingjing.platform.identity.CountyRealms;
import io.mingjing.platform.problem.ProblemException;
import io.mingjing.platform.tenancy.TenantIds;
import io.mingjing.platform.tenancy.TenantScope;
import io.quarkus.narayana.jta.QuarkusTransaction;
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
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;

/** The provincial operator's API: onboard, list, suspend and resume counties. */
@Path("/api/platform/tenants")
@RolesAllowed("operator")
@Produces(MediaType.APPLICATION_JSON)
public class TenantResource {

    @Inject
    Onboarding onboarding;
    @Inject
    TenantRegistry registry;
    @Inject
    TenantScope scope;
    @Inject
    AuditLog audit;
    @Inject
    SecurityIdentity identity;
    @Inject
    CountyRealms realms;
    @Inject
    CountyOidcResolver oidc;

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
        return QuarkusTransaction.requiringNew().call(() -> {
            var modules = Tenants.enabledModules();
            return Tenant.<Tenant>listAll(io.quarkus.panache.common.Sort.by("id")).stream()
                    .map(t -> TenantView.of(t, modules.getOrDefault(t.id, List.of()))).toList();
        });
    }

    @GET
    @Path("/{id}")
    public TenantView get(@PathParam("id") String id) {
        return QuarkusTransaction.requiringNew().call(() -> view(Tenants.require(validId(id))));
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
        return change(validId(id), TenantStatus.ACTIVE, TenantStatus.SUSPENDED, "tenant.suspended");
    }

    @POST
    @Path("/{id}/resume")
    public TenantView resume(@PathParam("id") String id) {
        return change(validId(id), TenantStatus.SUSPENDED, TenantStatus.ACTIVE, "tenant.resumed");
    }

    private TenantView change(String id, TenantStatus from, TenantStatus to, String action) {
        Tenant t = QuarkusTransaction.requiringNew().call(() -> {
            Tenant row = Tenants.require(id);
            if (row.status == to) {
                return row;
            }
            if (row.status != from) {
                throw new ProblemException(422, "Invalid state",
                        "County '" + id + "' is " + row.status + "; it can only be changed to " + to + " from " + from + ".");
            }
            row.status = to;
            row.updatedAt = Instant.now();
            return row;
        });
        registry.put(t);
        realms.enable(id, to == TenantStatus.ACTIVE);
        oidc.forget(id);
        scope.run(id, () -> audit.append(actor(), action, "Tenant", id, to.name().getBytes(StandardCharsets.UTF_8)));
        return view(t);
    }

    private static String validId(String id) {
        if (!TenantIds.isValid(id)) {
            throw ProblemException.notFound("No county '" + id + "'.");
        }
        return id;
    }

    private TenantView view(Tenant t) {
        List<String> modules = QuarkusTransaction.requiringNew().call(() -> Tenants.enabledModules()
                .getOrDefault(t.id, List.of()));
        return TenantView.of(t, modules);
    }

    private String actor() {
        return "operator:" + identity.getPrincipal().getName();
    }
}
