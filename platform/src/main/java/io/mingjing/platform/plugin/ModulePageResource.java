package io.mingjing.platform.plugin;

import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;

/** A plugin module's portal pages and static files: {@code /t/{tenant}/m/{module}/…}, on worker threads. */
@Path("/t/{tenant}/m/{module}")
@Consumes(MediaType.WILDCARD)
public class ModulePageResource {

    @Inject
    ModuleDispatch dispatch;
    @Context
    UriInfo uri;
    @Context
    HttpHeaders headers;

    @GET
    public Response root(@PathParam("module") String module) {
        return dispatch.dispatch(true, "GET", module, "", uri, headers, null);
    }

    @GET
    @Path("{path:.*}")
    public Response get(@PathParam("module") String module, @PathParam("path") String path) {
        return dispatch.dispatch(true, "GET", module, path, uri, headers, null);
    }

    @POST
    @Path("{path:.*}")
    public Response post(@PathParam("module") String module, @PathParam("path") String path, byte[] body) {
        return dispatch.dispatch(true, "POST", module, path, uri, headers, body);
    }
}
