package io.mingjing.platform.portal;

import io.mingjing.platform.feature.OfFeature;
import io.mingjing.platform.orgunit.OrgUnit;
import io.mingjing.platform.powerlist.PowerItem;
import io.mingjing.platform.powerlist.PowerListFeature;
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

/** One item of the power list with its flow, in the village it was opened from. */
@Path("/t/{tenant}/power")
@Produces(MediaType.TEXT_HTML)
@OfFeature(PowerListFeature.ID)
public class PowerListPages {

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance power(Page p, PowerItem item);
    }

    @Inject
    PortalContext ctx;

    @GET
    @Path("/{id}")
    @Transactional
    public TemplateInstance power(@PathParam("id") long id, @QueryParam("v") String village) {
        PowerItem item = PowerItem.findById(id);
        if (item == null) {
            throw ProblemException.notFound("No power-list item " + id + ".");
        }
        OrgUnit v = village == null || !village.matches("\\d{12}") ? VillagePortal.remembered(ctx)
                : OrgUnit.findById(village);
        return Templates.power(ctx.page(v), item);
    }
}
