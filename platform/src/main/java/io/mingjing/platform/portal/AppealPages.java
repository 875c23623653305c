package io.mingjing.platform.portal;

import io.mingjing.platform.appeal.AppealUploads;
import io.mingjing.platform.limit.FilingLimits;
import io.mingjing.platform.limit.WorkProofs;
import io.mingjing.platform.appeal.AppealCategory;
import io.mingjing.platform.appeal.AppealFilter;
import io.mingjing.platform.appeal.AppealKind;
import io.mingjing.platform.appeal.AppealRequest;
import io.mingjing.platform.appeal.AppealService;
import io.mingjing.platform.appeal.AppealState;
import io.mingjing.platform.appeal.AppealView;
import io.mingjing.platform.disclosure.Disclosure;
import io.mingjing.platform.disclosure.DisclosureAccess;
import io.mingjing.platform.identity.CurrentCaller;
import io.mingjing.platform.inbox.Inbox;
import io.mingjing.platform.orgunit.OrgUnit;
import io.mingjing.platform.orgunit.OrgUnitLevel;
import io.mingjing.platform.problem.ProblemException;
import io.mingjing.platform.resident.Resident;
import io.mingjing.platform.web.BrowserPolicy;
import io.quarkus.panache.common.Sort;
import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import io.quarkus.security.Authenticated;
import jakarta.annotation.security.PermitAll;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import jakarta.validation.Validator;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.CookieParam;
import jakarta.ws.rs.FormParam;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.NewCookie;
import jakarta.ws.rs.core.Response;
import java.io.IOException;
import java.net.URI;
import java.util.List;
import java.util.Map;
import org.jboss.resteasy.reactive.RestForm;
import org.jboss.resteasy.reactive.multipart.FileUpload;

/**
 * 我有话说 on the portal, without JavaScript: the form for filing a case (a phone's file picker records
 * the voice message, {@code capture}), my cases, and a case's page with its timeline, where the
 * appellant rates the reply and a handler takes the next step. The service does the checking.
 */
@Path("/t/{tenant}/appeals")
@Produces(MediaType.TEXT_HTML)
@Authenticated
public class AppealPages {

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance form(Page p, List<AppealCategory> categories, List<OrgUnit> villages,
                String village, String payment, String disclosure, WorkProofs.Challenge challenge);

        static native TemplateInstance receipt(Page p, AppealService.Receipt receipt);

        static native TemplateInstance list(Page p, List<AppealView> cases);

        static native TemplateInstance one(Page p, AppealView c);

