package io.mingjing.platform.notice;

import io.mingjing.platform.feature.OfFeature;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponseSchema;
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
import java.net.URI;
import java.time.Instant;
import java.util.List;

/** Notices: staff publish to the places they act for; everyone reads a village's (and villagers get them in their inbox). */
@OfFeature(NoticeFeature.ID)
@Path("/api/t/{tenant}/notices")
@Produces(MediaType.APPLICATION_JSON)
public class NoticeResource {

    public record NoticeView(long id, String title, String body, String target, String code, Instant publishedAt,
            String auditHash) {
        static NoticeView of(Notice n) {
            return new NoticeView(n.id, n.title, n.body, n.targetLevel.name(), n.targetCode, n.publishedAt,
                    n.auditHash);
        }
    }

    @Inject
    NoticeService service;
    @Inject
    CurrentCaller caller;

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @Authenticated
    @Transactional
    @APIResponseSchema(value = NoticeView.class, responseCode = "201", responseDescription = "Created")
    public Response publish(@PathParam("tenant") String tenant, NoticeService.NewNotice n) {
        service.requirePublisher(n);
        Notice x = service.publish(n, caller.get().actor());
        return Response.created(URI.create("/api/t/" + tenant + "/notices/" + x.id)).entity(NoticeView.of(x)).build();
    }

    /** The notices a village's portal shows: the county's, its town's and its own. */
    @GET
    @Transactional
    public List<NoticeView> forVillage(@QueryParam("village") String village) {
        return service.forVillages(village == null ? List.of() : List.of(village), 50).stream().map(NoticeView::of)
                .toList();
    }

    @GET
    @Path("/{id}")
    @Transactional
    public NoticeView one(@PathParam("id") long id) {
        Notice n = Notice.findById(id);
        if (n == null) {
            throw ProblemException.notFound("No notice " + id + ".");
        }
        return NoticeView.of(n);
    }
}
