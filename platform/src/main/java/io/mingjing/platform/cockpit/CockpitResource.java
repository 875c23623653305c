package io.mingjing.platform.cockpit;

import io.mingjing.platform.feature.OfFeature;
import io.mingjing.platform.input.Days;
import io.mingjing.platform.portal.PortalContext;
import io.quarkus.security.Authenticated;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.openapi.annotations.Operation;

/** The cockpit as data: a unit's figures over a period, and the same as a spreadsheet. */
@OfFeature(CockpitFeature.ID)
@Path("/api/t/{tenant}/cockpit")
@Authenticated
public class CockpitResource {

    @Inject
    Cockpit cockpit;
    @Inject
    PortalContext ctx;

    /** @param unit {@code county} (default for county-wide staff), a town's or a village's code; from, to: days, inclusive */
    @GET
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(summary = "A unit's figures over a period, from the rollups: headlines, charts, the units below ranked")
    public CockpitView figures(@PathParam("tenant") String tenant, @QueryParam("unit") String unit,
            @QueryParam("from") String from, @QueryParam("to") String to) {
        return cockpit.view(unit, Days.of(from, "from"), Days.of(to, "to"), ctx.lang(), "/t/" + tenant);
    }

    @GET
    @Path("/export")
    @Operation(summary = "The same figures as an .xlsx workbook: headlines, one sheet per chart, the ranking")
    @Produces(CockpitExport.XLSX)
    public Response export(@PathParam("tenant") String tenant, @QueryParam("unit") String unit,
            @QueryParam("from") String from, @QueryParam("to") String to) {
        return CockpitExport.response(figures(tenant, unit, from, to));
    }
}
