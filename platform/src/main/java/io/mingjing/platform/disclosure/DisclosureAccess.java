package io.mingjing.platform.disclosure;

import io.mingjing.platform.resident.ResidentAccess;
import io.mingjing.platform.orgunit.Places;
import io.mingjing.platform.identity.CurrentCaller;
import io.mingjing.platform.identity.Role;
import io.mingjing.platform.problem.ProblemException;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import java.util.HashMap;
import java.util.Map;

/**
 * Who may see and do what with disclosures, answered through {@link CurrentCaller} only:
 * published PUBLIC versions are for everyone, RESIDENTS versions for the village's residents and the
 * staff responsible for it; unpublished versions exist only for that staff (404 for anyone else).
 */
@RequestScoped
public class DisclosureAccess {

    @Inject
    ResidentAccess residentAccess;
    @Inject
    Places places;
    @Inject
    CurrentCaller caller;

    private final Map<String, Boolean> residentContent = new HashMap<>();

    public boolean mayReadResidents(String village) {
        return residentContent.computeIfAbsent(village, residentAccess::mayReadResidentContent);
    }

    public boolean mayRead(Disclosure x) {
        if (x.published()) {
            return x.visibility == Disclosure.Visibility.PUBLIC || mayReadResidents(x.villageCode);
        }
        return isStaffFor(x.villageCode);
    }

    /** @throws ProblemException 404 when the caller may not know the version exists */
    public Disclosure requireRead(Disclosure x) {
        if (!mayRead(x)) {
            throw ProblemException.notFound("No disclosure " + x.id + ".");
        }
        return x;
    }

    /** Staff responsible for the village (its cadres, its town, county-wide staff); never villagers. */
    public boolean isStaffFor(String village) {
        return places.mayActOn(village);
    }

    /** Drafting and editing: the village's cadre or bookkeeper. */
    public void requireAuthor(String village) {
        caller.requireRole(Role.CADRE, Role.BOOKKEEPER);
        places.requireActOn(village);
    }

    /** Publishing and returning: a town official of the village's town (or the county admin). */
    public void requireReviewer(String village) {
        caller.requireRole(Role.TOWN_OFFICIAL, Role.TENANT_ADMIN);
        places.requireActOn(village);
    }

    public String actor() {
        return caller.get().actor();
    }
}
