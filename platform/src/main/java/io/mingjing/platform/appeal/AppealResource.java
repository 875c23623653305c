package io.mingjing.platform.appeal;

import org.eclipse.microprofile.openapi.annotations.responses.APIResponseSchema;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.mingjing.platform.audit.AuditEntry;
import io.mingjing.platform.audit.AuditLog;
import io.mingjing.platform.audit.ChainVerification;
import io.mingjing.platform.audit.Chain;
import io.mingjing.platform.identity.Role;
import jakarta.annotation.security.RolesAllowed;
import io.mingjing.platform.limit.FilingLimits;
import io.mingjing.platform.limit.WorkProofs;
import io.mingjing.platform.file.StoredFile;
import io.mingjing.platform.problem.ProblemException;
import io.mingjing.platform.tenancy.CurrentTenant;
import io.quarkus.security.Authenticated;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import jakarta.validation.Valid;
import jakarta.validation.Validator;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.io.IOException;
import java.util.List;
import java.util.Map;
import org.jboss.resteasy.reactive.RestForm;
import org.jboss.resteasy.reactive.multipart.FileUpload;

/** 我有话说 · 我想说个事 · 我想要举报 · 公开质询: filing and following cases, and handling them. */
@Path("/api/t/{tenant}")
@Produces(MediaType.APPLICATION_JSON)
public class AppealResource {

    public record StepRequest(@NotNull(message = "is required") AppealState to, String note) {
    }

    public record RatingRequest(@NotNull(message = "is required") Boolean satisfied, String reason) {
    }

    public record CategoryView(String code, String nameZh, String nameEn, HandlingLevel route, String department,
            boolean urgent) {
    }

    @Inject
    AppealService appeals;
    @Inject
    AppealAccess access;
    @Inject
    ObjectMapper json;
    @Inject
    Validator validator;
    @Inject
    CurrentTenant tenant;
    @Inject
    AppealUploads uploads;
    @Inject
    WorkProofs proofs;
    @Inject
    AuditLog audit;

    static final String WORK_PROOF = "Work-Proof";

    @POST
    @Path("/appeals")
    @Consumes(MediaType.APPLICATION_JSON)
    @APIResponseSchema(value = AppealService.Receipt.class, responseCode = "201", responseDescription = "Created")
    public Response submit(@NotNull(message = "a JSON body is required") @Valid AppealRequest request,
            @HeaderParam("Idempotency-Key") String key, @HeaderParam(WORK_PROOF) String proof) throws IOException {
        return receipt(appeals.submit(request, List.of(), checkKey(key), AuditEntry.sha256(json.writeValueAsBytes(request)),
                FilingLimits.Proof.parse(proof)));
    }

    /** The challenge an anonymous report must answer ({@value #WORK_PROOF} header: challenge, space, nonce). */
    @GET
    @Path("/appeals/challenge")
    public WorkProofs.Challenge challenge() {
        return proofs.issue();
    }

    /** The portal's form: the case as JSON in part {@code appeal}, up to six {@code photo} parts and a {@code voice}. */
    @POST
    @Path("/appeals")
    @Consumes(MediaType.MULTIPART_FORM_DATA)
    @APIResponseSchema(value = AppealService.Receipt.class, responseCode = "201", responseDescription = "Created")
    public Response submitWithFiles(@RestForm("appeal") String appealJson, @RestForm("photo") List<FileUpload> photos,
            @RestForm("voice") FileUpload voice, @HeaderParam("Idempotency-Key") String key,
            @HeaderParam(WORK_PROOF) String proof) throws IOException {
        AppealRequest request = appealJson == null ? null : json.readValue(appealJson, AppealRequest.class);
        if (request == null) {
            throw ProblemException.invalid(400, "The form needs the case in part 'appeal'.", Map.of("appeal", "is required"));
        }
        var violations = validator.validate(request);
        if (!violations.isEmpty()) {
            throw new jakarta.validation.ConstraintViolationException(violations);
        }
        var files = uploads.read(appealJson, photos, voice);
        return receipt(appeals.submit(request, files.uploads(), checkKey(key), files.digest(),
                FilingLimits.Proof.parse(proof)));
    }

