package io.mingjing.platform.policy;

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

/** 惠民政策 API: public reading and search; departments and admins publish. */
@OfFeature(PolicyFeature.ID)
@Path("/api/t/{tenant}/policies")
@Produces(MediaType.APPLICATION_JSON)
public class PolicyResource {

    public record PolicyView(long id, String title, String category, String department, String summary, String body,
            Instant publishedAt, List<PolicyService.Qa> qa) {
    }

    @Inject
    PolicyService service;
    @Inject
    CurrentCaller caller;

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @Authenticated
    @Transactional
    @APIResponseSchema(value = PolicyView.class, responseCode = "201", responseDescription = "Created")
    public Response create(@PathParam("tenant") String tenant, PolicyService.NewPolicy p) {
        service.requireAuthor();
        Policy x = service.create(p, caller.get().actor());
        return Response.created(URI.create("/api/t/" + tenant + "/policies/" + x.id)).entity(view(x, true)).build();
    }

    @GET
    @Transactional
    public List<PolicyView> search(@QueryParam("q") String q, @QueryParam("category") String category) {
        return service.search(q, category).stream().map(p -> view(p, false)).toList();
    }

    @GET
    @Path("/{id}")
    @Transactional
    public PolicyView one(@PathParam("id") long id) {
        Policy p = Policy.findById(id);
        if (p == null) {
            throw ProblemException.notFound("No policy " + id + ".");
        }
        return view(p, true);
    }

    PolicyView view(Policy p, boolean full) {
        return new PolicyView(p.id, p.title, p.category, p.department, p.summary, full ? p.body : null, p.publishedAt,
                full ? service.qa(p.id).stream().map(q -> new PolicyService.Qa(q.question, q.answer)).toList() : null);
    }
}
