package io.mingjing.platform.portal;

import io.mingjing.platform.approval.Approval;
import io.mingjing.platform.approval.ApprovalFeature;
import io.mingjing.platform.approval.ApprovalKind;
import io.mingjing.platform.approval.ApprovalLists;
import io.mingjing.platform.approval.ApprovalRequests;
import io.mingjing.platform.approval.ApprovalService;
import io.mingjing.platform.approval.ApprovalState;
import io.mingjing.platform.approval.ApprovalView;
import io.mingjing.platform.approval.Seals;
import io.mingjing.platform.clock.SlaState;
import io.mingjing.platform.feature.OfFeature;
import io.mingjing.platform.feature.SignatureChecks;
import io.mingjing.platform.input.Choices;
import io.mingjing.platform.problem.ProblemException;
import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import io.quarkus.security.Authenticated;
import jakarta.enterprise.inject.Instance;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.FormParam;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.MultivaluedMap;
import jakarta.ws.rs.core.Response;
import java.net.URI;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * 三资审批 on a phone, without JavaScript: the staff list by kind, state and time-limit colour, the
 * approver's queue, the one form through its stages with its timeline, the decision, any kind's
 * filing and each later stage's form, and the seal register. The service does the checking.
 */
@OfFeature(ApprovalFeature.ID)
@Path("/t/{tenant}/staff/approvals")
@Produces(MediaType.TEXT_HTML)
@Authenticated
public class ApprovalPages {

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance list(Page p, String heading, ApprovalView.Page page, String query);

        /** @param mine the caller filed it: they fill in its forms, resubmit it when returned and record its payment */
        static native TemplateInstance one(Page p, ApprovalView a, String section, List<ApprovalForms.Field> fields,
                boolean mine, List<Flag> flags);

        static native TemplateInstance file(Page p, ApprovalKind kind, List<ApprovalKind> kinds,
                List<ApprovalForms.Field> fields);

        static native TemplateInstance seals(Page p, List<Map<String, Object>> register);
    }

    @Inject
    PortalContext ctx;
    @Inject
    ApprovalLists lists;
    @Inject
    ApprovalService approvals;
    @Inject
    Seals seals;
    @Inject
    Instance<SignatureChecks> checks;

    /** A warning on the approval as its page shows it: its name in the page's language and its why, one line a value. */
    record Flag(boolean red, String name, List<String> why) {
    }

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

    /** Without a kind the kind picker; with one its filing form. */
    @GET
    @Path("/new")
    public TemplateInstance fileForm(@QueryParam("kind") String kind, @QueryParam("village") String village) {
        Page p = ctx.page(null);
        ApprovalKind k = Choices.of(ApprovalKind.class, "kind", kind);
        if (k == null) {
            return Templates.file(p, null, List.of(ApprovalKind.values()), List.of());
        }
        String place = village != null ? village : p.caller().orgUnit();
        List<ApprovalForms.Option> sealOptions = k == ApprovalKind.SEAL ? sealOptions(place) : List.of();
        return Templates.file(p, k, List.of(), ApprovalForms.filing(k, place, sealOptions));
    }

    /** A village's seals for the select; none when the caller is of no village (the select then says so). */
    private List<ApprovalForms.Option> sealOptions(String village) {
        if (village == null) {
            return List.of();
        }
        try {
            return seals.list(village).stream().map(s -> new ApprovalForms.Option(String.valueOf(s.id()), s.name()))
                    .toList();
        } catch (ProblemException e) {
            return List.of();
        }
    }

    /** Any kind's filing, read into the API's request: the same service and the same checks. */
    @POST
    @Path("/new")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response file(MultivaluedMap<String, String> form) {
        ApprovalKind kind = Choices.of(ApprovalKind.class, "kind", form.getFirst("kind"));
        if (kind == null) {
            throw ProblemException.invalid(400, "Say which kind of approval.", Map.of("kind",
                    "is required: one of PAYMENT, LABOUR, PROCUREMENT, PROJECT, SEAL"));
        }
        return backTo(approvals.file(ApprovalForms.filing(kind, form)).id);
    }

    @GET
    @Path("/seals")
    public TemplateInstance seals(@QueryParam("village") String village) {
        return Templates.seals(ctx.page(null), lists.sealRegister(village, 200));
    }

    /** The one form; while a step is open, the county's rules run first and their flags stand above the decision. */
    @GET
    @Path("/{id}")
    @Transactional
    public TemplateInstance one(@PathParam("id") long id) {
        Page p = ctx.page(null);
        Approval a = approvals.readable(id);
        ApprovalView v = lists.view(a);
        boolean mine = Objects.equals(p.caller().userId(), a.filerUserId);
        String section = mine ? awaitedForm(a, v) : null;
        return Templates.one(p, v, section, section == null ? List.of() : ApprovalForms.stage(section, filing(a)),
                mine && (a.state == ApprovalState.RETURNED || a.state == ApprovalState.APPROVED && a.kind.payable()),
                a.state == ApprovalState.PENDING ? flags(p, a.id) : List.of());
    }

    @SuppressWarnings("unchecked")
    private List<Flag> flags(Page p, long id) {
        if (!checks.isResolvable()) {
            return List.of();
        }
        return checks.get().flags(id).stream().map(f -> {
            List<String> why = new java.util.ArrayList<>();
            for (String part : List.of("fact", "thresholds")) {
                if (f.why().get(part) instanceof Map<?, ?> m) {
                    ((Map<String, Object>) m).forEach((k, val) -> why.add(k + " = " + val));
                }
            }
            return new Flag(f.red(), p.english() ? f.nameEn() : f.nameZh(), why);
        }).toList();
    }

    /** A later stage's form (declaration, quotes, award …) from its page, through the API's checks. */
    @POST
    @Path("/{id}/forms/{section}")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response form(@PathParam("id") long id, @PathParam("section") String section,
            MultivaluedMap<String, String> form) {
        Approval a = approvals.readable(id);
        approvals.submitForm(id, section, ApprovalForms.stage(section, filing(a), form));
        return backTo(id);
    }

    /** The form the approval waits for, shown to its filer only (the service checks again). */
    private static String awaitedForm(Approval a, ApprovalView v) {
        if (a.state != ApprovalState.AWAITING_INPUT) {
            return null;
        }
        return v.stages().stream().filter(ApprovalView.StageView::current).map(ApprovalView.StageView::form)
                .filter(f -> f != null).findFirst().orElse(null);
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> filing(Approval a) {
        return a.data.get("filing") instanceof Map<?, ?> m ? (Map<String, Object>) m : Map.of();
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

    /** 非现金支付: the filer records the bank's reference of the transfer (time: now). */
    @POST
    @Path("/{id}/payment")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response pay(@PathParam("id") long id, @FormParam("bankRef") String bankRef) {
        approvals.pay(id, new ApprovalRequests.Payment(bankRef == null ? null : bankRef.strip(), null));
        return backTo(id);
    }

    /** The filer sends a returned approval on again after correcting it. */
    @POST
    @Path("/{id}/resubmission")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response resubmit(@PathParam("id") long id, @FormParam("note") String note) {
        approvals.resubmit(id, note == null || note.isBlank() ? null : note.strip());
        return backTo(id);
    }

    /** Post/redirect/get, so a reload does not send the form again. */
    private Response backTo(long id) {
        return Response.seeOther(URI.create(ctx.page(null).base() + "/staff/approvals/" + id)).build();
    }
}
