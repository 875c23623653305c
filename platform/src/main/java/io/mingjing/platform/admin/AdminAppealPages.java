package io.mingjing.platform.admin;

import io.mingjing.platform.appeal.AppealCategory;
import io.mingjing.platform.appeal.AppealKind;
import io.mingjing.platform.appeal.AppealSettings;
import io.mingjing.platform.appeal.AppealState;
import io.mingjing.platform.appeal.HandlingLevel;
import io.mingjing.platform.portal.Page;
import io.mingjing.platform.problem.ProblemException;
import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import io.quarkus.security.Authenticated;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.FormParam;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.MultivaluedMap;
import jakarta.ws.rs.core.Response;
import java.net.URI;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** A county admin's appeal categories (who handles each) and the hours each step of a case may take. */
@Path("/t/{tenant}/admin/appeals")
@Produces(MediaType.TEXT_HTML)
@Authenticated
public class AdminAppealPages {

    /** A category form as typed, with its problems per field as text keys. */
    public record CategoryForm(AppealSettings.Category c, Map<String, String> errors) {
        public boolean has(String field) {
            return errors.containsKey(field);
        }
    }

    /** One cell of the time-limit table: the field name, the hours shown, whether they were refused. */
    public record Limit(String name, String hours, boolean refused) {
    }

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance appeals(Page p, List<AppealCategory> categories, List<String> routes,
                CategoryForm form, List<String> kinds, List<String> states, Map<String, Limit> limits,
                boolean limitsRefused, String done);
    }

    @Inject
    AdminAccess access;
    @Inject
    AppealSettings settings;

    @GET
    public TemplateInstance show(@QueryParam("done") String done) {
        Page p = access.page();
        return page(p, empty(), null, "category".equals(done) || "limits".equals(done) ? done : null);
    }

    @POST
    @Path("/categories")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response saveCategory(@FormParam("code") String code, @FormParam("nameZh") String nameZh,
            @FormParam("nameEn") String nameEn, @FormParam("route") String route,
            @FormParam("department") String department, @FormParam("urgent") boolean urgent) {
        Page p = access.page();
        var c = new AppealSettings.Category(AdminPages.blank(code), nameZh, nameEn, route, department, urgent);
        Map<String, String> errors = new LinkedHashMap<>();
        AppealSettings.problems(c).keySet().forEach(f -> errors.put(f, "admin.category.err." + f));
        if (!errors.isEmpty()) {
            return Response.status(422).entity(page(p, new CategoryForm(c, errors), null, null)).build();
        }
        settings.save(c, access.actor());
        return Response.seeOther(URI.create(p.base() + "/admin/appeals?done=category")).build();
    }

    @POST
    @Path("/limits")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response saveLimits(MultivaluedMap<String, String> form) {
        Page p = access.page();
        Map<String, Integer> hours = new LinkedHashMap<>();
        Map<String, String> typed = new LinkedHashMap<>();
        settings.limits().forEach((key, now) -> {
            String raw = form.getFirst(key);
            typed.put(key, raw == null ? String.valueOf(now) : raw);
            if (raw != null) { // a field the form did not send keeps its limit
                hours.put(key, parse(raw));
            }
        });
        try {
            settings.setLimits(hours, access.actor());
        } catch (ProblemException e) {
            if (e.problem().errors() == null) {
                throw e;
            }
            return Response.status(422).entity(page(p, empty(), limits(typed, e.problem().errors()), null)).build();
        }
        return Response.seeOther(URI.create(p.base() + "/admin/appeals?done=limits")).build();
    }

    private TemplateInstance page(Page p, CategoryForm form, Map<String, Limit> typedLimits, String done) {
        Map<String, Limit> limits = typedLimits;
        if (limits == null) {
            Map<String, String> now = new LinkedHashMap<>();
            settings.limits().forEach((k, h) -> now.put(k, String.valueOf(h)));
            limits = limits(now, Map.of());
        }
        return Templates.appeals(p, settings.categories(), Arrays.stream(HandlingLevel.values()).map(Enum::name)
                .toList(), form, Arrays.stream(AppealKind.values()).map(Enum::name).toList(),
                AppealSettings.timed().stream().map(AppealState::name).toList(), limits, typedLimits != null, done);
    }

    private static Map<String, Limit> limits(Map<String, String> typed, Map<String, String> errors) {
        Map<String, Limit> out = new LinkedHashMap<>();
        typed.forEach((k, v) -> out.put(k, new Limit(k, v, errors.containsKey(k))));
        return out;
    }

    private static Integer parse(String raw) {
        try {
            return raw == null ? null : Integer.valueOf(raw.strip());
        } catch (NumberFormatException e) {
            return null;
        }
    }

    private static CategoryForm empty() {
        return new CategoryForm(new AppealSettings.Category("", "", "", HandlingLevel.VILLAGE.name(), "", false),
                Map.of());
    }
}
