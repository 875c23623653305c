package io.mingjing.platform.approval;

import io.mingjing.platform.approval.ApprovalRequests.Decision;
import io.mingjing.platform.approval.ApprovalRequests.NewApproval;
import io.mingjing.platform.approval.ApprovalRequests.Payment;
import io.mingjing.platform.approval.ApprovalRequests.Resubmission;
import io.mingjing.platform.approval.ApprovalRequests.StageForm;
import io.mingjing.platform.clock.SlaState;
import io.mingjing.platform.feature.OfFeature;
import io.mingjing.platform.input.Choices;
import io.mingjing.platform.problem.ProblemException;
import io.quarkus.security.Authenticated;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.net.URI;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponseSchema;

/** 三资审批 over HTTP: filing, the staff lists and queue, decisions, forms, files and the payment. */
@OfFeature(ApprovalFeature.ID)
@Path("/api/t/{tenant}/approvals")
@Produces(MediaType.APPLICATION_JSON)
@Authenticated
public class ApprovalResource {

    @Inject
    ApprovalService approvals;
    @Inject
    ApprovalLists lists;

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "File an approval (bookkeeper or cadre of the village); its first step opens at once")
    @APIResponseSchema(value = ApprovalView.class, responseCode = "201", responseDescription = "Created")
    public Response file(@PathParam("tenant") String tenant, NewApproval request) {
        Approval a = approvals.file(request);
        return Response.created(URI.create("/api/t/" + tenant + "/approvals/" + a.id)).entity(lists.view(a)).build();
    }

    @GET
    @Operation(summary = "Approvals of the caller's places, newest first, in keyset pages (next → before)")
    public ApprovalView.Page list(@QueryParam("village") String village, @QueryParam("kind") String kind,
            @QueryParam("state") String state, @QueryParam("sla") String sla, @QueryParam("before") Long before,
            @QueryParam("limit") @DefaultValue("20") int limit) {
        return lists.list(village, Choices.of(ApprovalKind.class, "kind", kind),
                Choices.of(ApprovalState.class, "state", state), Choices.of(SlaState.class, "sla", sla), before, limit);
    }

    @GET
    @Path("/queue")
    @Operation(summary = "The approvals whose open step waits for the caller")
    public ApprovalView.Page queue(@QueryParam("before") Long before, @QueryParam("limit") @DefaultValue("20") int limit) {
        return lists.queue(before, limit);
    }

    @GET
    @Path("/{id}")
    @Transactional
    public ApprovalView one(@PathParam("id") long id) {
        return lists.view(approvals.readable(id));
    }

    @POST
    @Path("/{id}/steps")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Approve, reject or return the open step; seq is the step as seen, a decided one is a 409")
    public ApprovalView decide(@PathParam("id") long id, Decision decision) {
        return lists.view(approvals.decide(id, decision));
    }

    @POST
    @Path("/{id}/resubmission")
    @Consumes(MediaType.APPLICATION_JSON)
    public ApprovalView resubmit(@PathParam("id") long id, Resubmission r) {
        return lists.view(approvals.resubmit(id, r == null ? null : r.note()));
    }

    @POST
    @Path("/{id}/forms/{section}")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "A later stage's form: declaration, quotes, award, contract, tender, progress, acceptance, settlement")
    public ApprovalView form(@PathParam("id") long id, @PathParam("section") String section, StageForm form) {
        return lists.view(approvals.submitForm(id, section, form));
    }

    @POST
    @Path("/{id}/payment")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Mark an approved payment paid with the bank's reference; it becomes a FINANCE disclosure draft line")
    public ApprovalView pay(@PathParam("id") long id, Payment payment) {
        return lists.view(approvals.pay(id, payment));
    }

    @POST
    @Path("/{id}/attachments")
    @Consumes(MediaType.APPLICATION_OCTET_STREAM)
    @Operation(summary = "Attach a file (PDF, image, office document) of a kind: invoice, resolution, quote, contract …")
    @APIResponseSchema(value = ApprovalView.FileView.class, responseCode = "201", responseDescription = "Created")
    public Response attach(@PathParam("tenant") String tenant, @PathParam("id") long id, @QueryParam("kind") String kind,
            @QueryParam("filename") String filename, byte[] data) {
        ApprovalAttachment x = approvals.attach(id, kind, filename, data);
        return Response.created(URI.create("/api/t/" + tenant + "/approvals/" + id + "/attachments/" + x.id))
                .entity(new ApprovalView.FileView(x.id, x.kind, x.filename, x.contentType, x.sha256)).build();
    }

    @GET
    @Path("/{id}/attachments/{file}")
    @Produces(MediaType.WILDCARD)
    @Transactional
    public Response download(@PathParam("id") long id, @PathParam("file") long file) {
        Approval a = approvals.readable(id);
        ApprovalAttachment x = ApprovalAttachment.find("id = ?1 and approvalId = ?2", file, a.id).firstResult();
        if (x == null) {
            throw ProblemException.notFound("No file " + file + " of approval " + id + ".");
        }
        return Response.ok(x.data, x.contentType).header("Content-Disposition", "attachment; filename=\"file-" + x.id
                + "\"").header("X-Content-Type-Options", "nosniff").build();
    }
}
