package io.mingjing.platform.portal;

import io.mingjing.platform.appeal.AppealCategory;
import io.mingjing.platform.appeal.AppealKind;
import io.mingjing.platform.appeal.AppealRequest;
import io.mingjing.platform.appeal.AppealService;
import io.mingjing.platform.identity.CurrentCaller;
import io.mingjing.platform.orgunit.OrgUnit;
import io.mingjing.platform.orgunit.OrgUnitLevel;
import io.mingjing.platform.resident.Resident;
import io.quarkus.panache.common.Sort;
import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import io.quarkus.security.Authenticated;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import jakarta.validation.Validator;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import java.io.IOException;
import java.util.List;
import org.jboss.resteasy.reactive.RestForm;
import org.jboss.resteasy.reactive.multipart.FileUpload;

/**
 * 我有话说: the portal's form for filing a case, without JavaScript; a phone's file picker records the
 * voice message ({@code capture}). The API does the checking; this page only collects and answers.
 */
@Path("/t/{tenant}/appeals/new")
@Produces(MediaType.TEXT_HTML)
@Authenticated
public class AppealPages {

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance form(Page p, List<AppealCategory> categories, List<OrgUnit> villages,
                String village, String payment);

        static native TemplateInstance receipt(Page p, AppealService.Receipt receipt);
    }

    @Inject
    PortalContext ctx;
    @Inject
    CurrentCaller caller;
    @Inject
    AppealService appeals;
    @Inject
    io.mingjing.platform.appeal.AppealUploads uploads;
    @Inject
    Validator validator;

    @GET
    @Transactional
    public TemplateInstance form(@QueryParam("payment") String payment) {
        Resident me = Resident.byUserId(caller.get().userId());
        String village = me != null ? me.registeredVillage : ctx.rememberedVillage();
        return Templates.form(ctx.page(village == null ? null : OrgUnit.findById(village)),
                AppealCategory.listAll(Sort.by("code")), OrgUnit.list("level", Sort.by("code"), OrgUnitLevel.VILLAGE),
                village, payment);
    }

    @POST
    @Consumes(MediaType.MULTIPART_FORM_DATA)
    public TemplateInstance file(@RestForm AppealKind kind, @RestForm String category, @RestForm String subject,
            @RestForm String body, @RestForm String village, @RestForm String payment,
            @RestForm("photo") List<FileUpload> photos, @RestForm("voice") FileUpload voice) throws IOException {
        AppealRequest request = new AppealRequest(kind, category, subject, body, village, null, null,
                payment == null || payment.isBlank() ? null : payment, null, null);
        var violations = validator.validate(request);
        if (!violations.isEmpty()) {
            throw new jakarta.validation.ConstraintViolationException(violations);
        }
        var files = uploads.read(request.toString(), photos, voice);
        var receipt = appeals.submit(request, files.uploads(), null, files.digest());
        return Templates.receipt(ctx.page(OrgUnit.findById(village)), receipt);
    }
}
