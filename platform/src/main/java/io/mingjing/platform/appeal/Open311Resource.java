package io.mingjing.platform.appeal;

import io.mingjing.platform.audit.AuditEntry;
import io.mingjing.platform.identity.CurrentCaller;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import io.mingjing.platform.problem.ProblemException;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import jakarta.validation.Validator;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.jboss.resteasy.reactive.RestForm;

/**
 * Open311 GeoReport v2, so existing clients can file and follow cases: categories are services,
 * states map to open/closed. Filing needs a county bearer token (anonymous filing is for reports,
 * which are not offered as a service here); anyone may follow public inquiries, and their own cases.
 */
@Path("/api/t/{tenant}/open311/v2")
@Produces(MediaType.APPLICATION_JSON)
public class Open311Resource {

    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Service(@JsonProperty("service_code") String code, @JsonProperty("service_name") String name,
            String description, boolean metadata, String type, String keywords, String group) {
    }

    public record Definition(@JsonProperty("service_code") String code, List<Object> attributes) {
    }

    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record ServiceRequest(@JsonProperty("service_request_id") String id, String status,
            @JsonProperty("status_notes") String notes, @JsonProperty("service_code") String code,
            @JsonProperty("service_name") String name, String description,
            @JsonProperty("requested_datetime") Instant requested, @JsonProperty("address_id") String village,
            Double lat, @JsonProperty("long") Double lon) {
    }

    public record Created(@JsonProperty("service_request_id") String id, @JsonProperty("service_notice") String notice,
            String token) {
    }

    @Inject
    AppealService appeals;
    @Inject
    AppealAccess access;
    @Inject
    Validator validator;
    @Inject
    CurrentCaller caller;

    @GET
    @Path("/services.json")
    @Transactional
    public List<Service> services() {
        return AppealCategory.<AppealCategory>listAll().stream().map(Open311Resource::service).toList();
    }

    @GET
    @Path("/services/{code}.json")
    @Transactional
    public Definition definition(@PathParam("code") String code) {
        if (AppealCategory.findById(code) == null) {
            throw ProblemException.notFound("No service " + code + ".");
        }
        return new Definition(code, List.of());
    }

    @POST
    @Path("/requests.json")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public List<Created> create(@RestForm("service_code") String code, @RestForm("description") String description,
            @RestForm("lat") Double lat, @RestForm("long") Double lon, @RestForm("address_id") String village,
            @HeaderParam("Idempotency-Key") String key) {
        if (description == null || description.isBlank()) {
            throw ProblemException.invalid(400, "description is required.", Map.of("description", "is required"));
        }
        String subject = description.length() > 40 ? description.substring(0, 40) + "…" : description;
        AppealRequest request = new AppealRequest(AppealKind.COMPLAINT, code, subject, description, village, lat, lon,
                null, null, null);
        var violations = validator.validate(request);
        if (!violations.isEmpty()) {
            throw new jakarta.validation.ConstraintViolationException(violations);
        }
        var receipt = appeals.submit(request, List.of(), key,
                AuditEntry.sha256(code + "\n" + description + "\n" + village), null);
        return List.of(new Created(receipt.trackingNo(), "已受理登记，请记下编号 " + receipt.trackingNo(), receipt.receiptHash()));
    }

    /** Public inquiries, plus the caller's own cases when they send a token. */
    @GET
    @Path("/requests.json")
    @Transactional
    public List<ServiceRequest> requests() {
        String me = caller.get().anonymous() ? "" : caller.get().userId();
        return Appeal.<Appeal>find("kind = ?1 or appellantUserId = ?2 order by createdAt desc", AppealKind.INQUIRY, me)
                .page(0, 200).stream().map(Open311Resource::request).toList();
    }

    @GET
    @Path("/requests/{id}.json")
    @Transactional
    public List<ServiceRequest> request(@PathParam("id") String id) {
        Appeal a = Appeal.find("trackingNo", id).firstResult();
        if (a == null || !(a.kind == AppealKind.INQUIRY || access.isAppellant(a))) {
            throw AppealAccess.notFound(id);
        }
        return List.of(request(a));
    }

    private static Service service(AppealCategory c) {
        return new Service(c.code, c.nameZh, c.nameEn, false, c.urgent ? "realtime" : "batch", c.nameEn,
                c.route.name());
    }

    private static ServiceRequest request(Appeal a) {
        boolean closed = a.state == AppealState.REPLIED || a.state == AppealState.RATED;
        return new ServiceRequest(a.trackingNo, closed ? "closed" : "open", a.state.name(), a.category, a.category,
                a.kind == AppealKind.INQUIRY ? a.body : null, a.createdAt, a.village, a.latitude, a.longitude);
    }
}
