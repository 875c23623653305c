package io.mingjing.platform.orgunit;

import io.mingjing.platform.identity.Caller;
import io.mingjing.platform.identity.CurrentCaller;
import io.mingjing.platform.identity.Role;
import io.mingjing.platform.problem.ProblemException;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import java.util.HashSet;
import java.util.Set;

/** The one place that answers "may this caller act on org unit X?": every role check about places goes through here. */
@RequestScoped
public class Places {

    private static final Set<String> COUNTY_WIDE = Set.of(Role.TENANT_ADMIN, Role.DEPARTMENT_STAFF, Role.INSPECTOR);
    private static final Set<String> VILLAGE_STAFF = Set.of(Role.CADRE, Role.SUPERVISOR, Role.BOOKKEEPER);

    @Inject
    CurrentCaller caller;

    /**
     * Staff may act on: their own village (cadre, supervisor, bookkeeper), the villages of their town
     * (town official), anything in the county (department staff, inspectors, admins). Grids belong to
     * their village. Villagers act for themselves only, never on org units.
     */
    public boolean mayActOn(String orgUnitCode) {
        Caller c = caller.get();
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
