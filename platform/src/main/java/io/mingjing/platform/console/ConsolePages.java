package io.mingjing.platform.console;

import io.mingjing.platform.audit.ChainVerification;
import io.mingjing.platform.audit.ProvinceLog;
import io.mingjing.platform.identity.Role;
import io.mingjing.platform.input.LocalPaths;
import io.mingjing.platform.onboarding.Onboarding;
import io.mingjing.platform.onboarding.TenantView;
import io.mingjing.platform.plugin.ModuleEnabling;
import io.mingjing.platform.plugin.ModuleView;
import io.mingjing.platform.plugin.PluginCatalogue;
import io.mingjing.platform.plugin.PluginInstaller;
import io.mingjing.platform.portal.PortalContext;
import io.mingjing.platform.problem.ProblemException;
import io.mingjing.platform.registry.TenantStatus;
import io.mingjing.platform.tenancy.TenantIds;
import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import jakarta.annotation.security.RolesAllowed;
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
import jakarta.ws.rs.core.NewCookie;
import jakarta.ws.rs.core.Response;
import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.sql.SQLException;
import java.util.List;
import java.util.Map;
import org.jboss.resteasy.reactive.RestForm;
import org.jboss.resteasy.reactive.multipart.FileUpload;

/**
 * The provincial operator's console: counties with their health, onboarding from a form, suspension,
 * which modules a county may use, the plugin catalogue and the province's audit chain. Every action
 * calls the service the operator API calls; the console only renders and collects forms.
 */
@Path("/console")
@Produces(MediaType.TEXT_HTML)
@RolesAllowed(Role.OPERATOR)
public class ConsolePages {

    /** A county in the list, with its health. */
    public record Row(TenantView county, CountyHealth.Health health) {
    }

    /** An outcome shown once at the top of a page: a text key, and whether it is bad news. */
    public record Notice(String key, String detail, boolean bad) {
    }

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance counties(ConsolePage p, List<Row> rows);

        static native TemplateInstance onboard(ConsolePage p, OnboardForm form, List<PluginCatalogue.Plugin> modules);

        static native TemplateInstance county(ConsolePage p, TenantView c, CountyHealth.Health health,
                List<ModuleView> modules, Notice notice, String adminPassword);

        static native TemplateInstance plugins(ConsolePage p, List<PluginCatalogue.Plugin> plugins,
                List<PluginCatalogue.Failure> rejected, Notice notice);

