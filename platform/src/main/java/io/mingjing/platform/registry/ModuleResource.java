package io.mingjing.platform.registry;

import io.quarkus.panache.common.Sort;
import jakarta.annotation.security.RolesAllowed;
import jakarta.transaction.Transactional;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.util.List;

/** Every module the platform can offer to counties. */
@Path("/api/platform/modules")
@RolesAllowed("operator")
@Produces(MediaType.APPLICATION_JSON)
public class ModuleResource {

    public record ModuleView(String id, String version, String name, String description, String source) {
    }

    @GET
    @Transactional
    public List<ModuleView> list() {
        return ModuleEntry.<ModuleEntry>listAll(Sort.by("id")).stream()
                .map(m -> new ModuleView(m.id, m.version, m.name, m.description, m.source)).toList();
    }
}
