package io.mingjing.platform.warning;

import io.mingjing.platform.feature.OfFeature;
import io.mingjing.platform.input.Choices;
import io.mingjing.platform.problem.ProblemException;
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
import org.eclipse.microprofile.openapi.annotations.Operation;

/** 预警 over HTTP: the 红黄绿 list, a handler's queue, the counts, one warning and its handling. */
@OfFeature(WarningFeature.ID)
@Path("/api/t/{tenant}/warnings")
@Produces(MediaType.APPLICATION_JSON)
@Authenticated
public class WarningResource {

    @Inject
    WarningLists lists;
    @Inject
    WarningService warnings;

    /** A handler's closing of a warning. */
    public record Disposal(String disposition, String reason) {
    }

    @GET
    @Operation(summary = "Warnings of the caller's places, newest first, by colour, category, village, rule, tier; keyset pages")
    public WarningView.Page list(@QueryParam("colour") String colour, @QueryParam("category") String category,
            @QueryParam("village") String village, @QueryParam("rule") String rule, @QueryParam("tier") String tier,
            @QueryParam("shadow") @DefaultValue("false") boolean shadow, @QueryParam("before") Long before,
            @QueryParam("limit") @DefaultValue("20") int limit) {
        return lists.list(new WarningLists.Filter(Choices.of(Warning.Colour.class, "colour", colour), category, village,
                rule, tier, shadow), before, limit);
    }

    @GET
    @Path("/queue")
    @Operation(summary = "Warnings waiting for the caller's tier and place, and those the caller took; soonest due first")
    public WarningView.Page queue(@QueryParam("limit") @DefaultValue("50") int limit) {
        return lists.queue(limit);
    }

    @GET
    @Path("/counts")
    @Operation(summary = "Counts by category, village, rule, colour and disposition (the 红黄绿 overview; the cockpit rolls these up)")
    public WarningView.Counts counts() {
        return lists.counts();
    }

    @GET
    @Path("/{id}")
    @Operation(summary = "One warning with its why, its source record and the source's audit receipt")
    public WarningView one(@PathParam("id") long id) {
        return lists.view(warnings.readable(id));
    }

    @POST
    @Path("/{id}/take")
    @Operation(summary = "A handler of its tier takes it: RED → YELLOW")
    public WarningView take(@PathParam("id") long id) {
        return lists.view(warnings.take(id));
    }

    @POST
    @Path("/{id}/disposition")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Handled: CONFIRMED, FALSE_ALARM (with a reason) or REFERRED to discipline (with a reason) → GREEN")
    public WarningView dispose(@PathParam("id") long id, Disposal d) {
        if (d == null) {
            throw ProblemException.invalid(400, "Say how it was handled.", java.util.Map.of("disposition", "is required"));
        }
        return lists.view(warnings.dispose(id, Choices.of(Warning.Disposition.class, "disposition", d.disposition()),
                d.reason()));
    }
}
