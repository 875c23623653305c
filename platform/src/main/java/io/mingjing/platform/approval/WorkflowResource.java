package io.mingjing.platform.approval;

import io.mingjing.platform.feature.OfFeature;
import io.mingjing.platform.identity.CurrentCaller;
import io.mingjing.platform.identity.Role;
import io.mingjing.platform.input.Choices;
import io.mingjing.platform.problem.ProblemException;
import io.quarkus.security.Authenticated;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;

/** The county's workflow definitions: read by staff, replaced by the county admin as a new version. */
@OfFeature(ApprovalFeature.ID)
@Path("/api/t/{tenant}")
@Produces(MediaType.APPLICATION_JSON)
@Authenticated
public class WorkflowResource {

    @Inject
    Workflows workflows;
    @Inject
    CurrentCaller caller;

    @GET
    @Path("/workflows")
    @Operation(summary = "Each kind's current definition (version 0: the platform's default, not used yet)")
    public List<Workflows.Version> all() {
        caller.requireRole(Role.STAFF_ROLES.toArray(String[]::new));
        return workflows.all();
    }

    @GET
    @Path("/admin/approval-definitions/{kind}")
    @Transactional
    public Workflows.Version one(@PathParam("kind") String kind) {
        caller.requireRole(Role.TENANT_ADMIN);
        ApprovalKind k = kindOf(kind);
        return workflows.all().stream().filter(v -> v.kind() == k).findFirst().orElseThrow();
    }

    @PUT
    @Path("/admin/approval-definitions/{kind}")
    @Consumes({MediaType.APPLICATION_JSON, "application/yaml", "text/yaml"})
    @Operation(summary = "Replace a kind's definition (YAML or JSON): a new version; running approvals keep theirs")
    @RequestBody(content = @Content(schema = @Schema(implementation = WorkflowDefinition.class)))
    public Workflows.Version replace(@PathParam("kind") String kind, byte[] body) {
        caller.requireRole(Role.TENANT_ADMIN);
        ApprovalKind k = kindOf(kind);
        return workflows.replace(k, Workflows.parse(body, k), "admin-api", caller.get().actor());
    }

    private static ApprovalKind kindOf(String kind) {
        ApprovalKind k = Choices.of(ApprovalKind.class, "kind", kind);
        if (k == null) {
            throw ProblemException.notFound("No kind.");
        }
        return k;
    }
}
