package io.mingjing.platform.villagepost;

import org.eclipse.microprofile.openapi.annotations.responses.APIResponseSchema;
import io.mingjing.platform.audit.AuditLog;
import io.mingjing.platform.identity.CurrentCaller;
import io.mingjing.platform.identity.Role;
import io.mingjing.platform.orgunit.OrgUnit;
import io.mingjing.platform.orgunit.OrgUnitLevel;
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
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** A village's rules (制度公约) and honours (荣誉): public, published by the village's staff. */
@Path("/api/t/{tenant}/villages/{village}/posts")
@Produces(MediaType.APPLICATION_JSON)
public class VillagePostResource {

    public record NewPost(String kind, String title, String body) {
    }

    public record PostView(long id, String village, String kind, String title, String body, Instant publishedAt,
            String auditHash) {
        static PostView of(VillagePost p) {
            return new PostView(p.id, p.villageCode, p.kind.name(), p.title, p.body, p.publishedAt, p.auditHash);
        }
    }

    @Inject
    CurrentCaller caller;
    @Inject
    AuditLog audit;

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @Authenticated
    @Transactional
    @APIResponseSchema(value = PostView.class, responseCode = "201", responseDescription = "Created")
    public Response create(@PathParam("tenant") String tenant, @PathParam("village") String village, NewPost n) {
        caller.requireRole(Role.CADRE, Role.TOWN_OFFICIAL, Role.TENANT_ADMIN);
        caller.requireActOn(village);
        VillagePost p = create(village, n, caller.get().actor(), audit);
        return Response.created(URI.create("/api/t/" + tenant + "/villages/" + village + "/posts/" + p.id))
                .entity(PostView.of(p)).build();
    }

    /** Writes a post (also used by demo descriptors); the caller has checked who may. */
    public static VillagePost create(String village, NewPost n, String actor, AuditLog audit) {
        Map<String, String> errors = new LinkedHashMap<>();
        OrgUnit u = village == null ? null : OrgUnit.findById(village);
        if (u == null || u.level != OrgUnitLevel.VILLAGE) {
            throw ProblemException.notFound("No village " + village + " in this county.");
        }
        VillagePost.Kind kind = null;
        try {
            kind = VillagePost.Kind.valueOf(n == null ? "" : n.kind());
        } catch (RuntimeException e) {
            errors.put("kind", "must be RULE or HONOUR");
        }
        if (n == null || n.title() == null || n.title().isBlank() || n.title().length() > 200) {
            errors.put("title", "must be 1-200 characters");
        }
        if (n == null || n.body() == null || n.body().isBlank() || n.body().length() > 20_000) {
            errors.put("body", "must be 1-20000 characters");
        }
        if (!errors.isEmpty()) {
            throw ProblemException.invalid(400, "The post is not valid.", errors);
        }
        VillagePost p = new VillagePost();
        p.villageCode = village;
        p.kind = kind;
        p.title = n.title().strip();
        p.body = n.body();
        p.publishedAt = Instant.now();
        p.persist();
        p.auditHash = audit.append(actor, "village-post.published", "VillagePost", p.id.toString(),
                (p.kind + "\n" + p.title + "\n" + p.body).getBytes(StandardCharsets.UTF_8)).hash;
        return p;
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
        return list(village, k).stream().map(PostView::of).toList();
    }

    public static List<VillagePost> list(String village, VillagePost.Kind kind) {
        return kind == null ? VillagePost.list("villageCode = ?1 order by publishedAt desc", village)
                : VillagePost.list("villageCode = ?1 and kind = ?2 order by publishedAt desc", village, kind);
    }
}
