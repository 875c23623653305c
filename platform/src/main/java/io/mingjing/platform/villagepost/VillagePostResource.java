package io.mingjing.platform.villagepost;

import io.mingjing.platform.feature.OfFeature;
import io.mingjing.platform.identity.CurrentCaller;
import io.mingjing.platform.problem.ProblemException;
import io.quarkus.security.Authenticated;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponseSchema;
import java.net.URI;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/** A village's rules (制度公约) and honours (荣誉): public, published by the village's staff. */
@OfFeature(VillagePostFeature.ID)
@Path("/api/t/{tenant}/villages/{village}/posts")
@Produces(MediaType.APPLICATION_JSON)
public class VillagePostResource {

    public record PostView(long id, String village, String kind, String title, String body, Instant publishedAt,
            String auditHash) {
        static PostView of(VillagePost p) {
            return new PostView(p.id, p.villageCode, p.kind.name(), p.title, p.body, p.publishedAt, p.auditHash);
        }
    }

    @Inject
    CurrentCaller caller;
    @Inject
    VillagePosts posts;

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @Authenticated
    @Transactional
    @APIResponseSchema(value = PostView.class, responseCode = "201", responseDescription = "Created")
    public Response create(@PathParam("tenant") String tenant, @PathParam("village") String village, VillagePosts.NewPost n) {
        posts.requireAuthor(village);
        VillagePost p = posts.create(village, n, caller.get().actor());
        return Response.created(URI.create("/api/t/" + tenant + "/villages/" + village + "/posts/" + p.id))
                .entity(PostView.of(p)).build();
    }

    @GET
    @Transactional
    public List<PostView> list(@PathParam("village") String village, @QueryParam("kind") String kind) {
        VillagePost.Kind k;
        try {
            k = kind == null ? null : VillagePost.Kind.valueOf(kind);
        } catch (IllegalArgumentException e) {
            throw ProblemException.invalid(400, "Unknown kind.", Map.of("kind", "must be RULE or HONOUR"));
        }
        return posts.list(village, k).stream().map(PostView::of).toList();
    }

}
