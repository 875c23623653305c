package io.mingjing.platform.portal;

import io.mingjing.platform.identity.Caller;
import io.mingjing.platform.identity.CurrentCaller;
import io.mingjing.platform.orgunit.OrgUnit;
import io.mingjing.platform.orgunit.OrgUnitLevel;
import io.mingjing.platform.registry.TenantRegistry;
import io.mingjing.platform.tenancy.CurrentTenant;
import io.quarkus.panache.common.Sort;
import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import io.quarkus.security.Authenticated;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.net.URI;
import java.util.List;
import java.util.Map;

/** The county portal's entry: its towns and villages, and logging in through the county's realm. */
@Path("/t/{tenant}")
@Produces(MediaType.TEXT_HTML)
public class PortalResource {

    /** A town with its villages, as the home page lists them. */
    public record Town(OrgUnit town, List<OrgUnit> villages, boolean open) {
    }

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance home(Page p, List<Town> towns, OrgUnit remembered);

        static native TemplateInstance me(Page p, String orgUnitName);
    }

    @Inject
    CurrentTenant tenant;
    @Inject
    TenantRegistry registry;
    @Inject
    CurrentCaller caller;
    @Inject
    PortalContext ctx;

    @GET
    @Path("/")
    @Transactional
    public TemplateInstance home() {
        List<OrgUnit> units = OrgUnit.listAll(Sort.by("code"));
        String last = ctx.rememberedVillage();
        OrgUnit remembered = last == null ? null : units.stream().filter(u -> u.code.equals(last)
                && u.level == OrgUnitLevel.VILLAGE).findFirst().orElse(null);
        List<Town> towns = units.stream().filter(u -> u.level == OrgUnitLevel.TOWN)
                .map(t -> new Town(t, units.stream().filter(v -> t.code.equals(v.parentCode)
                        && v.level == OrgUnitLevel.VILLAGE).toList(),
                        remembered != null && t.code.equals(remembered.parentCode))).toList();
        return Templates.home(ctx.page(null), towns, remembered);
    }

    /** Starts the code flow with the county's realm (the OIDC layer redirects), then shows who logged in. */
    @GET
    @Path("/login")
    @Authenticated
    public Response login() {
        return Response.seeOther(URI.create("/t/" + tenant.require() + "/me")).build();
    }

    @GET
    @Path("/me")
    @Authenticated
    @Transactional
    public TemplateInstance me() {
        Caller c = caller.get();
        OrgUnit unit = c.orgUnit() == null ? null : OrgUnit.findById(c.orgUnit());
        return Templates.me(ctx.page(null), unit == null ? null : unit.name);
    }
}
