package io.mingjing.platform.admin;

import io.mingjing.platform.feature.OfFeature;
import io.mingjing.platform.portal.Page;
import io.mingjing.platform.problem.ProblemException;
import io.mingjing.platform.service.ServiceCatalogue;
import io.mingjing.platform.service.ServiceFeature;
import io.mingjing.platform.service.ServiceItemSpec;
import io.mingjing.platform.service.ServiceRequests.ItemChange;
import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import io.quarkus.security.Authenticated;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.FormParam;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.MultivaluedMap;
import jakarta.ws.rs.core.Response;
import java.net.URI;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;

/**
 * A county admin's service catalogue: every item (switched off ones too), and one item's form — its
 * department, legal basis, eligibility, materials, fees, time limits, review stages and application
 * form. Saving goes through the catalogue's change, the one the API's {@code PUT /services/{code}}
 * makes, so the page refuses exactly what the API refuses, field by field, and makes a new version.
 */
@OfFeature(ServiceFeature.ID)
@Path("/t/{tenant}/admin/services")
@Produces(MediaType.TEXT_HTML)
@Authenticated
public class AdminServicePages {

    /** The department reviewers' form as typed, and its problems in the page's words. */
    public record DepartmentForm(String department, String members, String departmentError, String membersError) {
        static DepartmentForm empty() {
            return new DepartmentForm("", "", null, null);
        }
    }

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance services(Page p, List<ServiceCatalogue.Entry> items, String code,
                boolean badCode, Map<String, List<String>> reviewers, List<String> departments, DepartmentForm dept,
                String done);

        static native TemplateInstance item(Page p, ServiceItemForm.Form form, Integer version,
                List<String> departments, List<String> publish, String done);
    }

    @Inject
    AdminAccess access;
    @Inject
    ServiceCatalogue catalogue;

    /** The catalogue; {@code ?code=} opens that item's form (a new item when the code is not taken). */
    @GET
    public Response list(@QueryParam("code") String code, @QueryParam("done") String done) {
        Page p = access.page();
        String wanted = code == null ? null : code.strip();
        if (wanted != null && wanted.matches(ServiceItemSpec.ID)) {
            return Response.seeOther(URI.create(p.base() + "/admin/services/" + wanted)).build();
        }
        boolean bad = wanted != null;
        return Response.status(bad ? 422 : 200).entity(catalogue(p, bad ? shorten(wanted) : "", bad,
                DepartmentForm.empty(), "departments".equals(done) ? done : null)).build();
    }

    /**
     * The catalogue page's other form: who reviews for a department (department-staff usernames, one a
     * line; none clears it), through the API's own {@code PUT /services/departments/{name}}.
     */
    @POST
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response reviewers(@FormParam("department") String department, @FormParam("members") String members) {
        Page p = access.page();
        List<String> names = members == null ? List.of() : Arrays.stream(members.split("\\R")).map(String::strip)
                .filter(s -> !s.isEmpty()).toList();
        String name = department == null ? "" : department.strip();
        try {
            catalogue.members(name, names, access.actor());
        } catch (ProblemException e) {
            if (e.problem().status() != 422 || e.problem().errors() == null) {
                throw e;
            }
            Map<String, String> errors = e.problem().errors();
            List<String> refused = new ArrayList<>();
            for (int i = 0; i < names.size(); i++) {
                if (errors.containsKey("members[" + i + "]")) {
                    refused.add(names.get(i));
                }
            }
            var form = new DepartmentForm(name, members == null ? "" : members, errors.containsKey("department")
                    ? p.t("admin.services.err.department") : null, refused.isEmpty() ? null
                    : p.t("admin.services.err.members") + String.join("、", refused));
            return Response.status(422).entity(catalogue(p, "", false, form, null)).build();
        }
        return Response.seeOther(URI.create(p.base() + "/admin/services?done=departments")).build();
    }

    private TemplateInstance catalogue(Page p, String code, boolean badCode, DepartmentForm dept, String done) {
        return Templates.services(p, catalogue.current(true), code, badCode, catalogue.departments(), departments(),
                dept, done);
    }

    @GET
    @Path("/{code}")
    public TemplateInstance form(@PathParam("code") String code, @QueryParam("done") String done) {
        Page p = access.page();
        ServiceCatalogue.Entry e = current(code);
        return Templates.item(p, ServiceItemForm.of(code, e), e == null ? null : e.version(), departments(),
                ServiceItemForm.PUBLISH, "saved".equals(done) ? done : null);
    }

    @POST
    @Path("/{code}")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response save(@PathParam("code") String code, MultivaluedMap<String, String> form) {
        Page p = access.page();
        ServiceCatalogue.Entry before = current(code);
        Map<String, String> posted = new LinkedHashMap<>();
        form.forEach((k, v) -> posted.put(k, v.isEmpty() ? "" : v.getFirst()));
        ServiceItemForm.Read read = ServiceItemForm.read(code, posted, before == null ? null : before.item());
        if (!read.problems().isEmpty()) {
            Map<String, String> all = new LinkedHashMap<>(read.item().problems());
            all.putAll(read.problems());
            return refused(p, code, before, posted, read, all);
        }
        try {
            catalogue.change(code, new ItemChange(read.item(), read.enabled(), read.position()), access.actor());
        } catch (ProblemException x) {
            if (x.problem().status() != 422 || x.problem().errors() == null) {
                throw x;
            }
            return refused(p, code, before, posted, read, x.problem().errors());
        }
        return Response.seeOther(URI.create(p.base() + "/admin/services/" + code + "?done=saved")).build();
    }

    private Response refused(Page p, String code, ServiceCatalogue.Entry before, Map<String, String> posted,
            ServiceItemForm.Read read, Map<String, String> errors) {
        ServiceItemForm.Form shown = ServiceItemForm.refused(code, before != null, posted, read.item(), errors,
                p.texts());
        return Response.status(422).entity(Templates.item(p, shown, before == null ? null : before.version(),
                departments(), ServiceItemForm.PUBLISH, null)).build();
    }

    /** The item's current version, switched off or not; null for a code not taken yet; 404 for no code at all. */
    private ServiceCatalogue.Entry current(String code) {
        if (code == null || !code.matches(ServiceItemSpec.ID)) {
            throw ProblemException.notFound("No service item " + shorten(code) + ".");
        }
        return catalogue.current(true).stream().filter(e -> e.code().equals(code)).findFirst().orElse(null);
    }

    /** Departments offered as suggestions: those with reviewers and those items already name. */
    private List<String> departments() {
        TreeSet<String> names = new TreeSet<>(catalogue.departments().keySet());
        catalogue.current(true).forEach(e -> names.add(e.item().department()));
        return List.copyOf(names);
    }

    private static String shorten(String s) {
        return s == null ? "" : s.length() > 40 ? s.substring(0, 40) : s;
    }
}
