package io.mingjing.platform.payment;

import io.mingjing.platform.feature.OfFeature;
import io.mingjing.platform.resident.ResidentAccess;
import io.mingjing.platform.orgunit.Places;
import io.mingjing.platform.audit.AuditLog;
import io.mingjing.platform.identity.CurrentCaller;
import io.mingjing.platform.identity.Role;
import io.mingjing.platform.orgunit.OrgUnit;
import io.mingjing.platform.policy.Policy;
import io.mingjing.platform.problem.ProblemException;
import io.mingjing.platform.resident.Resident;
import io.quarkus.security.Authenticated;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;

/** 我的资金: payments imported from departments' lists; a villager's own, and their village's (masked). */
@OfFeature(PaymentFeature.ID)
@Path("/api/t/{tenant}")
@Produces(MediaType.APPLICATION_JSON)
public class PaymentResource {

    public record ProgrammeView(String name, Long policyId) {
    }

    public record Link(Long policyId) {
    }

    @Inject
    ResidentAccess residentAccess;
    @Inject
    Places places;
    @Inject
    PaymentImport importer;
    @Inject
    Payments payments;
    @Inject
    CurrentCaller caller;
    @Inject
    AuditLog audit;

    /** CSV or .xlsx with the columns programme,idCard,name,amount,date,department. */
    @POST
    @Path("/admin/payments/import")
    @Consumes(MediaType.WILDCARD)
    @Authenticated
    public PaymentImport.Result importFile(@QueryParam("filename") String filename, byte[] file) {
        caller.requireRole(Role.DEPARTMENT_STAFF, Role.TENANT_ADMIN);
        return importer.importFile(file, filename, caller.get().actor());
    }

    @GET
    @Path("/payments/mine")
    @Authenticated
    @Transactional
    public Payments.Mine mine() {
        Resident me = Resident.byUserId(caller.get().userId());
        if (me == null) {
            throw ProblemException.notFound("Your account is not linked to a resident of this county.");
        }
        return payments.mine(me);
    }

    /** Resident-only: the village's payments; names and ID numbers masked except for its staff. */
    @GET
    @Path("/villages/{village}/payments")
    @Authenticated
    @Transactional
    public List<Payments.VillageRow> village(@PathParam("village") String village, @QueryParam("year") Integer year,
            @QueryParam("page") @DefaultValue("0") int page) {
        if (village == null || !village.matches("\\d{12}") || OrgUnit.findById(village) == null) {
            throw ProblemException.notFound("No village " + village + " in this county.");
        }
        if (!residentAccess.mayReadResidentContent(village)) {
            throw new ProblemException(403, "Forbidden", "Only residents of village " + village
                    + " and the staff responsible for it can see its payments.");
        }
        Resident me = Resident.byUserId(caller.get().userId());
        return payments.village(village, year, page, places.mayActOn(village), me == null ? null : me.id);
    }

    @GET
    @Path("/programmes")
    @Transactional
    public List<ProgrammeView> programmes() {
        return Programme.<Programme>listAll(io.quarkus.panache.common.Sort.by("name")).stream()
                .map(p -> new ProgrammeView(p.name, p.policyId)).toList();
    }

    /** Links a programme to the policy that grants it (creates the programme if it is new). */
    @PUT
    @Path("/programmes/{name}")
    @Consumes(MediaType.APPLICATION_JSON)
    @Authenticated
    @Transactional
    public ProgrammeView link(@PathParam("name") String name, Link link) {
        caller.requireRole(Role.DEPARTMENT_STAFF, Role.TENANT_ADMIN);
        if (name == null || name.isBlank() || name.length() > 100) {
            throw ProblemException.invalid(400, "Bad programme name.", Map.of("name", "must be 1-100 characters"));
        }
        if (link == null || link.policyId() == null || Policy.findById(link.policyId()) == null) {
            throw ProblemException.invalid(422, "Unknown policy.", Map.of("policyId", "must be the id of a policy"));
        }
        Programme p = Programme.findById(name);
        if (p == null) {
            p = new Programme();
            p.name = name;
        }
        p.policyId = link.policyId();
        p.persist();
        audit.append(caller.get().actor(), "programme.linked", "Programme", name,
                (name + "->" + link.policyId()).getBytes(StandardCharsets.UTF_8));
        return new ProgrammeView(p.name, p.policyId);
    }
}
