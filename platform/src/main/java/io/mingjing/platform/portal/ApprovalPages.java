package io.mingjing.platform.portal;

import io.mingjing.platform.approval.ApprovalFeature;
import io.mingjing.platform.approval.ApprovalKind;
import io.mingjing.platform.approval.ApprovalLists;
import io.mingjing.platform.approval.ApprovalRequests;
import io.mingjing.platform.approval.ApprovalService;
import io.mingjing.platform.approval.ApprovalState;
import io.mingjing.platform.approval.ApprovalView;
import io.mingjing.platform.clock.SlaState;
import io.mingjing.platform.feature.OfFeature;
import io.mingjing.platform.input.Choices;
import io.mingjing.platform.problem.ProblemException;
import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import io.quarkus.security.Authenticated;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.FormParam;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.math.BigDecimal;
import java.net.URI;
import java.util.List;
import java.util.Map;

/**
 * 三资审批 on a phone, without JavaScript: the staff list by kind, state and time-limit colour, the
 * approver's queue, the one form through its stages with its timeline, the decision, a payment's
 * filing, and the seal register. The service does the checking.
 */
@OfFeature(ApprovalFeature.ID)
@Path("/t/{tenant}/staff/approvals")
@Produces(MediaType.TEXT_HTML)
@Authenticated
public class ApprovalPages {

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance list(Page p, String heading, ApprovalView.Page page, String query);

        static native TemplateInstance one(Page p, ApprovalView a);

        static native TemplateInstance file(Page p);

        static native TemplateInstance seals(Page p, List<Map<String, Object>> register);
    }

    @Inject
    PortalContext ctx;
    @Inject
    ApprovalLists lists;
    @Inject
    ApprovalService approvals;

    @GET
    public TemplateInstance list(@QueryParam("kind") String kind, @QueryParam("state") String state,
            @QueryParam("sla") String sla, @QueryParam("before") Long before) {
        ApprovalView.Page page = lists.list(null, Choices.of(ApprovalKind.class, "kind", kind),
                Choices.of(ApprovalState.class, "state", state), Choices.of(SlaState.class, "sla", sla), before, 20);
        String query = "kind=" + (kind == null ? "" : kind) + "&state=" + (state == null ? "" : state) + "&sla="
                + (sla == null ? "" : sla);
        return Templates.list(ctx.page(null), "approval.title", page, query);
    }

    @GET
    @Path("/queue")
    public TemplateInstance queue(@QueryParam("before") Long before) {
        return Templates.list(ctx.page(null), "approval.queue", lists.queue(before, 20), "");
    }

    @GET
    @Path("/new")
    public TemplateInstance fileForm() {
        return Templates.file(ctx.page(null));
    }

    /** A payment request from the phone (the other kinds go through the API until their forms come). */
    @POST
    @Path("/new")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response file(@FormParam("village") String village, @FormParam("title") String title,
            @FormParam("amount") String amount, @FormParam("payeeName") String payeeName,
            @FormParam("payeePhone") String payeePhone, @FormParam("purpose") String purpose,
            @FormParam("budgetLine") String budgetLine) {
        BigDecimal value;
        try {
            value = amount == null || amount.isBlank() ? null : new BigDecimal(amount.strip());
        } catch (NumberFormatException e) {
            throw ProblemException.invalid(400, "The amount is not a number.", Map.of("amount", "must be yuan, e.g. 1650.00"));
        }
        long id = approvals.file(new ApprovalRequests.NewApproval(ApprovalKind.PAYMENT, village, title, value,
                new ApprovalRequests.Party(payeeName, payeePhone == null || payeePhone.isBlank() ? null : payeePhone),
                purpose, budgetLine, null, null, null, null, null, null, null)).id;
        return backTo(id);
    }

    @GET
    @Path("/seals")
    public TemplateInstance seals(@QueryParam("village") String village) {
        return Templates.seals(ctx.page(null), lists.sealRegister(village, 200));
    }

    @GET
    @Path("/{id}")
    public TemplateInstance one(@PathParam("id") long id) {
        return Templates.one(ctx.page(null), lists.view(approvals.readable(id)));
    }

    @POST
    @Path("/{id}/steps")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response decide(@PathParam("id") long id, @FormParam("action") String action, @FormParam("seq") Integer seq,
            @FormParam("note") String note) {
        ApprovalRequests.Action a = Choices.of(ApprovalRequests.Action.class, "action", action);
        approvals.decide(id, new ApprovalRequests.Decision(a, seq, note == null || note.isBlank() ? null : note));
        return backTo(id);
    }

    /** Post/redirect/get, so a reload does not send the form again. */
    private Response backTo(long id) {
        return Response.seeOther(URI.create(ctx.page(null).base() + "/staff/approvals/" + id)).build();
    }
}
