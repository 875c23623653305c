package io.mingjing.platform.portal;

import io.mingjing.platform.problem.ProblemException;
import io.mingjing.platform.disclosure.Disclosure;
import io.mingjing.platform.disclosure.DisclosureAccess;
import io.mingjing.platform.disclosure.DisclosureService;
import io.mingjing.platform.feature.Features;
import io.mingjing.platform.identity.CurrentCaller;
import io.mingjing.platform.identity.Role;
import io.mingjing.platform.orgunit.OrgUnit;
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
import java.net.URI;
import java.util.List;

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

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance home(Page p, List<Entry> entries);

        static native TemplateInstance work(Page p, List<WorkItem> items, OrgUnit ownVillage);
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

    @GET
    public TemplateInstance home() {
        Page p = ctx.page(null);
        List<Entry> entries = features.on(p.tenant()).stream().flatMap(f -> f.staffPages().stream())
                .filter(s -> p.caller().fits(s.role())).map(s -> new Entry(p.english() ? s.label().en()
                        : s.label().zh(), p.base() + s.path())).distinct().toList();
        return Templates.home(p, entries);
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
        return Templates.work(ctx.page(null), items, drafts ? own : null);
    }

    @POST
    @Path("/disclosures")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    @Transactional
    public Response draft(@PathParam("tenant") String tenant, @FormParam("village") String village,
            @FormParam("category") String category, @FormParam("title") String title,
            @FormParam("period") String period, @FormParam("body") String body,
            @FormParam("visibility") String visibility) {
        access.requireAuthor(village);
        service.draft(village, new DisclosureService.Draft(category, title, period, body, null, visibility),
                access.actor());
        return back(tenant);
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
