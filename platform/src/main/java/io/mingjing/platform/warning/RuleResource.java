package io.mingjing.platform.warning;

import io.mingjing.platform.feature.OfFeature;
import io.mingjing.platform.identity.Role;
import io.quarkus.security.Authenticated;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import java.time.Instant;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.jboss.resteasy.reactive.ResponseStatus;

/** The county's rule catalogue over HTTP; ids are {@code module/rule}, e.g. {@code builtin/labour-declared-too-soon}. */
@OfFeature(WarningFeature.ID)
@Path("/api/t/{tenant}/warning-rules")
@Produces(MediaType.APPLICATION_JSON)
@Authenticated
public class RuleResource {

    @Inject
    RuleCatalogue catalogue;
    @Inject
    CountyRules county;

    @GET
    @RolesAllowed({ Role.TENANT_ADMIN, Role.INSPECTOR, Role.TOWN_OFFICIAL })
    @Operation(summary = "Every rule: thresholds with bounds, CEL, shadow mode, counts and false-alarm rate")
    public List<RuleCatalogue.RuleView> list() {
        return catalogue.list();
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed(Role.TENANT_ADMIN)
    @Operation(summary = "Add the county's own CEL rule (id becomes county/<id>): checked as an edit is, 422 naming the "
            + "field, 409 for a taken id; it starts in shadow mode and the whole fact is evaluated")
    @ResponseStatus(201)
    public RuleCatalogue.RuleView add(CountyRules.Draft draft) {
        return county.add(draft);
    }

    @DELETE
    @Path("/{module}/{rule}")
    @RolesAllowed(Role.TENANT_ADMIN)
    @Operation(summary = "Remove a county's own rule; its warnings stay. A module's rule is switched off instead (409)")
    public void remove(@PathParam("module") String module, @PathParam("rule") String rule) {
        county.remove(module + "/" + rule);
    }

    @GET
    @Path("/{module}/{rule}")
    @RolesAllowed({ Role.TENANT_ADMIN, Role.INSPECTOR, Role.TOWN_OFFICIAL })
    public RuleCatalogue.RuleView one(@PathParam("module") String module, @PathParam("rule") String rule) {
        return catalogue.one(module + "/" + rule);
    }

    @PUT
    @Path("/{module}/{rule}")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed(Role.TENANT_ADMIN)
    @Operation(summary = "Change thresholds (within bounds), the CEL (checked, with the position of an error), shadow "
            + "mode or the switch; 422 for an invalid change; then the whole fact is evaluated again")
    public RuleCatalogue.RuleView change(@PathParam("module") String module, @PathParam("rule") String rule,
            RuleCatalogue.Change change) {
        return catalogue.change(module + "/" + rule, change);
    }

    @GET
    @Path("/{module}/{rule}/backtest")
    @RolesAllowed({ Role.TENANT_ADMIN, Role.INSPECTOR })
    @Operation(summary = "What the rule, as it is now, would have flagged over a period (ISO instants), written nowhere")
    public RuleCatalogue.Backtest backtest(@PathParam("module") String module, @PathParam("rule") String rule,
            @QueryParam("from") Instant from, @QueryParam("to") Instant to) {
        return catalogue.backtest(module + "/" + rule, from, to);
    }
}
