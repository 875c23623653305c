package io.mingjing.platform.portal;

import io.mingjing.platform.appeal.Appraisals;
import io.mingjing.platform.problem.ProblemException;
import io.mingjing.platform.disclosure.Disclosure;
import io.mingjing.platform.disclosure.DisclosureAccess;
import io.mingjing.platform.disclosure.DisclosureAttachment;
import io.mingjing.platform.disclosure.DisclosureService;
import io.mingjing.platform.feature.Features;
import io.mingjing.platform.identity.CurrentCaller;
import io.mingjing.platform.identity.Role;
import io.mingjing.platform.orgunit.OrgUnit;
import io.mingjing.platform.orgunit.OrgUnitLevel;
import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import io.quarkus.security.Authenticated;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.FormParam;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.util.List;
import java.util.Map;
import org.jboss.resteasy.reactive.RestForm;
import org.jboss.resteasy.reactive.multipart.FileUpload;

/**
 * Staff pages: the staff home lists the staff pages of the features the county has on, for the
 * caller's roles; a cadre drafts and submits a disclosure, a town official publishes it or returns it
 * with a reason. The same checks and services as the API.
 */
@Path("/t/{tenant}/staff")
@Produces(MediaType.TEXT_HTML)
@Authenticated
public class StaffPortal {

    public record WorkItem(Disclosure d, String villageName, boolean author, boolean reviewer) {
    }

    /** An entry of the staff home: a label in the page's language and where it leads. */
    public record Entry(String label, String href) {
    }

    /** A handling unit's 红黄绿 record as the appraisal page shows it: its name, not its code. */
    public record Appraised(String name, Appraisals.UnitRecord r) {
        public String satisfaction() {
            return r.satisfaction() == null ? "—" : Math.round(r.satisfaction() * 100) + "%";
        }

        public String medianHours() {
            return r.medianHours() == null ? "—" : String.valueOf(Math.round(r.medianHours()));
        }
    }

    /**
     * A disclosure's draft form: a new version of a published one (a correction, with its reason), or
     * changes to a draft; {@code lines} one a line, "label | income or expense | amount".
     */
    public record DraftForm(String action, Disclosure d, String lines, boolean correction) {
    }

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance draft(Page p, DraftForm f);

        static native TemplateInstance confirm(Page p, Disclosure d, List<DisclosureAttachment> files);

        static native TemplateInstance home(Page p, List<Entry> entries);

        static native TemplateInstance appraisal(Page p, List<Appraised> units);

        static native TemplateInstance qr(Page p, List<OrgUnit> villages);

