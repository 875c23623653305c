package io.mingjing.platform.admin;

import io.mingjing.platform.identity.Role;
import io.mingjing.platform.orgunit.OrgUnit;
import io.mingjing.platform.orgunit.OrgUnitLevel;
import io.mingjing.platform.portal.Page;
import io.mingjing.platform.problem.ProblemException;
import io.mingjing.platform.staff.StaffService;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.panache.common.Sort;
import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import io.quarkus.security.Authenticated;
import jakarta.inject.Inject;
import jakarta.validation.Validator;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.FormParam;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.net.URI;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A county admin's staff accounts: create one with its role and org unit, disable it, give it a new
 * temporary password. The accounts live in the county's realm; the service is the staff API's.
 */
@Path("/t/{tenant}/admin/staff")
@Produces(MediaType.TEXT_HTML)
@Authenticated
public class AdminStaffPages {

    /** The new-account form as typed, and its problems per field as text keys. */
    public record StaffForm(String username, String name, String role, String orgUnit, String phone,
            Map<String, String> errors) {
        public boolean has(String field) {
            return errors.containsKey(field);
        }

        static StaffForm empty() {
            return new StaffForm("", "", Role.CADRE, "", "", Map.of());
        }
    }

    /** A password shown once: for whom, and whether the account is new. */
    public record Issued(String username, String password, boolean created) {
    }

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance staff(Page p, List<StaffService.StaffView> staff, List<OrgUnit> units,
                List<String> roles, StaffForm form, Issued issued, String done);
    }

    @Inject
    AdminAccess access;
    @Inject
    StaffService service;
    @Inject
    Validator validator;

    @GET
    public TemplateInstance list(@QueryParam("done") String done) {
        return page(access.page(), StaffForm.empty(), null, "disabled".equals(done) ? done : null);
    }

    @POST
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response create(@FormParam("username") String username, @FormParam("name") String name,
            @FormParam("role") String role, @FormParam("orgUnit") String orgUnit, @FormParam("phone") String phone) {
        Page p = access.page();
        StaffForm form = new StaffForm(username, name, role, orgUnit, phone, Map.of());
        var request = new StaffService.NewStaff(AdminPages.blank(username), AdminPages.blank(name),
                AdminPages.blank(role), AdminPages.blank(orgUnit), AdminPages.blank(phone));
        Map<String, String> errors = new LinkedHashMap<>();
        validator.validate(request).forEach(v -> errors.putIfAbsent(v.getPropertyPath().toString(),
                "admin.staff.err." + v.getPropertyPath()));
        if (errors.isEmpty()) {
            try {
                var made = service.create(request, access.actor());
                return Response.ok(page(p, StaffForm.empty(), new Issued(made.username(), made.temporaryPassword(),
                        true), null)).build();
            } catch (ProblemException e) {
                if (e.problem().status() == 409) {
                    errors.put("username", "admin.staff.err.taken");
                } else if (e.problem().errors() != null) {
                    e.problem().errors().keySet().forEach(k -> errors.put(k, "admin.staff.err." + k));
                } else {
                    throw e;
                }
            }
        }
        return Response.status(422).entity(page(p, new StaffForm(username, name, role, orgUnit, phone, errors), null,
                null)).build();
    }

    @POST
    @Path("/{username}/disable")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response disable(@PathParam("username") String username) {
        Page p = access.page();
        service.disable(username, access.actor());
        return Response.seeOther(URI.create(p.base() + "/admin/staff?done=disabled")).build();
    }

    /** Answers the page itself (not a redirect): the new password is shown this once and never stored in a URL. */
    @POST
    @Path("/{username}/reset")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public TemplateInstance reset(@PathParam("username") String username) {
        Page p = access.page();
        var done = service.resetPassword(username, access.actor());
        return page(p, StaffForm.empty(), new Issued(done.username(), done.temporaryPassword(), false), null);
    }

    private TemplateInstance page(Page p, StaffForm form, Issued issued, String done) {
        List<OrgUnit> units = QuarkusTransaction.requiringNew().call(() -> OrgUnit.<OrgUnit>list(
                "level in ?1", Sort.by("code"), List.of(OrgUnitLevel.TOWN, OrgUnitLevel.VILLAGE)));
        List<String> roles = Role.COUNTY_ROLES.stream().filter(r -> !r.equals(Role.VILLAGER)).toList();
        return Templates.staff(p, service.list(), units, roles, form, issued, done);
    }
}
