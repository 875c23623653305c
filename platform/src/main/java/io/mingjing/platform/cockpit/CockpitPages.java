package io.mingjing.platform.cockpit;

import io.mingjing.platform.feature.OfFeature;
import io.mingjing.platform.input.Days;
import io.mingjing.platform.portal.Page;
import io.mingjing.platform.portal.PortalContext;
import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import io.quarkus.security.Authenticated;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

/**
 * The cockpit on a 1080p wall screen and on a phone, without JavaScript: figure cards, bar charts drawn
 * as SVG on the server with their tables, the units below ranked, and the export; the residents' page
 * shows the county's public counts.
 */
@OfFeature(CockpitFeature.ID)
@Path("/t/{tenant}")
@Produces(MediaType.TEXT_HTML)
public class CockpitPages {

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance staff(Page p, CockpitView v, String query);

        static native TemplateInstance figures(Page p, CockpitView v);
    }

    @Inject
    PortalContext ctx;
    @Inject
    Cockpit cockpit;

    @GET
    @Path("/staff/cockpit")
    @Authenticated
    public TemplateInstance staff(@QueryParam("unit") String unit, @QueryParam("from") String from,
            @QueryParam("to") String to) {
        Page p = ctx.page(null);
        CockpitView v = cockpit.view(unit, Days.of(from, "from"), Days.of(to, "to"), p.lang(), p.base());
        return Templates.staff(p, v, "unit=" + v.unit() + "&from=" + v.from() + "&to=" + v.to());
    }

    @GET
    @Path("/staff/cockpit/export")
    @Authenticated
    @Produces(CockpitExport.XLSX)
    public Response export(@QueryParam("unit") String unit, @QueryParam("from") String from,
            @QueryParam("to") String to) {
        Page p = ctx.page(null);
        return CockpitExport.response(cockpit.view(unit, Days.of(from, "from"), Days.of(to, "to"), p.lang(),
                p.base()));
    }

    /** What residents may see of the county's figures: counts, never people. */
    @GET
    @Path("/figures")
    public TemplateInstance figures(@QueryParam("from") String from, @QueryParam("to") String to) {
        Page p = ctx.page(null);
        return Templates.figures(p, cockpit.publicView(p.tenant(), Days.of(from, "from"), Days.of(to, "to"),
                p.lang(), p.base()));
    }
}
