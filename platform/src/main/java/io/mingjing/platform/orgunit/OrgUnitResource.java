package io.mingjing.platform.orgunit;

import io.mingjing.platform.identity.CurrentCaller;
import io.mingjing.platform.identity.Role;
import io.mingjing.platform.registry.TenantRegistry;
import io.mingjing.platform.tenancy.CurrentTenant;
import io.quarkus.panache.common.Sort;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import java.util.List;

/** A county's towns, villages and grids: public to read, imported by administrators. */
@Path("/api/t/{tenant}")
@Produces(MediaType.APPLICATION_JSON)
public class OrgUnitResource {

    public record OrgUnitView(String code, String name, OrgUnitLevel level, String parentCode) {
    }

    @Inject
    OrgUnitImport importer;
    @Inject
    CurrentTenant tenant;
    @Inject
    TenantRegistry tenants;
    @Inject
    CurrentCaller caller;

    @GET
    @Path("/org-units")
    @Transactional
    public List<OrgUnitView> list(@QueryParam("parent") String parent, @QueryParam("level") OrgUnitLevel level) {
        var query = parent == null
                ? (level == null ? OrgUnit.<OrgUnit>findAll(Sort.by("code"))
                        : OrgUnit.<OrgUnit>find("level", Sort.by("code"), level))
                : OrgUnit.<OrgUnit>find("parentCode", Sort.by("code"), parent);
        return query.stream().filter(u -> level == null || u.level == level)
                .map(u -> new OrgUnitView(u.code, u.name, u.level, u.parentCode)).toList();
    }

    @POST
    @Path("/admin/org-units/import")
    @Consumes({ "text/csv", MediaType.TEXT_PLAIN })
    @RolesAllowed(Role.TENANT_ADMIN)
    public OrgUnitImport.Result importCsv(byte[] csv) {
        String region = tenants.regionCode(tenant.require());
        return importer.importCsv(csv, region, caller.get().actor());
    }
}
