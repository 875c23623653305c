package io.mingjing.platform.resident;

import io.mingjing.platform.orgunit.Places;
import io.mingjing.platform.identity.CurrentCaller;
import io.mingjing.platform.identity.Role;
import io.mingjing.platform.orgunit.OrgUnit;
import io.mingjing.platform.problem.ProblemException;
import io.mingjing.platform.tenancy.CurrentTenant;
import io.quarkus.security.Authenticated;
import jakarta.annotation.security.PermitAll;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.List;

/** Residents: imported by admins; a villager sees themselves in full and their village masked. */
@Path("/api/t/{tenant}")
@Produces(MediaType.APPLICATION_JSON)
public class ResidentResource {

    public record ResidentView(long id, String household, String name, String idCard, String phone,
            String registeredVillage, String residenceVillage) {
    }

    @Inject
    ResidentAccess residentAccess;
    @Inject
    Places places;
    @Inject
    Activations activations;
    @Inject
    ResidentImport importer;
    @Inject
    IdCards idCards;
    @Inject
    CurrentCaller caller;
    @Inject
    CurrentTenant tenant;

    @POST
    @Path("/admin/residents/import")
    @Consumes({ "text/csv", MediaType.TEXT_PLAIN })
    @RolesAllowed(Role.TENANT_ADMIN)
    public ResidentImport.Result importCsv(byte[] csv) {
        return importer.importCsv(tenant.require(), csv, caller.get().actor(), false);
    }

    public record Activation(@NotBlank(message = "is required") String phone,
            @NotBlank(message = "is required") String code,
            @NotBlank(message = "is required") @Size(max = 64, message = "must be at most 64 characters") String password) {
    }

    /** A villager's first login: the code from the household's card and a password of their own. */
    @POST
    @Path("/residents/activate")
    @PermitAll
    @Consumes(MediaType.APPLICATION_JSON)
    public Response activate(@NotNull(message = "a JSON body is required") @Valid Activation a) {
        activations.activate(a.phone().strip(), a.code(), a.password());
        return Response.noContent().build();
    }

    /** A new activation code for a resident whose card was lost. */
    @POST
    @Path("/admin/residents/{phone}/activation")
    @RolesAllowed(Role.TENANT_ADMIN)
    public Activations.Code reissue(@PathParam("phone") String phone) {
        return activations.reissue(phone, caller.get().actor());
    }

    @GET
    @Path("/residents/me")
    @Authenticated
    @Transactional
    public ResidentView me() {
        Resident me = Resident.byUserId(caller.get().userId());
        if (me == null) {
            throw ProblemException.notFound("Your account is not linked to a resident of this county.");
        }
        return view(me, true);
    }

    /** Resident-only: the village's own residents and the staff responsible for it; names and numbers masked. */
    @GET
    @Path("/villages/{village}/residents")
    @Authenticated
    @Transactional
    public List<ResidentView> ofVillage(@PathParam("village") String village) {
        if (OrgUnit.findById(village) == null) {
            throw ProblemException.notFound("No village " + village + " in this county.");
        }
        if (!residentAccess.mayReadResidentContent(village)) {
            throw new ProblemException(403, "Forbidden", "Only residents of village " + village
                    + " and the staff responsible for it can see its residents.");
        }
        boolean staff = places.mayActOn(village);
        return Resident.<Resident>list("registeredVillage = ?1 or residenceVillage = ?1 order by id", village).stream()
                .map(r -> view(r, staff || r.userId != null && r.userId.equals(caller.get().userId()))).toList();
    }

    private ResidentView view(Resident r, boolean full) {
        Household h = Household.findById(r.householdId);
        return new ResidentView(r.id, h.code, full ? r.name : maskName(r.name),
                full ? idCards.decrypt(r.idCardEncrypted) : r.idCardMasked,
                full ? r.phone : r.phone.substring(0, 3) + "****" + r.phone.substring(7),
                r.registeredVillage, r.residenceVillage);
    }

    static String maskName(String name) {
        return name.isEmpty() ? name : name.charAt(0) + "*".repeat(Math.max(1, name.length() - 1));
    }
}
