package io.mingjing.platform.portal;

import io.mingjing.platform.feature.OfFeature;
import io.mingjing.platform.identity.Caller;
import io.mingjing.platform.identity.CurrentCaller;
import io.mingjing.platform.identity.Role;
import io.mingjing.platform.input.Choices;
import io.mingjing.platform.orgunit.OrgUnit;
import io.mingjing.platform.powerlist.PowerItem;
import io.mingjing.platform.problem.ProblemException;
import io.mingjing.platform.resident.Resident;
import io.mingjing.platform.service.ServiceApplication;
import io.mingjing.platform.service.ServiceApplications;
import io.mingjing.platform.service.ServiceCatalogue;
import io.mingjing.platform.service.ServiceFeature;
import io.mingjing.platform.service.ServiceItemSpec;
import io.mingjing.platform.service.ServiceLists;
import io.mingjing.platform.service.ServiceRequests;
import io.mingjing.platform.service.ServiceView;
import io.mingjing.platform.web.BrowserPolicy;
import io.quarkus.panache.common.Sort;
import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import io.quarkus.security.Authenticated;
import jakarta.annotation.security.PermitAll;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.FormParam;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.jboss.resteasy.reactive.RestForm;
import org.jboss.resteasy.reactive.multipart.FileUpload;
import org.jboss.resteasy.reactive.server.multipart.FormValue;
import org.jboss.resteasy.reactive.server.multipart.MultipartFormDataInput;

/**
 * 便民服务 on a phone, without JavaScript: the catalogue by department, an item with its process chart,
 * the printable one-time notice (一次性告知单), the application form drawn from the item's schema with
 * the phone's camera for each material (the agent picks the resident of their village), the
 * resident's applications and their progress, the reviewers' decisions and the applicant's rating.
 * The service does the checking.
 */
@OfFeature(ServiceFeature.ID)
@Path("/t/{tenant}")
@Produces(MediaType.TEXT_HTML)
public class ServicePages {

    /** A department and its items, as the catalogue lists them. */
    public record Group(String department, List<ServiceCatalogue.Entry> items) {
    }

    /** A resident an agent may file for: id and the name shown with the masked ID number. */
    public record Person(long id, String label) {
    }

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance catalogue(Page p, List<Group> groups);

        static native TemplateInstance item(Page p, ServiceCatalogue.Entry e, Long power, boolean mayApply);

        static native TemplateInstance notice(Page p, ServiceCatalogue.Entry e);

        static native TemplateInstance apply(Page p, ServiceCatalogue.Entry e, List<ServiceForms.Field> fields,
                List<Person> people);

        static native TemplateInstance mine(Page p, ServiceView.Page page);

        static native TemplateInstance one(Page p, ServiceView a, boolean filerSide);

