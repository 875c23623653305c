package io.mingjing.platform.plugin;

import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PATCH;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;

/** A plugin module's API: {@code /api/t/{tenant}/m/{module}/…}, on worker threads. */
@Path("/api/t/{tenant}/m/{module}")
@Consumes(MediaType.WILDCARD)
public class ModuleApiResource {

    @Inject
    ModuleDispatch dispatch;
    @Context
    UriInfo uri;
    @Context
    HttpHeaders headers;

    @GET
    @Path("{path:.*}")
    public Response get(@PathParam("module") String module, @PathParam("path") String path) {
        return dispatch.dispatch(false, "GET", module, path, uri, headers, null);
    }

    @DELETE
    @Path("{path:.*}")
    public Response delete(@PathParam("module") String module, @PathParam("path") String path) {
        return dispatch.dispatch(false, "DELETE", module, path, uri, headers, null);
    }

    @POST
    @Path("{path:.*}")
    public Response post(@PathParam("module") String module, @PathParam("path") String path, byte[] body) {
        return dispatch.dispatch(false, "POST", module, path, uri, headers, body);
    }

    @PUT
    @Path("{path:.*}")
    public Response put(@PathParam("module") String module, @PathParam("path") String path, byte[] body) {
        return dispatch.dispatch(false, "PUT", module, path, uri, headers, body);
    }

    @PATCH
    @Path("{path:.*}")
    public Response patch(@PathParam("module") String module, @PathParam("path") String path, byte[] body) {
        return dispatch.dispatch(false, "PATCH", module, path, uri, headers, body);
    }
}
