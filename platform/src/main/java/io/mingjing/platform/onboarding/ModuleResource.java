package io.mingjing.platform.onboarding;

import io.mingjing.platform.registry.ModuleEntry;
import com.fasterxml.jackson.annotation.JsonInclude;
import io.mingjing.platform.plugin.PluginCatalogue;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.panache.common.Sort;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.util.ArrayList;
import java.util.List;

/**
 * Every module the platform can offer to counties — built in, or from a running plugin — and every
 * plugin jar it refused, with the reason ({@code status: rejected}).
 */
@Path("/api/platform/modules")
@RolesAllowed("operator")
@Produces(MediaType.APPLICATION_JSON)
public class ModuleResource {

    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record ModuleView(String id, String version, String name, String description, String source, String status,
            String file, String reason) {
    }

    @Inject
    PluginCatalogue plugins;

    @GET
    public List<ModuleView> list() {
        List<ModuleView> views = new ArrayList<>(QuarkusTransaction.requiringNew().call(() -> ModuleEntry
                .<ModuleEntry>listAll(Sort.by("id")).stream()
                .map(m -> new ModuleView(m.id, m.version, m.name, m.description, m.source, "active", null, null))
                .toList()));
        plugins.failures().stream().sorted(java.util.Comparator.comparing(PluginCatalogue.Failure::file))
                .forEach(f -> views.add(new ModuleView(f.id(), f.version(), null, null, "plugin", "rejected", f.file(),
                        f.reason())));
        return views;
    }
}