        static native TemplateInstance audit(ConsolePage p, ChainVerification chain, List<ProvinceLog.Entry> entries,
                Long older);
    }

    static final int AUDIT_PAGE = 50;

    @Inject
    ConsoleContext ctx;
    @Inject
    Onboarding onboarding;
    @Inject
    CountyHealth health;
    @Inject
    ModuleEnabling enabling;
    @Inject
    PluginCatalogue catalogue;
    @Inject
    PluginInstaller installer;
    @Inject
    Validator validator;
    @Inject
    ProvinceLog province;

    @GET
    public TemplateInstance counties() {
        List<Row> rows = onboarding.counties().stream().map(c -> new Row(c, health.of(c))).toList();
        return Templates.counties(ctx.page(), rows);
    }

    @GET
    @Path("/counties/new")
    public TemplateInstance newCounty() {
        return Templates.onboard(ctx.page(), OnboardForm.empty(), modules());
    }

    /** Onboards at once; a failure shows the county FAILED with its reason and a retry button. */
    @POST
    @Path("/counties")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response onboard(@FormParam("id") String id, @FormParam("name") String name,
            @FormParam("regionCode") String regionCode, @FormParam("primaryColor") String primaryColor,
            @FormParam("motto") String motto, @FormParam("platformName") String platformName,
            @FormParam("adminUsername") String adminUsername, @FormParam("adminEmail") String adminEmail,
            @FormParam("modules") List<String> modules) {
        OnboardForm form = new OnboardForm(id, name, regionCode, primaryColor, motto, platformName, adminUsername,
                adminEmail, modules, Map.of());
        var request = form.request();
        Map<String, String> errors = OnboardForm.errorKeys(validator.validate(request));
        if (!errors.isEmpty()) {
            return invalid(form.withErrors(errors));
        }
        try {
            var done = onboarding.onboard(request, ctx.actor(), false);
            TenantView c = onboarding.county(done.tenant().id);
            return Response.status(201).entity(county(c, new Notice("console.onboarded", null, false),
                    done.adminPassword())).build();
        } catch (ProblemException e) {
            int status = e.problem().status();
            if (status == 409) {
                return invalid(form.withErrors(Map.of("id", "console.onboard.err.taken")));
            }
            if (status == 422 || status == 400) {
                Map<String, String> semantic = new java.util.LinkedHashMap<>();
                e.problem().errors().keySet().forEach(k -> semantic.putIfAbsent(OnboardForm.field(k),
                        "console.onboard.err." + OnboardForm.field(k)));
                return invalid(form.withErrors(semantic));
            }
            return failed(request.id(), e);
        }
    }

    private Response invalid(OnboardForm form) {
        return Response.status(422).entity(Templates.onboard(ctx.page(), form, modules())).build();
    }

    /** The county as the failure left it; a failure before it was registered (the database down) stays a problem. */
    private Response failed(String id, ProblemException e) {
        TenantView c;
        try {
            c = onboarding.county(id);
        } catch (ProblemException notRegistered) {
            throw e;
        }
        return Response.status(e.problem().status()).entity(county(c, new Notice("console.failed",
                c.failureReason(), true), null)).build();
    }

    @GET
    @Path("/counties/{id}")
    public TemplateInstance county(@PathParam("id") String id, @QueryParam("done") String done) {
        TenantView c = onboarding.county(validId(id));
        Notice notice = done != null && done.matches("[a-z-]{1,20}") ? new Notice("console.done." + done, null, false)
                : null;
        return county(c, notice, null);
    }

    private TemplateInstance county(TenantView c, Notice notice, String adminPassword) {
        List<ModuleView> modules = c.status() == TenantStatus.FAILED ? List.of() : enabling.list(c.id());
        return Templates.county(ctx.page(), c, health.of(c), modules, notice, adminPassword);
    }

    @POST
    @Path("/counties/{id}/{action:retry|suspend|resume}")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response act(@PathParam("id") String id, @PathParam("action") String action) {
        String county = validId(id);
        try {
            switch (action) {
                case "retry" -> {
                    var done = onboarding.retry(county, ctx.actor());
                    return Response.ok(county(onboarding.county(county), new Notice("console.onboarded", null, false),
                            done.adminPassword())).build();
                }
                case "suspend" -> onboarding.suspend(county, ctx.actor());
                default -> onboarding.resume(county, ctx.actor());
            }
        } catch (ProblemException e) {
            if (e.problem().status() == 404) {
                throw e;
            }
            return Response.status(e.problem().status()).entity(county(onboarding.county(county),
                    new Notice("console.refused", e.getMessage(), true), null)).build();
        }
        return back(county, action);
    }

    /** The operator allows or forbids a module for a county, or switches it on or off there. */
    @POST
    @Path("/counties/{id}/modules/{module}")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response entitle(@PathParam("id") String id, @PathParam("module") String module,
            @FormParam("allowed") Boolean allowed, @FormParam("enabled") Boolean enabled) {
        String county = validId(id);
        try {
            enabling.configure(county, module, new ModuleEnabling.Change(allowed, enabled, null), ctx.actor(), true);
        } catch (ProblemException e) {
            if (e.problem().status() == 404) {
                throw e;
            }
            return Response.status(e.problem().status()).entity(county(onboarding.county(county),
                    new Notice("console.refused", e.getMessage(), true), null)).build();
        }
        return back(county, "modules");
    }

    @GET
    @Path("/plugins")
    public TemplateInstance plugins(@QueryParam("done") String done) {
        Notice notice = done != null && done.matches("[a-z-]{1,20}") ? new Notice("console.done." + done, null, false)
                : null;
        return plugins(notice);
    }

    private TemplateInstance plugins(Notice notice) {
        return Templates.plugins(ctx.page(), catalogue.plugins(), List.copyOf(catalogue.failures()), notice);
    }

    /** Installs a new plugin or upgrades a running one; the old version serves until the new one is ready. */
    @POST
    @Path("/plugins")
    @Consumes(MediaType.MULTIPART_FORM_DATA)
    public Response install(@RestForm("jar") FileUpload jar) throws IOException {
        byte[] bytes = jar == null ? new byte[0] : Files.readAllBytes(jar.uploadedFile());
        try {
            var done = installer.install(bytes, ctx.actor());
            return Response.ok(plugins(new Notice(done.previousVersion() == null ? "console.installed"
                    : "console.upgraded", done.id() + " " + done.version(), false))).build();
        } catch (ProblemException e) {
            return Response.status(e.problem().status()).entity(plugins(new Notice("console.refused",
                    e.getMessage(), true))).build();
        }
    }

    @POST
    @Path("/plugins/{id}/remove")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response remove(@PathParam("id") String id) {
        installer.uninstall(id, ctx.actor());
        return Response.seeOther(URI.create("/console/plugins?done=removed")).build();
    }

    /** The province's chain of operator actions, newest first, and whether it is intact. */
    @GET
    @Path("/audit")
    public TemplateInstance audit(@QueryParam("before") Long before) throws SQLException {
        List<ProvinceLog.Entry> entries = province.recent(before, AUDIT_PAGE);
        Long older = entries.size() == AUDIT_PAGE ? entries.getLast().seq() : null;
        return Templates.audit(ctx.page(), province.verify(), entries, older);
    }

    /** Switches the console's language (a cookie of its own path) and goes back to the page. */
    @GET
    @Path("/lang/{lang}")
    public Response lang(@PathParam("lang") String lang, @QueryParam("back") String back) {
        URI target = LocalPaths.under("/console/", back).orElse(URI.create("/console"));
        return Response.seeOther(target).cookie(new NewCookie.Builder(PortalContext.LANG_COOKIE)
                .value("en".equals(lang) ? "en" : "zh").path("/console").maxAge(60 * 60 * 24 * 365)
                .sameSite(NewCookie.SameSite.LAX).build()).build();
    }

    private static Response back(String county, String done) {
        return Response.seeOther(URI.create("/console/counties/" + county + "?done=" + done)).build();
    }

    /** What an onboarding may enable besides the built-in features, which every county has. */
    private List<PluginCatalogue.Plugin> modules() {
        return catalogue.plugins();
    }

    private static String validId(String id) {
        if (!TenantIds.isValid(id)) {
            throw ProblemException.notFound("No county '" + (id.length() > 40 ? id.substring(0, 40) : id) + "'.");
        }
        return id;
    }
}
