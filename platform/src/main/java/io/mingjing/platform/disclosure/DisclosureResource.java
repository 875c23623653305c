package io.mingjing.platform.disclosure;

import org.eclipse.microprofile.openapi.annotations.responses.APIResponseSchema;
import com.fasterxml.jackson.annotation.JsonInclude;
import io.mingjing.platform.audit.AuditEntry;
import io.mingjing.platform.disclosure.Disclosure.Category;
import io.mingjing.platform.disclosure.Disclosure.Line;
import io.mingjing.platform.disclosure.Disclosure.Status;
import io.mingjing.platform.disclosure.DisclosureService.Draft;
import io.mingjing.platform.disclosure.DisclosureService.FeedItem;
import io.mingjing.platform.file.StoredFile;
import io.mingjing.platform.identity.CurrentCaller;
import io.mingjing.platform.orgunit.OrgUnit;
import io.mingjing.platform.problem.ProblemException;
import io.quarkus.security.Authenticated;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.math.BigDecimal;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/** 三务公开 API: cadres draft, town officials publish, everyone reads what they may. */
@Path("/api/t/{tenant}")
@Produces(MediaType.APPLICATION_JSON)
public class DisclosureResource {

    public record AttachmentView(long id, String filename, String contentType, String sha256) {
    }

    public record VersionView(long id, int version, Instant publishedAt, String correctionReason) {
    }

    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record DisclosureView(long id, long series, int version, String village, String category, String title,
            String period, String body, List<Line> lines, BigDecimal income, BigDecimal expense, String visibility,
            String status, String correctionReason, String returnReason, Long supersededBy, String author,
            String reviewer, Instant createdAt, Instant submittedAt, Instant publishedAt, Long auditSeq,
            String auditHash, List<AttachmentView> attachments, List<VersionView> versions) {
    }

    /** The publication's audit entry and the exact payload whose SHA-256 it holds. */
    public record Receipt(long seq, String hash, String prevHash, Instant at, String actor, String action,
            String entity, String entityId, String payloadDigest, String payload, String verify) {
    }

    public record Correction(String reason, String category, String title, String period, String body,
            List<Line> lines, String visibility) {
        Draft draft() {
            return new Draft(category, title, period, body, lines, visibility);
        }
    }

    public record Reason(String reason) {
    }

    @Inject
    DisclosureService service;
    @Inject
    DisclosureAccess access;
    @Inject
    CurrentCaller caller;

    @POST
    @Path("/villages/{village}/disclosures")
    @Consumes(MediaType.APPLICATION_JSON)
    @Authenticated
    @Transactional
    @APIResponseSchema(value = DisclosureView.class, responseCode = "201", responseDescription = "Created")
    public Response draft(@PathParam("tenant") String tenant, @PathParam("village") String village, Draft d) {
        access.requireAuthor(village);
        Disclosure x = service.draft(village, d, access.actor());
        return Response.created(URI.create("/api/t/" + tenant + "/disclosures/" + x.id)).entity(view(x, false))
                .build();
    }

    /** The village's published disclosures, newest first; resident-only ones only for those who may see them. */
    @GET
    @Path("/villages/{village}/disclosures")
    @Transactional
    public List<FeedItem> feed(@PathParam("village") String village, @QueryParam("category") String category,
            @QueryParam("page") @DefaultValue("0") int page) {
        if (village == null || !village.matches("\\d{12}")) {
            throw ProblemException.notFound("No village " + village + " in this county.");
        }
        Category c = category(category);
        // anonymous readers see public versions only, without asking who they are
        boolean residents = !caller.get().anonymous() && access.mayReadResidents(village);
        List<FeedItem> feed = service.feed(village, residents, c, page);
        if (feed.isEmpty()) {
            requireVillage(village); // an unknown village is a 404, checked only when there is nothing to show
        }
        return feed;
    }

    /** Drafts, submitted and returned versions in the caller's villages (staff worklist). */
    @GET
    @Path("/disclosures/work")
    @Authenticated
    @Transactional
    public List<DisclosureView> work(@QueryParam("status") String status) {
        Status wanted = status == null ? null : parseStatus(status);
        return Disclosure.<Disclosure>list("status <> ?1 order by createdAt desc", Status.PUBLISHED).stream()
                .filter(x -> wanted == null || x.status == wanted).filter(x -> access.isStaffFor(x.villageCode))
                .limit(200).map(x -> view(x, false)).toList();
    }

    @GET
    @Path("/disclosures/{id}")
    @Transactional
    public DisclosureView one(@PathParam("id") long id) {
        return view(access.requireRead(service.find(id)), true);
    }

    @GET
    @Path("/disclosures/{id}/receipt")
    @Transactional
    public Receipt receipt(@PathParam("tenant") String tenant, @PathParam("id") long id) {
        Disclosure x = access.requireRead(service.find(id));
        if (!x.published()) {
            throw ProblemException.notFound("Disclosure " + id + " is not published.");
        }
        AuditEntry e = AuditEntry.findById(x.auditSeq);
        return new Receipt(e.seq, e.hash, e.prevHash, e.at, e.actor, e.action, e.entity, e.entityId, e.payloadDigest,
                new String(service.payload(x), StandardCharsets.UTF_8), "/api/t/" + tenant + "/audit/verify");
    }

