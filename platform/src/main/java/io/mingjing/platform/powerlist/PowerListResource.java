package io.mingjing.platform.powerlist;

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
import java.util.List;

/** The power list: public; county-wide items by admins and departments, a village's own by its staff. */
@OfFeature(PowerListFeature.ID)
@Path("/api/t/{tenant}/power-items")
@Produces(MediaType.APPLICATION_JSON)
public class PowerListResource {

    public record ItemView(long id, String village, String category, String title, String legalBasis,
            String responsibleRole, List<String> steps) {
        static ItemView of(PowerItem p) {
            return new ItemView(p.id, p.villageCode, p.category, p.title, p.legalBasis, p.responsibleRole, p.steps);
        }
    }

    @Inject
    PowerListService service;
    @Inject
    CurrentCaller caller;

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @Authenticated
    @Transactional
    @APIResponseSchema(value = ItemView.class, responseCode = "201", responseDescription = "Created")
    public Response create(@PathParam("tenant") String tenant, PowerListService.NewItem n) {
        service.requireAuthor(n);
        PowerItem x = service.create(n, caller.get().actor());
        return Response.created(URI.create("/api/t/" + tenant + "/power-items/" + x.id)).entity(ItemView.of(x))
                .build();
    }

    @GET
    @Transactional
    public List<ItemView> list(@QueryParam("village") String village) {
        return (village == null ? PowerItem.<PowerItem>list("villageCode is null order by category, position, id")
                : service.forVillage(village)).stream().map(ItemView::of).toList();
    }

    @GET
    @Path("/{id}")
    @Transactional
    public ItemView one(@PathParam("id") long id) {
        PowerItem p = PowerItem.findById(id);
        if (p == null) {
            throw ProblemException.notFound("No power-list item " + id + ".");
        }
        return ItemView.of(p);
    }
}