        static native TemplateInstance work(Page p, List<WorkItem> items, OrgUnit ownVillage, List<Disclosure> published);
    }

    @Inject
    PortalContext ctx;
    @Inject
    CurrentCaller caller;
    @Inject
    DisclosureAccess access;
    @Inject
    DisclosureService service;
    @Inject
    Features features;
    @Inject
    Appraisals appraisals;
    @Inject
    StaffPlaces staffPlaces;

    @GET
    public TemplateInstance home() {
        Page p = ctx.page(null);
        List<Entry> entries = features.on(p.tenant()).stream().flatMap(f -> f.staffPages().stream())
                .filter(s -> p.caller().fits(s.role())).map(s -> new Entry(p.english() ? s.label().en()
                        : s.label().zh(), p.base() + s.path())).distinct().toList();
        return Templates.home(p, entries);
    }

    /** 红黄绿 评议: each handling unit's cases by colour, median handling time and satisfaction. */
    @GET
    @Path("/appraisal")
    @Transactional
    public TemplateInstance appraisal() {
        Page p = ctx.page(null);
        List<Appraised> units = appraisals.units().stream().map(r -> new Appraised(unitName(p, r), r)).toList();
        return Templates.appraisal(p, units);
    }

    private static String unitName(Page p, Appraisals.UnitRecord r) {
        if (r.unit() == null || "inspectors".equals(r.unit())) {
            return p.tt("case.level.", r.level());
        }
        OrgUnit u = r.unit().matches("\\d{12}") ? OrgUnit.findById(r.unit()) : null;
        return (u == null ? r.unit() : u.name) + " · " + p.tt("case.level.", r.level());
    }

    /** The QR-card sheet of the caller's village, or the villages they serve to pick from. */
    @GET
    @Path("/qr")
    @Transactional
    public Response qr() {
        List<OrgUnit> villages = staffPlaces.mine(OrgUnitLevel.VILLAGE);
        Page p = ctx.page(null);
        if (villages.size() == 1) {
            return Response.seeOther(URI.create(p.base() + "/v/" + villages.get(0).code + "/qr-sheet")).build();
        }
        return Response.ok(Templates.qr(p, villages)).build();
    }

    @GET
    @Path("/disclosures")
    @Transactional
    public TemplateInstance work() {
        List<WorkItem> items = Disclosure.<Disclosure>list("status <> ?1 order by createdAt desc",
                Disclosure.Status.PUBLISHED).stream().filter(d -> access.isStaffFor(d.villageCode)).limit(200)
                .map(d -> {
                    OrgUnit v = OrgUnit.findById(d.villageCode);
                    return new WorkItem(d, v == null ? d.villageCode : v.name,
                            caller.get().hasRole(Role.CADRE) || caller.get().hasRole(Role.BOOKKEEPER),
                            caller.get().hasRole(Role.TOWN_OFFICIAL) || caller.get().hasRole(Role.TENANT_ADMIN));
                }).toList();
        OrgUnit own = caller.get().orgUnit() == null ? null : OrgUnit.findById(caller.get().orgUnit());
        boolean drafts = own != null && (caller.get().hasRole(Role.CADRE) || caller.get().hasRole(Role.BOOKKEEPER));
        // the latest published versions an author may correct
        List<Disclosure> published = drafts ? Disclosure.<Disclosure>find("status = ?1 and supersededBy is null and "
                + "villageCode = ?2 order by publishedAt desc", Disclosure.Status.PUBLISHED, own.code).page(0, 20).list()
                : List.of();
        return Templates.work(ctx.page(null), items, drafts ? own : null, published);
    }

    @POST
    @Path("/disclosures")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    @Transactional
    public Response draft(@PathParam("tenant") String tenant, @FormParam("village") String village,
            @FormParam("category") String category, @FormParam("title") String title,
            @FormParam("period") String period, @FormParam("body") String body,
            @FormParam("visibility") String visibility, @FormParam("lines") String lines) {
        access.requireAuthor(village);
        service.draft(village, new DisclosureService.Draft(category, title, period, body, DisclosureLines.parse(lines),
                visibility), access.actor());
        return back(tenant);
    }

    /** A draft or returned version, to change before it is submitted again. */
    @GET
    @Path("/disclosures/{id}/edit")
    @Transactional
    public TemplateInstance editForm(@PathParam("id") long id) {
        Disclosure d = unpublishedOfMine(id);
        return Templates.draft(ctx.page(null), new DraftForm(ctx.page(null).base() + "/staff/disclosures/" + id
                + "/edit", d, DisclosureLines.format(d.lines), false));
    }

    @POST
    @Path("/disclosures/{id}/edit")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    @Transactional
    public Response edit(@PathParam("tenant") String tenant, @PathParam("id") long id,
            @FormParam("category") String category, @FormParam("title") String title,
            @FormParam("period") String period, @FormParam("body") String body,
            @FormParam("visibility") String visibility, @FormParam("lines") String lines) {
        unpublishedOfMine(id);
        service.update(id, new DisclosureService.Draft(category, title, period, body, DisclosureLines.parse(lines),
                visibility), access.actor());
        return back(tenant);
    }

    /** 更正: a published version's correction starts as a draft of the next version, with its reason. */
    @GET
    @Path("/disclosures/{id}/correct")
    @Transactional
    public TemplateInstance correctForm(@PathParam("id") long id) {
        Disclosure d = access.requireRead(service.find(id));
        access.requireAuthor(d.villageCode);
        return Templates.draft(ctx.page(null), new DraftForm(ctx.page(null).base() + "/staff/disclosures/" + id
                + "/correct", d, DisclosureLines.format(d.lines), true));
    }

    @POST
    @Path("/disclosures/{id}/correct")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    @Transactional
    public Response correct(@PathParam("tenant") String tenant, @PathParam("id") long id,
            @FormParam("reason") String reason, @FormParam("category") String category,
            @FormParam("title") String title, @FormParam("period") String period, @FormParam("body") String body,
            @FormParam("visibility") String visibility, @FormParam("lines") String lines) {
        access.requireAuthor(access.requireRead(service.find(id)).villageCode);
        service.correct(id, new DisclosureService.Draft(category, title, period, body, DisclosureLines.parse(lines),
                visibility), reason, access.actor());
        return back(tenant);
    }

    /** A file for a draft (a scanned invoice, a contract): documents only, checked by their bytes. */
    @POST
    @Path("/disclosures/{id}/attachments")
    @Consumes(MediaType.MULTIPART_FORM_DATA)
    @Transactional
    public Response attach(@PathParam("tenant") String tenant, @PathParam("id") long id,
            @RestForm("file") FileUpload file) throws IOException {
        unpublishedOfMine(id);
        if (file == null || file.fileName() == null) {
            throw ProblemException.invalid(400, "Choose a file.", Map.of("file", "is required"));
        }
        service.attach(id, file.fileName(), Files.readAllBytes(file.uploadedFile()), access.actor());
        return back(tenant);
    }

    /** What the town official is about to publish, all of it, before it goes out for good. */
    @GET
    @Path("/disclosures/{id}/confirm")
    @Transactional
    public TemplateInstance confirm(@PathParam("id") long id) {
        Disclosure d = access.requireRead(service.find(id));
        access.requireReviewer(d.villageCode);
        return Templates.confirm(ctx.page(OrgUnit.findById(d.villageCode)), d,
                DisclosureAttachment.list("disclosureId = ?1 order by id", d.id));
    }

    private Disclosure unpublishedOfMine(long id) {
        Disclosure d = access.requireRead(service.find(id));
        access.requireAuthor(d.villageCode);
        return d;
    }

    @POST
    @Path("/disclosures/{id}/{action}")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    @Transactional
    public Response act(@PathParam("tenant") String tenant, @PathParam("id") long id,
            @PathParam("action") String action, @FormParam("reason") String reason) {
        Disclosure d = access.requireRead(service.find(id));
        switch (action) {
            case "submit" -> {
                access.requireAuthor(d.villageCode);
                service.submit(id, access.actor());
            }
            case "publish" -> {
                access.requireReviewer(d.villageCode);
                service.publish(id, access.actor());
            }
            case "return" -> {
                access.requireReviewer(d.villageCode);
                service.returnForChanges(id, reason, access.actor());
            }
            default -> throw ProblemException.notFound("No action " + action + ".");
        }
        return back(tenant);
    }

    private static Response back(String tenant) {
        return Response.seeOther(URI.create("/t/" + tenant + "/staff/disclosures")).build();
    }
}
