package io.mingjing.platform.push;

import io.mingjing.platform.feature.OfFeature;
import io.mingjing.platform.problem.ProblemException;
import io.mingjing.platform.push.PushRequests.Audience;
import io.mingjing.platform.push.PushRequests.NewPush;
import io.mingjing.platform.push.PushRequests.Preview;
import io.mingjing.platform.tenancy.CurrentTenant;
import io.quarkus.security.Authenticated;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.Map;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponseSchema;

/** 个性定制 over HTTP: preview an audience, push to it, read pushes and their delivery counts. */
@OfFeature(PushFeature.ID)
@Path("/api/t/{tenant}/pushes")
@Produces(MediaType.APPLICATION_JSON)
@Authenticated
public class PushResource {

    @Inject
    PushService pushes;
    @Inject
    PushLists lists;
    @Inject
    CurrentTenant tenant;

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Push a notice, a policy or a text to the residents the audience chooses; a retry with the "
            + "same Idempotency-Key returns the first push (header Idempotent-Replayed: true) and queues nothing")
    @APIResponseSchema(value = PushView.class, responseCode = "201", responseDescription = "Created")
    @APIResponse(responseCode = "200", description = "A retry with the same Idempotency-Key: the first push; nothing queued")
    public Response send(NewPush r, @HeaderParam("Idempotency-Key") String key) {
        PushService.Sent sent = pushes.send(r, checkKey(key));
        return Response.status(sent.replayed() ? 200 : 201)
                .header("Location", "/api/t/" + tenant.require() + "/pushes/" + sent.push().id)
                .header("Idempotent-Replayed", Boolean.toString(sent.replayed()))
                .entity(PushView.of(sent.push(), null)).build();
    }

    @POST
    @Path("/preview")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "How many residents the audience reaches now, without pushing anything")
    public Preview preview(Audience audience) {
        return new Preview(pushes.preview(audience));
    }

    @GET
    @Operation(summary = "Pushes of the caller's places, newest first, keyset pages")
    public PushView.Page list(@QueryParam("before") Long before, @QueryParam("limit") @DefaultValue("20") int limit) {
        return lists.list(before, limit);
    }

    @GET
    @Path("/{id}")
    @Operation(summary = "One push with its delivery counts: queued, handed to each channel, delivered, failed")
    public PushView one(@PathParam("id") long id) {
        return lists.one(id);
    }

    private static String checkKey(String key) {
        if (key != null && (key.isBlank() || key.length() > 100)) {
            throw ProblemException.invalid(400, "Idempotency-Key must be 1-100 characters.",
                    Map.of("Idempotency-Key", "must be 1-100 characters"));
        }
        return key;
    }
}
