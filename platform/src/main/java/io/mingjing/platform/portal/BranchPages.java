package io.mingjing.platform.portal;

import io.mingjing.platform.branch.BranchFeature;
import io.mingjing.platform.branch.BranchLists;
import io.mingjing.platform.branch.BranchService;
import io.mingjing.platform.branch.BranchView;
import io.mingjing.platform.feature.OfFeature;
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

/** 网上支部 on a phone, without JavaScript: the member's branch's meetings, one meeting's minutes, 点赞 and comments. */
@OfFeature(BranchFeature.ID)
@Path("/t/{tenant}/branch")
@Produces(MediaType.TEXT_HTML)
@Authenticated
public class BranchPages {

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance list(Page p, BranchView.Page page);

        static native TemplateInstance one(Page p, BranchView m);
    }

    @Inject
    PortalContext ctx;
    @Inject
    BranchLists lists;
    @Inject
    BranchService branch;

    @GET
    public TemplateInstance list(@QueryParam("before") Long before) {
        return Templates.list(ctx.page(null), lists.meetings(before, 20));
    }

    @GET
    @Path("/{id}")
    @Transactional
    public TemplateInstance one(@PathParam("id") long id) {
        return Templates.one(ctx.page(null), lists.view(branch.readable(id)));
    }

    @POST
    @Path("/{id}/likes")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response like(@PathParam("id") long id, @FormParam("undo") String undo) {
        if ("1".equals(undo)) {
            branch.unlike(id);
        } else {
            branch.like(id);
        }
        return backTo(id);
    }

    @POST
    @Path("/{id}/comments")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response comment(@PathParam("id") long id, @FormParam("body") String body) {
        branch.comment(id, body);
        return backTo(id);
    }

    private Response backTo(long id) {
        return Response.seeOther(URI.create(ctx.page(null).base() + "/branch/" + id)).build();
    }
}
