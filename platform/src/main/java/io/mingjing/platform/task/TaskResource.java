package io.mingjing.platform.task;

import io.mingjing.platform.feature.OfFeature;
import io.mingjing.platform.input.Choices;
import io.mingjing.platform.problem.ProblemException;
import io.mingjing.platform.task.TaskRequests.Completion;
import io.mingjing.platform.task.TaskRequests.NewTask;
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
import java.util.List;
import java.util.Map;
import org.eclipse.microprofile.openapi.annotations.Operation;

/** 待办/督办 over HTTP: assignment, lists, progress, evidence and completion. */
@OfFeature(TaskFeature.ID)
@Path("/api/t/{tenant}/tasks")
@Produces(MediaType.APPLICATION_JSON)
@Authenticated
public class TaskResource {

    @Inject
    TaskService tasks;
    @Inject
    TaskLists lists;

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "A town or the county assigns a task to villages and people below it: one task each")
    public Response assign(NewTask r) {
        List<TaskView> made = tasks.assign(r).stream().map(t -> TaskView.of(t, List.of())).toList();
        return Response.status(201).entity(Map.of("tasks", made)).build();
    }

    @GET
    @Operation(summary = "Tasks of a unit the caller may act on, or the caller's own; newest first, keyset pages")
    public TaskView.Page list(@QueryParam("unit") String unit, @QueryParam("state") String state,
            @QueryParam("before") Long before, @QueryParam("limit") @DefaultValue("20") int limit) {
        return lists.list(unit, Choices.of(TaskState.class, "state", state), before, limit);
    }

    @GET
    @Path("/progress")
    @Operation(summary = "Progress per village of a town, or per town of the county: total, done, open, overdue, done late")
    public List<TaskView.Progress> progress(@QueryParam("town") String town) {
        return lists.progress(town);
    }

    @GET
    @Path("/{id}")
    @Transactional
    public TaskView one(@PathParam("id") long id) {
        return lists.view(tasks.readable(id));
    }

    @POST
    @Path("/{id}/files")
    @Consumes(MediaType.APPLICATION_OCTET_STREAM)
    @Operation(summary = "Evidence of the work (PDF, image, office document)")
    public Response attach(@PathParam("tenant") String tenant, @PathParam("id") long id,
            @QueryParam("filename") String filename, byte[] data) {
        TaskFile f = tasks.attach(id, filename, data);
        return Response.status(201).entity(new TaskView.FileView(f.id, f.filename, f.contentType, f.sha256)).build();
    }

    @GET
    @Path("/{id}/files/{file}")
    @Produces(MediaType.WILDCARD)
    @Transactional
    public Response download(@PathParam("id") long id, @PathParam("file") long file) {
        Task t = tasks.readable(id);
        TaskFile f = TaskFile.find("id = ?1 and taskId = ?2", file, t.id).firstResult();
        if (f == null) {
            throw ProblemException.notFound("No file " + file + " of task " + id + ".");
        }
        return Response.ok(f.data, f.contentType).header("Content-Disposition", "attachment; filename=\"file-" + f.id
                + "\"").header("X-Content-Type-Options", "nosniff").build();
    }

    @POST
    @Path("/{id}/completion")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Report the task done; needs at least one file of evidence")
    public TaskView complete(@PathParam("id") long id, Completion c) {
        return lists.view(tasks.complete(id, c == null ? null : c.note()));
    }
}
