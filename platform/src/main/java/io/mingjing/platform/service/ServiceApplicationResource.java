package io.mingjing.platform.service;

import io.mingjing.platform.feature.OfFeature;
import io.mingjing.platform.input.Choices;
import io.mingjing.platform.service.ServiceRequests.Decision;
import io.mingjing.platform.service.ServiceRequests.NewApplication;
import io.mingjing.platform.service.ServiceRequests.Rating;
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
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponseSchema;

/** Service applications over HTTP: filing (resident or agent), materials, submission, decisions, rating. */
@OfFeature(ServiceFeature.ID)
@Path("/api/t/{tenant}/service-applications")
@Produces(MediaType.APPLICATION_JSON)
@Authenticated
public class ServiceApplicationResource {

    @Inject
    ServiceApplications applications;
    @Inject
    ServiceLists lists;

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Apply (a resident for themselves, an agent for a resident of their village); the form is checked against the item's JSON Schema")
    @APIResponseSchema(value = ServiceView.class, responseCode = "201", responseDescription = "Created")
    public Response apply(@PathParam("tenant") String tenant, NewApplication request) {
        ServiceApplication a = applications.apply(request);
        return Response.created(URI.create("/api/t/" + tenant + "/service-applications/" + a.id))
                .entity(lists.view(a)).build();
    }

    @GET
    @Operation(summary = "A villager's own applications; staff: their places' (or one village's); newest first, keyset pages")
    public ServiceView.Page list(@QueryParam("village") String village, @QueryParam("state") String state,
            @QueryParam("before") Long before, @QueryParam("limit") @DefaultValue("20") int limit) {
        return lists.list(village, Choices.of(ServiceState.class, "state", state), before, limit);
    }

    @GET
    @Path("/queue")
    @Operation(summary = "The applications whose open step waits for the caller")
    public ServiceView.Page queue(@QueryParam("before") Long before, @QueryParam("limit") @DefaultValue("20") int limit) {
        return lists.queue(before, limit);
    }

    @GET
    @Path("/{id}")
    @Transactional
    public ServiceView one(@PathParam("id") long id) {
        return lists.view(applications.readable(id));
    }

    @POST
    @Path("/{id}/materials")
    @Consumes(MediaType.APPLICATION_OCTET_STREAM)
    @Operation(summary = "A photographed or scanned material (JPEG, PNG, WebP or PDF) of the item's list, for a draft or a 补正")
    @APIResponseSchema(value = ServiceView.MaterialView.class, responseCode = "201", responseDescription = "Created")
    public Response attach(@PathParam("tenant") String tenant, @PathParam("id") long id,
            @QueryParam("material") String material, @QueryParam("filename") String filename, byte[] data) {
        ServiceMaterial m = applications.attach(id, material, filename, data);
        return Response.created(URI.create("/api/t/" + tenant + "/service-applications/" + id + "/materials/" + m.id))
                .entity(new ServiceView.MaterialView(m.id, m.material, m.material, m.filename, m.contentType, m.sha256))
                .build();
    }

    @GET
    @Path("/{id}/materials/{file}")
    @Produces(MediaType.WILDCARD)
    @Transactional
    public Response download(@PathParam("id") long id, @PathParam("file") long file) {
        return applications.material(id, file);
    }

    @POST
    @Path("/{id}/submission")
    @Operation(summary = "Send a draft on, or a 补正 back; 422 names each material still missing")
    public ServiceView submit(@PathParam("id") long id) {
        return lists.view(applications.submit(id));
    }

    @POST
    @Path("/{id}/decisions")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Take on (intake), approve, reject or ask once for what is missing (SUPPLEMENT); seq is the stage as seen")
    public ServiceView decide(@PathParam("id") long id, Decision decision) {
        return lists.view(applications.decide(id, decision));
    }

    @POST
    @Path("/{id}/rating")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "The applicant's rating (1–5) of a finished application, once")
    public ServiceView rate(@PathParam("id") long id, Rating rating) {
        return lists.view(applications.rate(id, rating));
    }
}
