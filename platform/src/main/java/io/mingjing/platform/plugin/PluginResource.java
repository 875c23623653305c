package io.mingjing.platform.plugin;

import io.quarkus.security.identity.SecurityIdentity;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.List;

/** The operator installs, upgrades and removes plugins without a restart. */
@Path("/api/platform/plugins")
@RolesAllowed("operator")
@Produces(MediaType.APPLICATION_JSON)
public class PluginResource {

    /** A running plugin. */
    public record PluginView(String id, String version, String file, String requires) {
    }

    @Inject
    PluginInstaller installer;
    @Inject
    PluginCatalogue catalogue;
    @Inject
    SecurityIdentity identity;

    /** The body is the jar itself ({@code curl --data-binary @x.jar -H 'Content-Type: application/java-archive'}). */
    @POST
    @Consumes({ "application/java-archive", MediaType.APPLICATION_OCTET_STREAM, "application/zip" })
    public Response install(byte[] jar) {
        PluginInstaller.Installed done = installer.install(jar, actor());
        return Response.status(done.previousVersion() == null ? 201 : 200).entity(done).build();
    }

    @GET
    public List<PluginView> list() {
        return catalogue.plugins().stream().map(p -> new PluginView(p.id(), p.version(), p.file(), p.requires()))
                .toList();
    }

    @DELETE
    @Path("/{id}")
    public Response uninstall(@PathParam("id") String id) {
        installer.uninstall(id, actor());
        return Response.noContent().build();
    }

    private String actor() {
        return "operator:" + identity.getPrincipal().getName();
    }
}
