package io.mingjing.platform.identity;

import io.mingjing.platform.orgunit.OrgUnit;
import io.mingjing.platform.problem.ProblemException;
import io.mingjing.platform.resident.Resident;
import io.quarkus.security.identity.SecurityIdentity;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import java.util.HashSet;
import java.util.Set;
import org.eclipse.microprofile.jwt.JsonWebToken;

/**
 * The caller of this request, and the one place that answers "may this caller act on org unit X?".
 * Every role check about places goes through here.
 */
@RequestScoped
public class CurrentCaller {

    private static final Set<String> COUNTY_WIDE = Set.of(Role.TENANT_ADMIN, Role.DEPARTMENT_STAFF, Role.INSPECTOR);
    private static final Set<String> VILLAGE_STAFF = Set.of(Role.CADRE, Role.SUPERVISOR, Role.BOOKKEEPER);

    @Inject
    SecurityIdentity identity;

    private Caller caller;

    public Caller get() {
        if (caller == null) {
            caller = build();
        }
        return caller;
    }

    /**
     * For system work inside a {@code TenantScope} (a county descriptor's demo cases): the rest of this
     * request acts as the given person of that county, with the same checks as their own requests.
     */
    public void actAs(Caller person) {
        caller = person;
    }

    private Caller build() {
        if (identity.isAnonymous() || !(identity.getPrincipal() instanceof JsonWebToken jwt)) {
            return Caller.ANONYMOUS;
        }
        String name = jwt.getClaim("preferred_username");
        return new Caller(jwt.getSubject(), name == null ? jwt.getName() : name, Set.copyOf(identity.getRoles()),
                jwt.getClaim("org_unit"), countyOf(jwt.getIssuer()));
    }

    /** The county whose realm issued the token, from the issuer {@code …/realms/mingjing-<id>}. */
    static String countyOf(String issuer) {
        String marker = "/realms/mingjing-";
        int i = issuer == null ? -1 : issuer.lastIndexOf(marker);
        return i < 0 ? null : issuer.substring(i + marker.length());
    }

    /**
     * Staff may act on: their own village (cadre, supervisor, bookkeeper), the villages of their town
     * (town official), anything in the county (department staff, inspectors, admins). Grids belong to
     * their village. Villagers act for themselves only, never on org units.
     */
    public boolean mayActOn(String orgUnitCode) {
        Caller c = get();
        if (c.anonymous() || orgUnitCode == null) {
            return false;
        }
        if (c.roles().stream().anyMatch(COUNTY_WIDE::contains)) {
            return OrgUnit.findById(orgUnitCode) != null;
        }
        Set<String> chain = chain(orgUnitCode);
        if (c.orgUnit() == null) {
            return false;
        }
        boolean village = c.roles().stream().anyMatch(VILLAGE_STAFF::contains);
        boolean town = c.hasRole(Role.TOWN_OFFICIAL);
        OrgUnit own = OrgUnit.findById(c.orgUnit());
        if (own == null || !chain.contains(own.code)) {
            return false;
        }
        return switch (own.level) {
            case VILLAGE -> village;
            case TOWN -> town;
            case GRID -> false;
        };
    }

    public void requireActOn(String orgUnitCode) {
        if (!mayActOn(orgUnitCode)) {
            throw new ProblemException(403, "Forbidden", "Your account may not act for org unit " + orgUnitCode + ".");
        }
    }

    public void requireRole(String... roles) {
        for (String role : roles) {
            if (get().hasRole(role)) {
                return;
            }
        }
        throw new ProblemException(403, "Forbidden", "Your account may not do this.");
    }

    /**
     * Resident-only content of a village (住户专栏) is for that village's residents — registered or
     * living there — and for staff who may act on the village.
     */
    public boolean mayReadResidentContent(String villageCode) {
        Caller c = get();
        if (c.anonymous()) {
            return false;
        }
        if (c.hasRole(Role.VILLAGER)) {
            Resident me = Resident.byUserId(c.userId());
            if (me != null && (villageCode.equals(me.registeredVillage) || villageCode.equals(me.residenceVillage))) {
                return true;
            }
        }
        return mayActOn(villageCode);
    }

    /** The unit and its ancestors: a grid, its village, its town. */
    private static Set<String> chain(String code) {
        Set<String> chain = new HashSet<>();
        OrgUnit u = OrgUnit.findById(code);
        while (u != null && chain.add(u.code)) {
            u = u.parentCode == null ? null : OrgUnit.findById(u.parentCode);
        }
        return chain;
    }
}
