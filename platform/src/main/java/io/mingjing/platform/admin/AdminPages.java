package io.mingjing.platform.admin;

import io.mingjing.platform.onboarding.CountyBranding;
import io.mingjing.platform.onboarding.OnboardingRequest;
import io.mingjing.platform.portal.Page;
import io.mingjing.platform.problem.ProblemException;
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
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.util.LinkedHashMap;
import java.util.Map;
import org.jboss.resteasy.reactive.RestForm;
import org.jboss.resteasy.reactive.multipart.FileUpload;

/**
 * The county admin console's home and the portal's branding: name, colour, platform name, motto and
 * logo. The words follow the operator API's rules ({@link OnboardingRequest}); the logo follows the
 * platform's file rules (its bytes must be an image).
 */
@Path("/t/{tenant}/admin")
@Produces(MediaType.TEXT_HTML)
@Authenticated
public class AdminPages {

    /** The branding form as typed and its problems, per field, as text keys. */
    public record BrandForm(String name, String primaryColor, String platformName, String motto,
            Map<String, String> errors) {
        public boolean has(String field) {
            return errors.containsKey(field);
        }
    }

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance home(Page p);

        static native TemplateInstance branding(Page p, BrandForm form, String done, String logoError);
    }

    @Inject
    AdminAccess access;
    @Inject
    CountyBranding branding;
    @Inject
    Validator validator;

    @GET
    public TemplateInstance home() {
        return Templates.home(access.page());
    }

    @GET
    @Path("/branding")
    public TemplateInstance brandingForm(@QueryParam("done") String done) {
        Page p = access.page();
        BrandForm form = new BrandForm(p.countyName(), p.color(), orEmpty(p.brand("platformName")),
                orEmpty(p.brand("motto")), Map.of());
        return Templates.branding(p, form, "saved".equals(done) || "logo".equals(done) ? done : null, null);
    }

    @POST
    @Path("/branding")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response rebrand(@FormParam("name") String name, @FormParam("primaryColor") String primaryColor,
            @FormParam("platformName") String platformName, @FormParam("motto") String motto) {
        Page p = access.page();
        var words = new OnboardingRequest.Branding(blank(primaryColor), blank(motto), blank(platformName), null);
        Map<String, String> errors = new LinkedHashMap<>();
        validator.validateValue(OnboardingRequest.class, "name", blank(name)).forEach(v -> errors.put("name",
                "console.onboard.err.name"));
        validator.validate(words).forEach(v -> {
            String field = v.getPropertyPath().toString();
            errors.put(field, "console.onboard.err." + field);
        });
        if (!errors.isEmpty()) {
            return Response.status(422).entity(Templates.branding(p, new BrandForm(name, primaryColor, platformName,
                    motto, errors), null, null)).build();
        }
        branding.rebrand(access.county(), name.strip(), words, access.actor());
        return Response.seeOther(URI.create(p.base() + "/admin/branding?done=saved")).build();
    }

    @POST
    @Path("/branding/logo")
    @Consumes(MediaType.MULTIPART_FORM_DATA)
    public Response logo(@RestForm("logo") FileUpload logo) throws IOException {
        Page p = access.page();
        byte[] data = logo == null ? new byte[0] : Files.readAllBytes(logo.uploadedFile());
        try {
            branding.setLogo(access.county(), data, access.actor());
        } catch (ProblemException e) {
            String key = e.problem().status() == 413 ? "admin.logo.err.size" : "admin.logo.err.kind";
            BrandForm form = new BrandForm(p.countyName(), p.color(), orEmpty(p.brand("platformName")),
                    orEmpty(p.brand("motto")), Map.of());
            return Response.status(e.problem().status()).entity(Templates.branding(p, form, null, key)).build();
        }
        return Response.seeOther(URI.create(p.base() + "/admin/branding?done=logo")).build();
    }

    static String blank(String s) {
        return s == null || s.isBlank() ? null : s.strip();
    }

    private static String orEmpty(String s) {
        return s == null ? "" : s;
    }
}
