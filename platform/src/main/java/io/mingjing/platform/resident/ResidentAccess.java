package io.mingjing.platform.resident;

import io.mingjing.platform.identity.Caller;
import io.mingjing.platform.identity.CurrentCaller;
import io.mingjing.platform.identity.Role;
import io.mingjing.platform.orgunit.Places;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;

/** Who may read what only a village's residents may read. */
@RequestScoped
public class ResidentAccess {

    @Inject
    CurrentCaller caller;
    @Inject
    Places places;

    /**
     * Resident-only content of a village (住户专栏) is for that village's residents — registered or
     * living there — and for staff who may act on the village.
     */
    public boolean mayReadResidentContent(String villageCode) {
        Caller c = caller.get();
        if (c.anonymous()) {
            return false;
        }
        if (c.hasRole(Role.VILLAGER)) {
            Resident me = Resident.byUserId(c.userId());
            if (me != null && (villageCode.equals(me.registeredVillage) || villageCode.equals(me.residenceVillage))) {
                return true;
            }
        }
        return places.mayActOn(villageCode);
    }

}
