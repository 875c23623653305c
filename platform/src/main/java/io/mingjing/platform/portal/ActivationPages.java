package io.mingjing.platform.portal;

import io.mingjing.platform.problem.ProblemException;
import io.mingjing.platform.resident.Activations;
import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import jakarta.annotation.security.PermitAll;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.FormParam;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.net.URI;
import java.util.Map;

/**
 * 激活账号: a villager's first login, with the code printed on the household's card and a password
 * of their own, on a plain form (no script needed). Errors come back on the same form.
 */
@Path("/t/{tenant}/activate")
@Produces(MediaType.TEXT_HTML)
@PermitAll
public class ActivationPages {

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance form(Page p, String phone, Map<String, String> errors);

        static native TemplateInstance done(Page p);
    }

    @Inject
    PortalContext ctx;
    @Inject
    Activations activations;

    @GET
    public TemplateInstance form() {
        return Templates.form(ctx.page(null), "", Map.of());
    }

    /** Where a successful activation lands (post/redirect/get: a reload does not send the code again). */
    @GET
    @Path("/done")
    public TemplateInstance done() {
        return Templates.done(ctx.page(null));
    }

    @POST
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Object activate(@FormParam("phone") String phone, @FormParam("code") String code,
            @FormParam("password") String password) {
        String number = phone == null ? "" : phone.strip();
        if (number.isEmpty() || code == null || code.isBlank() || password == null || password.isEmpty()) {
            return Templates.form(ctx.page(null), number, Map.of("form", ctx.page(null).t("activate.missing")));
        }
        try {
            activations.activate(number, code, password);
        } catch (ProblemException e) {
            if (e.problem().status() != 400) {
                throw e;
            }
            return Templates.form(ctx.page(null), number, e.problem().errors());
        }
        return Response.seeOther(URI.create(ctx.page(null).base() + "/activate/done")).build();
    }
}
