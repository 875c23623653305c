package io.mingjing.platform.admin;

import io.mingjing.platform.plugin.ModuleEnabling;
import io.mingjing.platform.plugin.ModuleView;
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
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.MultivaluedMap;
import jakarta.ws.rs.core.Response;
import java.net.URI;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** A county admin switches modules on and off and changes their settings, with the API's service and checks. */
@Path("/t/{tenant}/admin/modules")
@Produces(MediaType.TEXT_HTML)
@Authenticated
public class AdminModulePages {

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance modules(Page p, List<ModuleView> modules, String done, String refused);

        static native TemplateInstance settings(Page p, ModuleView m, List<SettingForm.Field> fields, String done,
                boolean invalid);
    }

    @Inject
    AdminAccess access;
    @Inject
    ModuleEnabling enabling;

    @GET
    public TemplateInstance list(@QueryParam("done") String done) {
        Page p = access.page();
        return Templates.modules(p, enabling.list(access.county()), "switched".equals(done) ? done : null, null);
    }

    @POST
    @Path("/{module}")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response switchModule(@PathParam("module") String module, @FormParam("enabled") boolean enabled) {
        Page p = access.page();
        try {
            enabling.configure(access.county(), module, new ModuleEnabling.Change(null, enabled, null), access.actor(),
                    false);
        } catch (ProblemException e) {
            if (e.problem().status() == 404) {
                throw e;
            }
            return Response.status(e.problem().status()).entity(Templates.modules(p, enabling.list(access.county()),
                    null, e.problem().status() == 409 ? "admin.module.always" : "admin.module.notAllowed")).build();
        }
        return Response.seeOther(URI.create(p.base() + "/admin/modules?done=switched")).build();
    }

    @GET
    @Path("/{module}")
    public TemplateInstance settingsForm(@PathParam("module") String module, @QueryParam("done") String done) {
        Page p = access.page();
        ModuleView m = find(module);
        return Templates.settings(p, m, SettingForm.fields(m.id(), m.settingSpecs(), m.settings(), null, Map.of(),
                p.texts()), "saved".equals(done) ? done : null, false);
    }

    @POST
    @Path("/{module}/settings")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response saveSettings(@PathParam("module") String module, MultivaluedMap<String, String> form) {
        Page p = access.page();
        ModuleView m = find(module);
        Map<String, String> typed = new LinkedHashMap<>();
        m.settingSpecs().forEach(s -> typed.put((String) s.get("key"), form.getFirst((String) s.get("key"))));
        try {
            enabling.configure(access.county(), m.id(), new ModuleEnabling.Change(null, null,
                    SettingForm.values(m.settingSpecs(), typed)), access.actor(), false);
        } catch (ProblemException e) {
            if (e.problem().status() != 422 || e.problem().errors() == null) {
                throw e;
            }
            return Response.status(422).entity(Templates.settings(p, m, SettingForm.fields(m.id(), m.settingSpecs(),
                    m.settings(), typed, e.problem().errors(), p.texts()), null, true)).build();
        }
        return Response.seeOther(URI.create(p.base() + "/admin/modules/" + m.id() + "?done=saved")).build();
    }

    private ModuleView find(String module) {
        return enabling.list(access.county()).stream().filter(v -> v.id().equals(module)).findFirst()
                .orElseThrow(() -> ProblemException.notFound("No module '" + (module.length() > 40
                        ? module.substring(0, 40) : module) + "'."));
    }
}