        static native TemplateInstance staff(Page p, ServiceView.Page queue, ServiceView.Page village);
    }

    @Inject
    PortalContext ctx;
    @Inject
    CurrentCaller caller;
    @Inject
    ServiceCatalogue catalogue;
    @Inject
    ServiceApplications applications;
    @Inject
    ServiceLists lists;

    @GET
    @Path("/services")
    @PermitAll
    public TemplateInstance catalogue() {
        Map<String, List<ServiceCatalogue.Entry>> by = new LinkedHashMap<>();
        catalogue.current(false).forEach(e -> by.computeIfAbsent(e.item().department(), k -> new java.util.ArrayList<>())
                .add(e));
        return Templates.catalogue(ctx.page(null), by.entrySet().stream().map(x -> new Group(x.getKey(), x.getValue()))
                .toList());
    }

    @GET
    @Path("/services/{code}")
    @PermitAll
    @Transactional
    public TemplateInstance item(@PathParam("code") String code) {
        ServiceCatalogue.Entry e = catalogue.one(code, false);
        Long power = e.item().powerItem() == null ? null : PowerItem.<PowerItem>find("title", e.item().powerItem())
                .firstResultOptional().map(x -> x.id).orElse(null);
        Caller c = caller.get();
        return Templates.item(ctx.page(null), e, power, c.hasRole(Role.VILLAGER) || c.hasRole(Role.AGENT));
    }

    @GET
    @Path("/services/{code}/notice")
    @PermitAll
    public TemplateInstance notice(@PathParam("code") String code) {
        return Templates.notice(ctx.page(null), catalogue.one(code, false));
    }

    @GET
    @Path("/services/{code}/apply")
    @Authenticated
    @Transactional
    public Response applyForm(@PathParam("code") String code) {
        ServiceCatalogue.Entry e = catalogue.one(code, false);
        Caller c = caller.get();
        List<Person> people = c.hasRole(Role.AGENT) && c.orgUnit() != null ? Resident.<Resident>list(
                "registeredVillage = ?1 or residenceVillage = ?1", Sort.by("name"), c.orgUnit()).stream()
                .map(r -> new Person(r.id, r.name + " " + (r.idCardMasked == null ? "" : r.idCardMasked))).toList()
                : List.of();
        // the one page that photographs: the phone's camera for the materials
        Page p = ctx.page(null);
        return Response.ok(Templates.apply(p, e, ServiceForms.fields(e.item(), p.english()), people))
                .header("Permissions-Policy", BrowserPolicy.permissions(List.of("camera"))).build();
    }

    /** The form, then each photographed material, then the submission: the same service and checks as the API. */
    @POST
    @Path("/services/{code}/apply")
    @Authenticated
    @Transactional
    @Consumes(MediaType.MULTIPART_FORM_DATA)
    public Response apply(@PathParam("code") String code, MultipartFormDataInput input) throws IOException {
        ServiceItemSpec item = catalogue.one(code, false).item();
        Map<String, String> values = new HashMap<>();
        input.getValues().forEach((name, list) -> list.stream().filter(v -> !v.isFileItem()).findFirst()
                .ifPresent(v -> values.put(name, v.getValue())));
        Long resident = residentOf(values.get("resident"));
        long id = applications.apply(new ServiceRequests.NewApplication(code, resident,
                ServiceForms.read(item, values), false)).id;
        for (ServiceItemSpec.Material m : item.materialList()) {
            for (FormValue v : input.getValues().getOrDefault("m-" + m.id(), List.of())) {
                if (v.isFileItem() && v.getFileItem().getFileSize() > 0) {
                    applications.attach(id, m.id(), v.getFileName(), Files.readAllBytes(v.getFileItem().getFile()));
                }
            }
        }
        applications.submit(id);
        return backTo(id);
    }

    @GET
    @Path("/services/mine")
    @Authenticated
    public TemplateInstance mine() {
        return Templates.mine(ctx.page(null), lists.list(null, null, null, 50));
    }

    @GET
    @Path("/services/applications/{id}")
    @Authenticated
    @Transactional
    public TemplateInstance one(@PathParam("id") long id) {
        ServiceApplication a = applications.readable(id);
        Caller c = caller.get();
        boolean filerSide = c.userId().equals(a.applicantUserId) || c.userId().equals(a.filerUserId)
                || c.hasRole(Role.AGENT) && a.village.equals(c.orgUnit());
        return Templates.one(ctx.page(OrgUnit.findById(a.village)), lists.view(a), filerSide);
    }

    /** A material, for the applicant's side and the reviewers, through the one file response. */
    @GET
    @Path("/services/applications/{id}/materials/{file}")
    @Authenticated
    @Produces(MediaType.WILDCARD)
    @Transactional
    public Response material(@PathParam("id") long id, @PathParam("file") long file) {
        return applications.material(id, file);
    }

    @POST
    @Path("/services/applications/{id}/decisions")
    @Authenticated
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response decide(@PathParam("id") long id, @FormParam("step") String step, @FormParam("seq") Integer seq,
            @FormParam("action") String action, @FormParam("note") String note,
            @FormParam("missing") List<String> missing, @FormParam("result") String result) {
        applications.decide(id, new ServiceRequests.Decision(blank(step) ? null : step, seq,
                Choices.of(ServiceRequests.Action.class, "action", action), blank(note) ? null : note.strip(), missing,
                blank(result) ? null : result));
        return backTo(id);
    }

    /** A draft's or a 补正's materials photographed, then sent (on or back) in one go. */
    @POST
    @Path("/services/applications/{id}/materials")
    @Transactional
    @Authenticated
    @Consumes(MediaType.MULTIPART_FORM_DATA)
    public Response materials(@PathParam("id") long id, @RestForm("material") List<String> materials,
            @RestForm("file") List<FileUpload> files) throws IOException {
        for (int i = 0; i < files.size() && i < materials.size(); i++) {
            if (files.get(i).size() > 0) {
                applications.attach(id, materials.get(i), files.get(i).fileName(),
                        Files.readAllBytes(files.get(i).uploadedFile()));
            }
        }
        applications.submit(id);
        return backTo(id);
    }

    @POST
    @Path("/services/applications/{id}/rating")
    @Authenticated
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response rate(@PathParam("id") long id, @FormParam("score") Integer score, @FormParam("note") String note) {
        applications.rate(id, new ServiceRequests.Rating(score, blank(note) ? null : note));
        return backTo(id);
    }

    @GET
    @Path("/staff/services")
    @Authenticated
    public TemplateInstance staff() {
        Caller c = caller.get();
        boolean village = (c.hasRole(Role.AGENT) || c.hasRole(Role.CADRE)) && c.orgUnit() != null;
        return Templates.staff(ctx.page(null), lists.queue(null, 50), village ? lists.list(c.orgUnit(), null, null, 50)
                : null);
    }

    private static Long residentOf(String value) {
        if (blank(value)) {
            return null;
        }
        if (!value.strip().matches("\\d{1,18}")) {
            throw ProblemException.invalid(422, "Say for whom.", java.util.Map.of("resident", "must be a resident's id"));
        }
        return Long.valueOf(value.strip());
    }

    private static boolean blank(String s) {
        return s == null || s.isBlank();
    }

    /** Post/redirect/get, so a reload does not send the form again. */
    private Response backTo(long id) {
        return Response.seeOther(URI.create(ctx.page(null).base() + "/services/applications/" + id)).build();
    }
}
