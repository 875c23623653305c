package io.mingjing.platform.cockpit;

import io.mingjing.platform.console.ConsoleContext;
import io.mingjing.platform.console.ConsolePage;
import io.mingjing.platform.identity.Role;
import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;

/** The province view in the operator console: the counties side by side and ranked, as a table. */
@Path("/console/cockpit")
@Produces(MediaType.TEXT_HTML)
@RolesAllowed(Role.OPERATOR)
public class ProvincePages {

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance province(ConsolePage p, ProvinceView v);
    }

    @Inject
    ConsoleContext ctx;
    @Inject
    ProvinceCockpit province;

    @GET
    public TemplateInstance counties(@QueryParam("from") String from, @QueryParam("to") String to) {
        return Templates.province(ctx.page(), province.counties(from, to));
    }
}