        static native TemplateInstance track(Page p, String no);
    }

    @Inject
    PortalContext ctx;
    @Inject
    CurrentCaller caller;
    @Inject
    AppealService appeals;
    @Inject
    AppealUploads uploads;
    @Inject
    Validator validator;
    @Inject
    WorkProofs proofs;
    @Inject
    Inbox inbox;
    @Inject
    DisclosureAccess disclosureAccess;

    /** The caller's cases; staff narrow them the way a cockpit figure counts (its drill-down lands here). */
    @GET
    public TemplateInstance list(@QueryParam("state") String state, @QueryParam("kind") String kind,
            @QueryParam("category") String category, @QueryParam("sla") String sla, @QueryParam("unit") String unit,
            @QueryParam("from") String from, @QueryParam("to") String to) {
        return Templates.list(ctx.page(null), appeals.visible(AppealFilter.parse(state, kind, category, sla, unit, from,
                to)));
    }

    /** Opening a case reads its messages in the inbox. */
    @GET
    @Path("/{trackingNo}")
    @Transactional
    public TemplateInstance one(@PathParam("trackingNo") String trackingNo) {
        AppealView c = appeals.read(trackingNo);
        inbox.read(c.trackingNo());
        return Templates.one(ctx.page(null), c);
    }

    /** 问效: satisfied, or not with a reason (which reopens the case once, then escalates it). */
    @POST
    @Path("/{trackingNo}/rating")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response rate(@PathParam("trackingNo") String trackingNo, @FormParam("satisfied") boolean satisfied,
            @FormParam("reason") String reason) {
        appeals.rate(trackingNo, satisfied, reason);
        return backTo(trackingNo);
    }

    @POST
    @Path("/{trackingNo}/steps")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response advance(@PathParam("trackingNo") String trackingNo, @FormParam("to") AppealState to,
            @FormParam("note") String note) {
        if (to == null) {
            throw ProblemException.invalid(400, "Choose the next step.", Map.of("to", "is required"));
        }
        appeals.advance(trackingNo, to, note);
        return backTo(trackingNo);
    }

    /** Post/redirect/get, so a reload does not send the form again. */
    private Response backTo(String trackingNo) {
        return Response.seeOther(URI.create(ctx.page(null).base() + "/appeals/" + trackingNo)).build();
    }

    /** An anonymous reporter's way back: the tracking number and the receipt code from the receipt. */
    @GET
    @Path("/track")
    @PermitAll
    public TemplateInstance trackForm(@QueryParam("no") String no) {
        return Templates.track(ctx.page(null), no == null ? "" : no);
    }

    /** Posted, so the receipt code stays out of addresses, browser history and access logs. */
    @POST
    @Path("/track")
    @PermitAll
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public TemplateInstance track(@FormParam("no") String no, @FormParam("code") String code) {
        if (blank(no) || blank(code)) {
            return Templates.track(ctx.page(null), no == null ? "" : no);
        }
        return Templates.one(ctx.page(null), appeals.track(no.strip().toUpperCase(), code));
    }

    /** Logged out, the form files a report (举报) only, anonymously, answered with a receipt code. */
    @GET
    @Path("/new")
    @PermitAll
    @Transactional
    public Response form(@QueryParam("payment") String payment, @QueryParam("disclosure") Long disclosure) {
        Resident me = Resident.byUserId(caller.get().userId());
        Disclosure about = disclosure == null ? null : readable(disclosure);
        String village = about != null ? about.villageCode : me != null ? me.registeredVillage : ctx.rememberedVillage();
        // the one page that records a voice message
        return Response.ok(Templates.form(ctx.page(village == null ? null : OrgUnit.findById(village)),
                AppealCategory.listAll(Sort.by("code")), OrgUnit.list("level", Sort.by("code"), OrgUnitLevel.VILLAGE),
                village, payment, about == null ? null : about.title, caller.get().anonymous() ? proofs.issue() : null))
                .header("Permissions-Policy", BrowserPolicy.permissions(List.of("microphone"))).build();
    }

    @POST
    @Path("/new")
    @PermitAll
    @Consumes(MediaType.MULTIPART_FORM_DATA)
    public Response file(@RestForm AppealKind kind, @RestForm String category, @RestForm String subject,
            @RestForm String body, @RestForm String village, @RestForm String payment,
            @RestForm("photo") List<FileUpload> photos, @RestForm("voice") FileUpload voice,
            @RestForm String forName, @RestForm String forPhone, @RestForm String forChannel,
            @RestForm String proof, @RestForm String nonce) throws IOException {
        AppealRequest.OnBehalfOf onBehalf = blank(forName) ? null
                : new AppealRequest.OnBehalfOf(forName.strip(), blank(forPhone) ? null : forPhone.strip(), forChannel);
        AppealRequest request = new AppealRequest(kind, category, subject, body, village, null, null,
                blank(payment) ? null : payment, null, onBehalf);
        var violations = validator.validate(request);
        if (!violations.isEmpty()) {
            throw new jakarta.validation.ConstraintViolationException(violations);
        }
        var files = uploads.read(request.toString(), photos, voice);
        var receipt = appeals.submit(request, files.uploads(), null, files.digest(),
                blank(proof) ? null : new FilingLimits.Proof(proof, blank(nonce) ? null : nonce));
        return afterFiling(receipt);
    }

    static final String RECEIPT_COOKIE = "mj_receipt";
    private static final String NO = "[A-Z2-9]{10}";

    /**
     * Post/redirect/get: a reload shows the receipt again instead of filing twice. An anonymous
     * reporter's receipt code rides in a short-lived cookie for the receipt page only, never in an address.
     */
    private Response afterFiling(AppealService.Receipt receipt) {
        String base = ctx.page(null).base();
        Response.ResponseBuilder see = Response.seeOther(URI.create(base + "/appeals/receipt?no=" + receipt.trackingNo()));
        if (receipt.receiptCode() != null) {
            see.cookie(new NewCookie.Builder(RECEIPT_COOKIE).value(receipt.trackingNo() + "." + receipt.receiptCode()
                    + "." + receipt.receiptHash()).path(base + "/appeals/receipt").maxAge(600).httpOnly(true)
                    .sameSite(NewCookie.SameSite.STRICT).build());
        }
        return see.build();
    }

    /** The receipt of a case just filed: from the reporter's cookie, or the case as its appellant reads it. */
    @GET
    @Path("/receipt")
    @PermitAll
    @Transactional
    public Response receipt(@QueryParam("no") String no, @CookieParam(RECEIPT_COOKIE) String cookie) {
        String[] parts = cookie == null ? new String[0] : cookie.split("\\.");
        if (no != null && parts.length == 3 && parts[0].equals(no) && no.matches(NO) && parts[1].matches("[A-Z2-9]{12}")
                && parts[2].matches("[0-9a-f]{64}")) {
            return Response.ok(Templates.receipt(ctx.page(null), new AppealService.Receipt(no, parts[2], parts[1], false)))
                    .build();
        }
        if (no == null || !no.matches(NO) || caller.get().anonymous()) {
            return Response.seeOther(URI.create(ctx.page(null).base() + "/appeals/track")).build();
        }
        AppealView c = appeals.read(no);
        return Response.ok(Templates.receipt(ctx.page(OrgUnit.findById(c.village())),
                new AppealService.Receipt(c.trackingNo(), c.receiptHash(), null, false))).build();
    }

    /** A question about a disclosure the caller may read; none (an empty form) otherwise. */
    private Disclosure readable(long id) {
        Disclosure d = Disclosure.findById(id);
        return d != null && d.published() && disclosureAccess.mayRead(d) ? d : null;
    }

    private static boolean blank(String s) {
        return s == null || s.isBlank();
    }
}
