package io.mingjing.platform.consultation;

import io.mingjing.platform.consultation.ConsultationRequests.Ballot;
import io.mingjing.platform.consultation.ConsultationRequests.Moderation;
import io.mingjing.platform.consultation.ConsultationRequests.NewComment;
import io.mingjing.platform.consultation.ConsultationRequests.NewConsultation;
import io.mingjing.platform.consultation.ConsultationRequests.Resolution;
import io.mingjing.platform.consultation.ConsultationRequests.Voting;
import io.mingjing.platform.feature.OfFeature;
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
import java.util.Map;
import org.eclipse.microprofile.openapi.annotations.Operation;

/** 码上协商 over HTTP: topics, support, discussion and moderation, the secret vote, the count, the resolution. */
@OfFeature(ConsultationFeature.ID)
@Path("/api/t/{tenant}/consultations")
@Produces(MediaType.APPLICATION_JSON)
@Authenticated
public class ConsultationResource {

    @Inject
    ConsultationService consultations;
    @Inject
    ConsultationLists lists;

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Raise a topic: the village committee opens it for discussion, a resident proposes it for support")
    public Response raise(@PathParam("tenant") String tenant, NewConsultation r) {
        Consultation x = consultations.raise(r);
        return Response.created(URI.create("/api/t/" + tenant + "/consultations/" + x.id)).entity(lists.view(x)).build();
    }

    @GET
    @Operation(summary = "Topics of one village (its residents and staff), newest first, in keyset pages (next → before)")
    public ConsultationView.Page list(@QueryParam("village") String village, @QueryParam("before") Long before,
            @QueryParam("limit") @DefaultValue("20") int limit) {
        return lists.list(village, before, limit);
    }

    @GET
    @Path("/{id}")
    @Transactional
    public ConsultationView one(@PathParam("id") long id) {
        return lists.view(consultations.readable(id));
    }

    @POST
    @Path("/{id}/support")
    @Operation(summary = "A resident of the village supports a proposed topic; enough supporters open it")
    public ConsultationView support(@PathParam("id") long id) {
        return lists.view(consultations.support(id));
    }

    @POST
    @Path("/{id}/voting")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "The committee puts the topic to the vote until a time; the county's quorum and threshold apply")
    public ConsultationView voting(@PathParam("id") long id, Voting r) {
        return lists.view(consultations.startVoting(id, r == null ? null : r.until()));
    }

    @POST
    @Path("/{id}/ballots")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "A resident's one secret ballot: choice is the option's index; who voted is kept, not what")
    public Response vote(@PathParam("id") long id, Ballot b) {
        consultations.vote(id, b == null ? null : b.choice());
        return Response.status(201).entity(Map.of("voted", true)).build();
    }

    @POST
    @Path("/{id}/count")
    @Operation(summary = "The committee has a vote whose time is up counted now (the counting job does it anyway)")
    public ConsultationView count(@PathParam("id") long id) {
        return lists.view(consultations.count(id));
    }

    @POST
    @Path("/{id}/resolution")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Publish the resolution; optionally as a task of the village and a disclosure draft")
    public ConsultationView resolve(@PathParam("id") long id, Resolution r) {
        return lists.view(consultations.resolve(id, r));
    }

    @POST
    @Path("/{id}/comments")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Comment while the topic is discussed or voted on (residents and the village's staff)")
    public Response comment(@PathParam("tenant") String tenant, @PathParam("id") long id, NewComment r) {
        ConsultationComment m = consultations.comment(id, r);
        return Response.created(URI.create("/api/t/" + tenant + "/consultations/" + id + "#comment-" + m.id))
                .entity(new ConsultationView.Comment(m.id, m.author, m.body, m.at, m.hidden, m.moderationNote)).build();
    }

    @POST
    @Path("/{id}/comments/{comment}/moderation")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "The committee hides a comment (or shows it again) with a note")
    public ConsultationView.Comment moderate(@PathParam("id") long id, @PathParam("comment") long comment, Moderation r) {
        ConsultationComment m = consultations.moderate(id, comment, r);
        return new ConsultationView.Comment(m.id, m.author, m.body, m.at, m.hidden, m.moderationNote);
    }
}
