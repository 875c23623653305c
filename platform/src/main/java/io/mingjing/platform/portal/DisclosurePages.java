package io.mingjing.platform.portal;

import io.mingjing.platform.audit.AuditEntry;
import io.mingjing.platform.audit.AuditLog;
import io.mingjing.platform.audit.AuditRecord;
import io.mingjing.platform.audit.Chain;
import io.mingjing.platform.audit.ChainVerification;
import io.mingjing.platform.disclosure.Disclosure;
import io.mingjing.platform.disclosure.DisclosureAccess;
import io.mingjing.platform.disclosure.DisclosureAttachment;
import io.mingjing.platform.disclosure.DisclosureService;
import io.mingjing.platform.feature.Features;
import io.mingjing.platform.file.StoredFile;
import io.mingjing.platform.orgunit.OrgUnit;
import io.mingjing.platform.policy.PolicyFeature;
import io.mingjing.platform.policy.PolicyService;
import io.mingjing.platform.portal.VillagePortal.Link;
import io.mingjing.platform.problem.ProblemException;
import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.List;
import java.util.stream.Stream;

/** A disclosure with its files and versions, and the village's search (only what the caller may read). */
@Path("/t/{tenant}")
@Produces(MediaType.TEXT_HTML)
public class DisclosurePages {

    public record DisclosurePage(Disclosure d, List<DisclosureAttachment> files, List<Disclosure> versions,
            String receipt) {
    }

    /**
     * A disclosure's receipt as a villager reads it: the chain entry, whether the published text still
     * hashes to what the entry recorded, and whether the county's whole chain is intact.
     */
    public record ReceiptPage(Disclosure d, AuditEntry entry, boolean contentMatches, ChainVerification chain,
            String json) {
    }

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance disclosure(Page p, DisclosurePage x);

        static native TemplateInstance receipt(Page p, ReceiptPage r);

        static native TemplateInstance search(Page p, String q, List<Link> results);
    }

    @Inject
    PortalContext ctx;
    @Inject
    DisclosureService disclosures;
    @Inject
    DisclosureAccess access;
    @Inject
    PolicyService policies;
    @Inject
    Features features;
    @Inject
    AuditLog audit;

    @GET
    @Path("/d/{id}")
    @Transactional
    public TemplateInstance disclosure(@PathParam("id") long id) {
        Disclosure d = access.requireRead(disclosures.find(id));
        Page p = ctx.page(OrgUnit.findById(d.villageCode));
        return Templates.disclosure(p, new DisclosurePage(d,
                DisclosureAttachment.list("disclosureId = ?1 order by id", d.id),
                d.published() ? disclosures.versions(d.seriesId) : List.of(),
                "/api/t/" + p.tenant() + "/disclosures/" + d.id + "/receipt"));
    }

    /** 查看存证: the receipt and its verification on a page; the JSON stays at its API path. */
    @GET
    @Path("/d/{id}/receipt")
    @Transactional
    public TemplateInstance receipt(@PathParam("id") long id) {
        Disclosure d = access.requireRead(disclosures.find(id));
        if (!d.published() || d.auditSeq == null) {
            throw ProblemException.notFound("Disclosure " + id + " is not published.");
        }
        AuditEntry e = AuditEntry.findById(d.auditSeq);
        Page p = ctx.page(OrgUnit.findById(d.villageCode));
        return Templates.receipt(p, new ReceiptPage(d, e, AuditRecord.sha256(disclosures.payload(d)).equals(e.payloadDigest),
                audit.verify(Chain.PUBLIC), "/api/t/" + p.tenant() + "/disclosures/" + d.id + "/receipt"));
    }

    @GET
    @Path("/d/{id}/files/{file}")
    @Produces(MediaType.WILDCARD)
    @Transactional
    public Response file(@PathParam("id") long id, @PathParam("file") long file) {
        DisclosureAttachment a = disclosures.attachment(access.requireRead(disclosures.find(id)), file);
        return StoredFile.of(a.data, a.filename, null);
    }

    /** Search a village's disclosures (only what the caller may read) and, where it is on, the policy library. */
    @GET
    @Path("/v/{village}/search")
    @Transactional
    public TemplateInstance search(@PathParam("village") String code, @QueryParam("q") String q) {
        Page p = ctx.page(VillagePortal.village(code));
        String query = q == null ? "" : q.strip();
        List<Link> results = query.isEmpty() || query.length() > 100 ? List.of()
                : Stream.concat(disclosures(p, query), policies(p, query)).toList();
        return Templates.search(p, query, results);
    }

    private Stream<Link> disclosures(Page p, String query) {
        return disclosures.search(p.villageCode(), query, access.mayReadResidents(p.villageCode())).stream()
                .map(d -> new Link(d.title, p.base() + "/d/" + d.id, p.day(d.publishedAt),
                        p.category(d.category.name()), null));
    }

    private Stream<Link> policies(Page p, String query) {
        if (!features.isOn(p.tenant(), PolicyFeature.ID)) {
            return Stream.empty();
        }
        return policies.search(query, null).stream()
                .map(x -> new Link(x.title, p.base() + "/policies/" + x.id, null, p.t("col.policies"), null));
    }
}
