package io.mingjing.platform.portal;

import io.mingjing.platform.identity.Caller;
import io.mingjing.platform.identity.CurrentCaller;
import io.mingjing.platform.input.LocalPaths;
import io.mingjing.platform.orgunit.OrgUnit;
import io.mingjing.platform.orgunit.OrgUnitLevel;
import io.mingjing.platform.registry.TenantRegistry;
import io.mingjing.platform.resident.Resident;
import io.mingjing.platform.tenancy.CurrentTenant;
import io.quarkus.panache.common.Sort;
import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import io.quarkus.security.Authenticated;
import jakarta.annotation.security.PermitAll;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import jakarta.ws.rs.CookieParam;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.NewCookie;
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

    static final String BACK_COOKIE = "mj_back";

    /**
     * The login link: remembers the page to come back to (a cookie, since the code flow's redirects
     * drop queries), then starts the code flow with the county's realm.
     */
    @GET
    @Path("/login")
    @PermitAll
    public Response login(@QueryParam("back") String back) {
        String root = "/t/" + tenant.require() + "/";
        // a menu entry names its page relative to the county's portal
        String full = back != null && back.startsWith("/") && !back.startsWith("/t/") ? "/t/" + tenant.require() + back
                : back;
        String target = LocalPaths.under(root, full).map(URI::toString).orElse("");
        if (!caller.get().anonymous()) {
            return Response.seeOther(URI.create(target.isEmpty() ? landing() : target)).build();
        }
        return Response.seeOther(URI.create(root + "login/go")).cookie(new NewCookie.Builder(BACK_COOKIE)
                .value(target).path(root).maxAge(target.isEmpty() ? 0 : 900).httpOnly(true)
                .sameSite(NewCookie.SameSite.LAX).build()).build();
    }

    /** After the realm's login page: back where the person was, else their village or the county's home. */
    @GET
    @Path("/login/go")
    @Authenticated
    @Transactional
    public Response loggedIn(@CookieParam(BACK_COOKIE) String back) {
        String root = "/t/" + tenant.require() + "/";
        URI target = LocalPaths.under(root, back).orElse(URI.create(landing()));
        return Response.seeOther(target).cookie(new NewCookie.Builder(BACK_COOKIE).value("").path(root).maxAge(0)
                .build()).build();
    }

    /** A staff member's work list, a resident's village, else the county's home. */
    private String landing() {
        String root = "/t/" + tenant.require() + "/";
        Caller c = caller.get();
        if (c.isStaff()) {
            return root + "staff";
        }
        Resident r = Resident.byUserId(c.userId());
        String village = r != null ? r.registeredVillage : ctx.rememberedVillage();
        return village == null ? root : root + "v/" + village;
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
