package io.mingjing.platform.approval;

import io.mingjing.platform.feature.OfFeature;
import io.quarkus.security.Authenticated;
import jakarta.inject.Inject;
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

/** A village's seals and 用印登记, the register the supervisory committee and inspectors read. */
@OfFeature(ApprovalFeature.ID)
@Path("/api/t/{tenant}/seals")
@Produces(MediaType.APPLICATION_JSON)
@Authenticated
public class SealResource {

    @Inject
    Seals seals;
    @Inject
    ApprovalLists lists;

    @GET
    public List<Seals.SealView> list(@QueryParam("village") String village) {
        return seals.list(village);
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    public Response create(@PathParam("tenant") String tenant, Seals.NewSeal n) {
        Seals.SealView s = seals.create(n);
        return Response.created(URI.create("/api/t/" + tenant + "/seals/" + s.id())).entity(s).build();
    }

    @GET
    @Path("/register")
    public List<Map<String, Object>> register(@QueryParam("village") String village,
            @QueryParam("limit") @DefaultValue("100") int limit) {
        return lists.sealRegister(village, limit);
    }
}
