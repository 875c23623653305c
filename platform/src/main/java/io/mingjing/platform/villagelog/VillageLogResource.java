package io.mingjing.platform.villagelog;

import io.mingjing.platform.feature.OfFeature;
import io.mingjing.platform.problem.ProblemException;
import io.mingjing.platform.villagelog.VillageLogView.NewEntry;
import io.quarkus.security.Authenticated;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.net.URI;
import java.util.List;
import java.util.Map;
import org.eclipse.microprofile.openapi.annotations.Operation;

/** 村情记录 over HTTP: recording, photos, and the keyword search within the caller's places. */
@OfFeature(VillageLogFeature.ID)
@Path("/api/t/{tenant}/village-log")
@Produces(MediaType.APPLICATION_JSON)
@Authenticated
public class VillageLogResource {

    @Inject
    VillageLogService log;
    @Inject
    VillageLogSearch search;

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "A cadre records an entry of the village: text, place, tags, time, public or not")
    public Response record(@PathParam("tenant") String tenant, NewEntry r) {
        VillageLog e = log.record(r);
        return Response.created(URI.create("/api/t/" + tenant + "/village-log/" + e.id))
                .entity(VillageLogSearch.view(e, List.of())).build();
    }

    @GET
    @Operation(summary = "Entries within the caller's places, newest first; q finds Chinese words of two characters and more")
    public VillageLogView.Page search(@QueryParam("q") String q, @QueryParam("village") String village,
            @QueryParam("town") String town, @QueryParam("before") Long before,
            @QueryParam("limit") @DefaultValue("20") int limit) {
        return search.search(q, village, town, before, limit);
    }

    @GET
    @Path("/{id}")
    @Transactional
    public VillageLogView one(@PathParam("id") long id) {
        return search.view(search.readable(id));
    }

    @POST
    @Path("/{id}/photos")
    @Consumes(MediaType.APPLICATION_OCTET_STREAM)
    @Operation(summary = "Add a photo (JPEG, PNG, WebP, at most 5 MB)")
    public Response photo(@PathParam("id") long id, byte[] data) {
        VillageLogPhoto p = log.photo(id, data);
        return Response.status(201).entity(Map.of("id", p.id, "contentType", p.contentType, "sha256", p.sha256)).build();
    }

    @GET
    @Path("/{id}/photos/{photo}")
    @Produces(MediaType.WILDCARD)
    @Transactional
    public Response download(@PathParam("id") long id, @PathParam("photo") long photo) {
        VillageLog e = search.readable(id);
        VillageLogPhoto p = VillageLogPhoto.find("id = ?1 and logId = ?2", photo, e.id).firstResult();
        if (p == null) {
            throw ProblemException.notFound("No photo " + photo + " of entry " + id + ".");
        }
        return Response.ok(p.data, p.contentType).header("X-Content-Type-Options", "nosniff").build();
    }
}
