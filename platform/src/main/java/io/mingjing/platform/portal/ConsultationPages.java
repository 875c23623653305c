package io.mingjing.platform.portal;

import io.mingjing.platform.consultation.ConsultationFeature;
import io.mingjing.platform.consultation.ConsultationLists;
import io.mingjing.platform.consultation.ConsultationRequests;
import io.mingjing.platform.consultation.ConsultationService;
import io.mingjing.platform.consultation.ConsultationView;
import io.mingjing.platform.feature.OfFeature;
import io.mingjing.platform.resident.Resident;
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
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.net.URI;

/**
 * 码上协商 on a phone, without JavaScript: a village's topics, one topic with its discussion (words as
 * written, escaped by the template), the secret ballot and the comment form. The service does the checking.
 */
@OfFeature(ConsultationFeature.ID)
@Path("/t/{tenant}/consultations")
@Produces(MediaType.TEXT_HTML)
@Authenticated
public class ConsultationPages {

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance list(Page p, String village, ConsultationView.Page page);

        static native TemplateInstance one(Page p, ConsultationView c, boolean mayVote, boolean mayComment);
    }

    @Inject
    PortalContext ctx;
    @Inject
    ConsultationLists lists;
    @Inject
    ConsultationService consultations;

    /** The caller's own village: a resident's registered one, a staff member's unit, or the one asked for. */
    @GET
    @Transactional
    public TemplateInstance list(@QueryParam("village") String village, @QueryParam("before") Long before) {
        Page p = ctx.page(null);
        String v = village;
        if (v == null) {
            Resident me = Resident.byUserId(p.caller().userId());
            v = me != null ? me.registeredVillage : p.caller().orgUnit();
        }
        return Templates.list(p, v, lists.list(v, before, 20));
    }

    @GET
    @Path("/{id}")
    @Transactional
    public TemplateInstance one(@PathParam("id") long id) {
        Page p = ctx.page(null);
        ConsultationView c = lists.view(consultations.readable(id));
        boolean open = c.state().equals("OPEN") || c.state().equals("VOTING");
        return Templates.one(p, c, c.state().equals("VOTING") && Boolean.FALSE.equals(c.voted()), open);
    }

    @POST
    @Path("/{id}/ballots")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response vote(@PathParam("id") long id, @FormParam("choice") Integer choice) {
        consultations.vote(id, choice);
        return backTo(id);
    }

    @POST
    @Path("/{id}/comments")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response comment(@PathParam("id") long id, @FormParam("body") String body) {
        consultations.comment(id, new ConsultationRequests.NewComment(body));
        return backTo(id);
    }

    /** Post/redirect/get, so a reload does not send the form again. */
    private Response backTo(long id) {
        return Response.seeOther(URI.create(ctx.page(null).base() + "/consultations/" + id)).build();
    }
}
