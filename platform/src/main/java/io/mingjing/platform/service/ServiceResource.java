package io.mingjing.platform.service;

import io.mingjing.platform.feature.OfFeature;
import io.mingjing.platform.identity.CurrentCaller;
import io.mingjing.platform.identity.Role;
import io.mingjing.platform.service.ServiceRequests.ItemChange;
import io.mingjing.platform.service.ServiceRequests.Members;
import io.quarkus.security.Authenticated;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import java.util.List;
import java.util.Map;
import org.eclipse.microprofile.openapi.annotations.Operation;

/** 便民服务事项: the county's catalogue for anyone; the county admin changes items and names departments' reviewers. */
@OfFeature(ServiceFeature.ID)
@Path("/api/t/{tenant}/services")
@Produces(MediaType.APPLICATION_JSON)
public class ServiceResource {

    /** One item of the catalogue list. */
    public record Summary(String code, String name, String nameEn, String department, Integer promisedDays, String fees,
            int version) {
    }

    public record ItemView(String code, int version, boolean enabled, int position, ServiceItemSpec item) {
    }

    @Inject
    ServiceCatalogue catalogue;
    @Inject
    CurrentCaller caller;

    @GET
    @Operation(summary = "The catalogue: every item offered, in order (with ?all=true also switched-off ones, for the admin)")
    public List<Summary> list(@QueryParam("all") boolean all) {
        if (all) {
            caller.requireRole(Role.TENANT_ADMIN);
        }
        return catalogue.current(all).stream().map(e -> new Summary(e.code(), e.item().name(), e.item().nameEn(),
                e.item().department(), e.item().promisedDays(), e.item().fees(), e.version())).toList();
    }

    @GET
    @Path("/{code}")
    @Operation(summary = "One item: department, legal basis, eligibility, materials, form (JSON Schema), review, fees")
    public ItemView one(@PathParam("code") String code) {
        return view(catalogue.one(code, false));
    }

    @PUT
    @Path("/{code}")
    @Consumes(MediaType.APPLICATION_JSON)
    @Authenticated
    @Operation(summary = "Create or change an item (a new version; running applications keep theirs); 422 names each wrong field")
    public ItemView put(@PathParam("code") String code, ItemChange change) {
        caller.requireRole(Role.TENANT_ADMIN);
        return view(catalogue.change(code, change, caller.get().actor()));
    }

    @GET
    @Path("/departments")
    @Authenticated
    @Operation(summary = "Each department and the staff accounts that review for it")
    public Map<String, List<String>> departments() {
        caller.requireRole(Role.TENANT_ADMIN, Role.DEPARTMENT_STAFF, Role.INSPECTOR);
        return catalogue.departments();
    }

    @PUT
    @Path("/departments/{department}")
    @Consumes(MediaType.APPLICATION_JSON)
    @Authenticated
    @Operation(summary = "Name the department-staff accounts that review for a department (replaces the list)")
    public Map<String, List<String>> members(@PathParam("department") String department, Members m) {
        caller.requireRole(Role.TENANT_ADMIN);
        return Map.of(department, catalogue.members(department, m == null ? null : m.members(), caller.get().actor()));
    }

    private static ItemView view(ServiceCatalogue.Entry e) {
        return new ItemView(e.code(), e.version(), e.enabled(), e.position(), e.item());
    }
}
