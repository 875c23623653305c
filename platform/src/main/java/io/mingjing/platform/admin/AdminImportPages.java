package io.mingjing.platform.admin;

import io.mingjing.platform.orgunit.OrgUnitImport;
import io.mingjing.platform.payment.PaymentImport;
import io.mingjing.platform.portal.Page;
import io.mingjing.platform.problem.ProblemException;
import io.mingjing.platform.registry.TenantRegistry;
import io.mingjing.platform.resident.IdCards;
import io.mingjing.platform.resident.ResidentImport;
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
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.io.IOException;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import org.jboss.resteasy.reactive.RestForm;
import org.jboss.resteasy.reactive.multipart.FileUpload;

/**
 * Imports of org units, residents and payments from a file, in two steps: the file is checked as the
 * import would check it and shown (its first rows, or every problem with its row number), then imported
 * from the confirmation, which carries the same bytes back. The importers are the API's; nothing is
 * written until the confirmation, and an import that finds a problem then writes nothing either.
 */
@Path("/t/{tenant}/admin/imports")
@Produces(MediaType.TEXT_HTML)
@Authenticated
public class AdminImportPages {

    static final List<String> KINDS = List.of("org-units", "residents", "payments");
    static final int PREVIEW_ROWS = 20;

    /** What a checked file looks like: its header, its first rows, how many there are. */
    public record Preview(String kind, String filename, List<String> header, List<List<String>> rows, int total,
            String content) {
    }

    /** What an import did. */
    public record Done(String kind, int rows, String receipt, List<List<String>> codes) {
    }

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance imports(Page p, List<String> kinds, Preview preview,
                List<ImportErrors.Problem> problems, String failedKind, Done done);
    }

    @Inject
    AdminAccess access;
    @Inject
    OrgUnitImport orgUnits;
    @Inject
    ResidentImport residents;
    @Inject
    PaymentImport payments;
    @Inject
    TenantRegistry registry;

    @GET
    public TemplateInstance start() {
        return Templates.imports(access.page(), KINDS, null, List.of(), null, null);
    }

    @POST
    @Path("/{kind}/preview")
    @Consumes(MediaType.MULTIPART_FORM_DATA)
    public Response preview(@PathParam("kind") String kind, @RestForm("file") FileUpload file) throws IOException {
        Page p = access.page();
        String k = known(kind);
        byte[] data = file == null ? new byte[0] : Files.readAllBytes(file.uploadedFile());
        String filename = file == null ? null : file.fileName();
        try {
            List<List<String>> rows = check(k, data);
            var shown = rows.stream().limit(PREVIEW_ROWS).map(r -> masked(k, r)).toList();
            return Response.ok(Templates.imports(p, KINDS, new Preview(k, filename, header(k), shown, rows.size(),
                    Base64.getEncoder().encodeToString(data)), List.of(), null, null)).build();
        } catch (ProblemException e) {
            return refused(p, k, e);
        }
    }

    @POST
    @Path("/{kind}")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response importFile(@PathParam("kind") String kind, @FormParam("content") String content,
            @FormParam("filename") String filename) {
        Page p = access.page();
        String k = known(kind);
        byte[] data;
        try {
            data = Base64.getDecoder().decode(content == null ? "" : content);
        } catch (IllegalArgumentException e) {
            throw ProblemException.invalid(400, "The confirmation does not carry a file.", Map.of("content",
                    "must be the file as the preview gave it"));
        }
        try {
            return Response.ok(Templates.imports(p, KINDS, null, List.of(), null, run(k, data, filename))).build();
        } catch (ProblemException e) {
            return refused(p, k, e);
        }
    }

    private Response refused(Page p, String kind, ProblemException e) {
        Map<String, String> errors = e.problem().errors();
        if (errors == null || errors.isEmpty()) {
            errors = Map.of("file", e.getMessage());
        }
        return Response.status(e.problem().status()).entity(Templates.imports(p, KINDS, null,
                ImportErrors.of(errors, p.texts()), kind, null)).build();
    }

    private List<List<String>> check(String kind, byte[] data) {
        return switch (kind) {
            case "org-units" -> orgUnits.check(data, registry.regionCode(access.county()));
            case "residents" -> residents.check(data);
            default -> payments.check(data);
        };
    }

    private Done run(String kind, byte[] data, String filename) {
        String actor = access.actor();
        return switch (kind) {
            case "org-units" -> {
                var r = orgUnits.importCsv(data, registry.regionCode(access.county()), actor);
                yield new Done(kind, r.rows(), r.receipt(), List.of());
            }
            case "residents" -> {
                var r = residents.importCsv(access.county(), data, actor, false);
                yield new Done(kind, r.rows(), r.receipt(), r.activationCodes().stream()
                        .map(c -> List.of(String.valueOf(c.household()), String.valueOf(c.name()),
                                String.valueOf(c.code())))
                        .toList());
            }
            default -> {
                var r = payments.importFile(data, filename, actor);
                yield new Done(kind, r.rows(), r.receipt(), List.of());
            }
        };
    }

    static List<String> header(String kind) {
        return switch (kind) {
            case "org-units" -> OrgUnitImport.HEADER;
            case "residents" -> ResidentImport.HEADER;
            default -> PaymentImport.HEADER;
        };
    }

    /** A preview shows no full ID number: the checked file may be anyone's, the screen may be seen. */
    private static List<String> masked(String kind, List<String> row) {
        int id = header(kind).indexOf("idCard");
        if (id < 0 || row.size() <= id || row.get(id).length() != 18) {
            return row;
        }
        List<String> copy = new ArrayList<>(row);
        copy.set(id, IdCards.mask(row.get(id)));
        return copy;
    }

    private static String known(String kind) {
        if (!KINDS.contains(kind)) {
            throw ProblemException.notFound("No import of '" + (kind.length() > 20 ? kind.substring(0, 20) : kind)
                    + "'.");
        }
        return kind;
    }
}
