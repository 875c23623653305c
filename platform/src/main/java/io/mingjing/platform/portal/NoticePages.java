package io.mingjing.platform.portal;

import io.mingjing.platform.feature.OfFeature;
import io.mingjing.platform.notice.Notice;
import io.mingjing.platform.notice.NoticeFeature;
import io.mingjing.platform.problem.ProblemException;
import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

/** One notice of the county, town or village. */
@Path("/t/{tenant}/notices")
@Produces(MediaType.TEXT_HTML)
@OfFeature(NoticeFeature.ID)
public class NoticePages {

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance notice(Page p, Notice n);
    }

    @Inject
    PortalContext ctx;

    @GET
    @Path("/{id}")
    @Transactional
    public TemplateInstance notice(@PathParam("id") long id) {
        Notice n = Notice.findById(id);
        if (n == null) {
            throw ProblemException.notFound("No notice " + id + ".");
        }
        return Templates.notice(ctx.page(VillagePortal.remembered(ctx)), n);
    }
}
