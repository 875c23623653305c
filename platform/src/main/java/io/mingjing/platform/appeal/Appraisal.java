package io.mingjing.platform.appeal;

import io.mingjing.platform.identity.Role;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.util.List;

/** 红黄绿 appraisal per handling unit: colours, median handling time, satisfaction. */
@Path("/api/t/{tenant}/appeals/appraisal")
@Produces(MediaType.APPLICATION_JSON)
public class Appraisal {

    @Inject
    Appraisals appraisals;

    @GET
    @RolesAllowed({ Role.TENANT_ADMIN, Role.INSPECTOR, Role.DEPARTMENT_STAFF, Role.TOWN_OFFICIAL })
    @Transactional
    public List<Appraisals.UnitRecord> units() {
        return appraisals.units();
    }
}
