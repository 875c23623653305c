package io.mingjing.platform.branch;

import io.mingjing.platform.feature.OfFeature;
import io.mingjing.platform.problem.ProblemException;
import io.quarkus.security.Authenticated;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
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
import org.eclipse.microprofile.openapi.annotations.Operation;

/** 网上支部 over HTTP: membership, meetings with minutes and files, likes and comments. */
@OfFeature(BranchFeature.ID)
@Path("/api/t/{tenant}/branch-meetings")
@Produces(MediaType.APPLICATION_JSON)
@Authenticated
public class BranchResource {

    @Inject
    BranchService branch;
    @Inject
    BranchLists lists;

    @POST
    @Path("/members")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "The county or the village's town names a resident's (phone) or staff member's (username) account a party member")
    public Response addMember(BranchView.NewMember r) {
        BranchMember m = branch.addMember(r);
        return Response.status(201).entity(new BranchView.Member(m.userId, m.village, m.kind, m.name)).build();
    }

    @GET
    @Path("/members")
    public List<BranchView.Member> members(@QueryParam("village") String village) {
        if (village == null) {
            throw ProblemException.invalid(422, "Say which village's branch.", Map.of("village", "is required"));
        }
        return lists.members(village);
    }

    @DELETE
    @Path("/members/{user}")
    public Response removeMember(@PathParam("user") String user) {
        branch.removeMember(user);
        return Response.noContent().build();
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "A cadre who is a member of the village's branch records a meeting with its minutes")
    public Response record(@PathParam("tenant") String tenant, BranchView.NewMeeting r) {
        BranchMeeting m = branch.record(r);
        return Response.created(URI.create("/api/t/" + tenant + "/branch-meetings/" + m.id)).entity(lists.view(m)).build();
    }

    @GET
    @Operation(summary = "The meetings of the caller's own branch (party members only), newest first")
    public BranchView.Page list(@QueryParam("before") Long before, @QueryParam("limit") @DefaultValue("20") int limit) {
        return lists.meetings(before, limit);
    }

    @GET
    @Path("/{id}")
    @Transactional
    public BranchView one(@PathParam("id") long id) {
        return lists.view(branch.readable(id));
    }

    @POST
    @Path("/{id}/files")
    @Consumes(MediaType.APPLICATION_OCTET_STREAM)
    @Operation(summary = "A photo or attachment of the meeting (PDF, image, office document)")
    public Response attach(@PathParam("id") long id, @QueryParam("filename") String filename, byte[] data) {
        BranchMeetingFile f = branch.attach(id, filename, data);
        return Response.status(201).entity(new BranchView.FileView(f.id, f.filename, f.contentType)).build();
    }

    @GET
    @Path("/{id}/files/{file}")
    @Produces(MediaType.WILDCARD)
    @Transactional
    public Response download(@PathParam("id") long id, @PathParam("file") long file) {
        BranchMeeting m = branch.readable(id);
        BranchMeetingFile f = BranchMeetingFile.find("id = ?1 and meetingId = ?2", file, m.id).firstResult();
        if (f == null) {
            throw ProblemException.notFound("No file " + file + " of meeting " + id + ".");
        }
        return Response.ok(f.data, f.contentType).header("Content-Disposition", "attachment; filename=\"file-" + f.id
                + "\"").header("X-Content-Type-Options", "nosniff").build();
    }

    @POST
    @Path("/{id}/likes")
    public Response like(@PathParam("id") long id) {
        branch.like(id);
        return Response.status(201).entity(lists.view(branch.readable(id))).build();
    }

    @DELETE
    @Path("/{id}/likes")
    public BranchView unlike(@PathParam("id") long id) {
        branch.unlike(id);
        return lists.view(branch.readable(id));
    }

    @POST
    @Path("/{id}/comments")
    @Consumes(MediaType.APPLICATION_JSON)
    public Response comment(@PathParam("id") long id, BranchView.NewComment r) {
        BranchComment c = branch.comment(id, r == null ? null : r.body());
        return Response.status(201).entity(new BranchView.Comment(c.id, c.author, c.body, c.at)).build();
    }
}
