package io.mingjing.platform.inspection;

import io.mingjing.platform.feature.OfFeature;
import io.mingjing.platform.inspection.InspectionRequests.Closing;
import io.mingjing.platform.inspection.InspectionRequests.NewRound;
import io.mingjing.platform.inspection.InspectionRequests.VillageResult;
import io.mingjing.platform.input.Choices;
import io.quarkus.security.Authenticated;
import jakarta.inject.Inject;
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
import java.net.URI;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.Operation;

/** 电子抽检 over HTTP: rounds, their draws, a village's sample and its result. */
@OfFeature(InspectionFeature.ID)
@Path("/api/t/{tenant}/inspections")
@Produces(MediaType.APPLICATION_JSON)
@Authenticated
public class InspectionResource {

    @Inject
    InspectionService inspections;
    @Inject
    InspectionLists lists;

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Open a round over a period: the villages named, or a number of them drawn at random, and up to perKind records of each kind of each")
    public Response open(@PathParam("tenant") String tenant, NewRound r) {
        InspectionRound round = inspections.open(r);
        return Response.created(URI.create("/api/t/" + tenant + "/inspections/" + round.id))
                .entity(lists.round(round.id)).build();
    }

    @GET
    @Operation(summary = "Rounds with a village within the caller's places, newest first, keyset pages; counts of those villages only")
    public InspectionView.RoundPage list(@QueryParam("state") String state, @QueryParam("before") Long before,
            @QueryParam("limit") @DefaultValue("20") int limit) {
        return lists.list(Choices.of(InspectionRound.State.class, "state", state), before, limit);
    }

    @GET
    @Path("/kinds")
    @Operation(summary = "The kinds of record a round may sample in this county")
    public List<InspectionView.SampleKind> kinds() {
        return lists.kinds();
    }

    @GET
    @Path("/{id}")
    @Operation(summary = "A round with its seed and the villages within the caller's places, in the order drawn, with their results")
    public InspectionView one(@PathParam("id") long id) {
        return lists.round(id);
    }

    @GET
    @Path("/{id}/villages/{village}")
    @Operation(summary = "A village of a round: the records drawn with their links and receipts, its result and earlier versions")
    public InspectionView.VillageSample village(@PathParam("id") long id, @PathParam("village") String village) {
        return lists.village(id, village);
    }

    @PUT
    @Path("/{id}/villages/{village}/result")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Record the village's result (PASS, RECTIFY with correction and deadline, FAIL with comment); amending one needs a reason")
    public InspectionView.VillageSample record(@PathParam("id") long id, @PathParam("village") String village, VillageResult r) {
        inspections.record(id, village, r);
        return lists.village(id, village);
    }

    @POST
    @Path("/{id}/close")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Close the round before every village has a result")
    public InspectionView close(@PathParam("id") long id, Closing c) {
        inspections.close(id, c == null ? null : c.note());
        return lists.round(id);
    }
}