    @PUT
    @Path("/disclosures/{id}")
    @Consumes(MediaType.APPLICATION_JSON)
    @Authenticated
    @Transactional
    public DisclosureView update(@PathParam("id") long id, Draft d) {
        access.requireAuthor(villageOfUnpublished(id));
        return view(service.update(id, d, access.actor()), false);
    }

    @POST
    @Path("/disclosures/{id}/attachments")
    @Consumes(MediaType.WILDCARD)
    @Authenticated
    @Transactional
    public Response attach(@PathParam("tenant") String tenant, @PathParam("id") long id,
            @QueryParam("filename") String filename, byte[] data) {
        access.requireAuthor(villageOfUnpublished(id));
        DisclosureAttachment a = service.attach(id, filename, data, access.actor());
        return Response.created(URI.create("/api/t/" + tenant + "/disclosures/" + id + "/attachments/" + a.id))
                .entity(new AttachmentView(a.id, a.filename, a.contentType, a.sha256)).build();
    }

    @GET
    @Path("/disclosures/{id}/attachments/{attachment}")
    @Produces(MediaType.WILDCARD)
    @Transactional
    public Response attachment(@PathParam("id") long id, @PathParam("attachment") long attachment) {
        DisclosureAttachment a = service.attachment(access.requireRead(service.find(id)), attachment);
        return StoredFile.of(a.data, a.filename, null);
    }

    @POST
    @Path("/disclosures/{id}/submit")
    @Authenticated
    @Transactional
    public DisclosureView submit(@PathParam("id") long id) {
        access.requireAuthor(villageOfUnpublished(id));
        return view(service.submit(id, access.actor()), false);
    }

    @POST
    @Path("/disclosures/{id}/publish")
    @Authenticated
    @Transactional
    public DisclosureView publish(@PathParam("id") long id) {
        access.requireReviewer(villageOfUnpublished(id));
        return view(service.publish(id, access.actor()), false);
    }

    @POST
    @Path("/disclosures/{id}/return")
    @Consumes(MediaType.APPLICATION_JSON)
    @Authenticated
    @Transactional
    public DisclosureView returnForChanges(@PathParam("id") long id, Reason reason) {
        access.requireReviewer(villageOfUnpublished(id));
        return view(service.returnForChanges(id, reason == null ? null : reason.reason(), access.actor()), false);
    }

    @POST
    @Path("/disclosures/{id}/corrections")
    @Consumes(MediaType.APPLICATION_JSON)
    @Authenticated
    @Transactional
    @APIResponseSchema(value = DisclosureView.class, responseCode = "201", responseDescription = "Created")
    public Response correct(@PathParam("tenant") String tenant, @PathParam("id") long id, Correction c) {
        access.requireAuthor(villageOf(id));
        if (c == null) {
            throw ProblemException.invalid(400, "The body must be a correction.", Map.of("reason", "is required"));
        }
        Disclosure x = service.correct(id, c.draft(), c.reason(), access.actor());
        return Response.created(URI.create("/api/t/" + tenant + "/disclosures/" + x.id)).entity(view(x, false))
                .build();
    }

    /** The village of a version the caller may know about; others get the same 404 as for a missing id. */
    String villageOf(long id) {
        return access.requireRead(service.find(id)).villageCode;
    }

    String villageOfUnpublished(long id) {
        Disclosure x = access.requireRead(service.find(id));
        return x.villageCode;
    }

    static Category category(String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            return Category.valueOf(value);
        } catch (IllegalArgumentException e) {
            throw ProblemException.invalid(400, "Unknown category.",
                    Map.of("category", "must be PARTY, VILLAGE or FINANCE"));
        }
    }

    private static Status parseStatus(String value) {
        try {
            return Status.valueOf(value);
        } catch (IllegalArgumentException e) {
            throw ProblemException.invalid(400, "Unknown status.",
                    Map.of("status", "must be DRAFT, SUBMITTED, RETURNED or PUBLISHED"));
        }
    }

    static void requireVillage(String village) {
        if (village == null || !village.matches("\\d{12}") || OrgUnit.findById(village) == null) {
            throw ProblemException.notFound("No village " + village + " in this county.");
        }
    }

    DisclosureView view(Disclosure x, boolean details) {
        List<AttachmentView> files = details ? DisclosureAttachment.<DisclosureAttachment>list(
                "disclosureId = ?1 order by id", x.id).stream()
                .map(a -> new AttachmentView(a.id, a.filename, a.contentType, a.sha256)).toList() : null;
        List<VersionView> versions = details && x.published() ? service.versions(x.seriesId).stream()
                .map(v -> new VersionView(v.id, v.version, v.publishedAt, v.correctionReason)).toList() : null;
        return new DisclosureView(x.id, x.seriesId, x.version, x.villageCode, x.category.name(), x.title, x.period,
                x.body, x.lines, x.total("INCOME"), x.total("EXPENSE"), x.visibility.name(), x.status.name(),
                x.correctionReason, x.returnReason, x.supersededBy, x.author, x.reviewer, x.createdAt, x.submittedAt,
                x.publishedAt, x.auditSeq, x.auditHash, files, versions);
    }
}