    @GET
    @Path("/appeals")
    @Authenticated
    public List<AppealView> list(@QueryParam("state") String state, @QueryParam("kind") String kind,
            @QueryParam("category") String category, @QueryParam("sla") String sla, @QueryParam("unit") String unit,
            @QueryParam("from") String from, @QueryParam("to") String to) {
        return appeals.visible(AppealFilter.parse(state, kind, category, sla, unit, from, to));
    }

    @GET
    @Path("/appeals/{trackingNo}")
    @Authenticated
    public AppealView get(@PathParam("trackingNo") String trackingNo) {
        return appeals.read(trackingNo);
    }

    /** An anonymous reporter follows their report with the receipt code they were given. */
    @GET
    @Path("/appeals/track/{trackingNo}")
    public AppealView track(@PathParam("trackingNo") String trackingNo, @QueryParam("code") String code) {
        return appeals.track(trackingNo, code);
    }

    @POST
    @Path("/appeals/{trackingNo}/steps")
    @Authenticated
    @Consumes(MediaType.APPLICATION_JSON)
    public AppealView advance(@PathParam("trackingNo") String trackingNo,
            @NotNull(message = "a JSON body is required") @Valid StepRequest step) {
        appeals.advance(trackingNo, step.to(), step.note());
        return get(trackingNo);
    }

    @POST
    @Path("/appeals/{trackingNo}/rating")
    @Authenticated
    @Consumes(MediaType.APPLICATION_JSON)
    public AppealView rate(@PathParam("trackingNo") String trackingNo,
            @NotNull(message = "a JSON body is required") @Valid RatingRequest rating) {
        appeals.rate(trackingNo, rating.satisfied(), rating.reason());
        return get(trackingNo);
    }

    @GET
    @Path("/appeals/{trackingNo}/attachments/{id}")
    @Authenticated
    @Transactional
    public Response attachment(@PathParam("trackingNo") String trackingNo, @PathParam("id") long id) {
        Appeal a = access.requireReadable(trackingNo);
        AppealAttachment f = AppealAttachment.find("id = ?1 and appealId = ?2", id, a.id).firstResult();
        if (f == null) {
            throw ProblemException.notFound("No attachment " + id + " on case " + trackingNo + ".");
        }
        return StoredFile.of(f.data, f.kind.toLowerCase() + "-" + f.id, "private, no-store");
    }

    @GET
    @Path("/appeals/categories")
    @Transactional
    public List<CategoryView> categories() {
        return AppealCategory.<AppealCategory>listAll().stream()
                .map(c -> new CategoryView(c.code, c.nameZh, c.nameEn, c.route, c.department, c.urgent)).toList();
    }

    /** 公开质询: a village's public questions and the committee's answers, without who asked. */
    @GET
    @Path("/villages/{village}/inquiries")
    @Transactional
    public List<AppealView> inquiries(@PathParam("village") String village) {
        return appeals.inquiries(village, 100);
    }

    /** The chain of reports' writes and reads (举报), which only the inspectors may verify. */
    @GET
    @Path("/audit/sealed/verify")
    @RolesAllowed(Role.INSPECTOR)
    @Transactional
    public ChainVerification verifySealed() {
        return audit.verify(Chain.SEALED);
    }

    private Response receipt(AppealService.Receipt r) {
        return Response.status(201).header("Location", "/api/t/" + tenant.require() + "/appeals/" + r.trackingNo())
                .header("Idempotent-Replayed", Boolean.toString(r.replayed())).entity(r).build();
    }

    private static String checkKey(String key) {
        if (key != null && (key.isBlank() || key.length() > 100)) {
            throw ProblemException.invalid(400, "Idempotency-Key must be 1-100 characters.",
                    Map.of("Idempotency-Key", "must be 1-100 characters"));
        }
        return key;
    }
}
