package io.mingjing.platform.portal;

import io.mingjing.platform.feature.OfFeature;
import io.mingjing.platform.identity.Role;
import io.mingjing.platform.task.TaskFeature;
import io.mingjing.platform.task.TaskLists;
import io.mingjing.platform.task.TaskService;
import io.mingjing.platform.task.TaskView;
import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import io.quarkus.security.Authenticated;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.FormParam;
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

/** 待办/督办 on a phone, without JavaScript: the caller's tasks, one task with its evidence, and the town's or county's progress table. */
@OfFeature(TaskFeature.ID)
@Path("/t/{tenant}/staff/tasks")
@Produces(MediaType.TEXT_HTML)
@Authenticated
public class TaskPages {

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance list(Page p, TaskView.Page page, List<TaskView.Progress> progress);

        static native TemplateInstance one(Page p, TaskView t, boolean mine);
    }

    @Inject
    PortalContext ctx;
    @Inject
    TaskLists lists;
    @Inject
    TaskService tasks;

    @GET
    public TemplateInstance list(@QueryParam("before") Long before) {
        Page p = ctx.page(null);
        boolean above = p.caller().hasRole(Role.TOWN_OFFICIAL) || p.caller().hasRole(Role.DEPARTMENT_STAFF)
                || p.caller().hasRole(Role.TENANT_ADMIN) || p.caller().hasRole(Role.INSPECTOR);
        return Templates.list(p, lists.list(null, null, before, 20), above ? lists.progress(null) : List.of());
    }

    @GET
    @Path("/{id}")
    @Transactional
    public TemplateInstance one(@PathParam("id") long id) {
        Page p = ctx.page(null);
        TaskView t = lists.view(tasks.readable(id));
        return Templates.one(p, t, tasks.isFor(id));
    }

    @POST
    @Path("/{id}/completion")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response complete(@PathParam("id") long id, @FormParam("note") String note) {
        tasks.complete(id, note);
        return Response.seeOther(URI.create(ctx.page(null).base() + "/staff/tasks/" + id)).build();
    }
}
