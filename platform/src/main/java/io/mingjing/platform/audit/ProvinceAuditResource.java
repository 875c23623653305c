package io.mingjing.platform.audit;

import io.mingjing.platform.problem.ProblemException;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import java.sql.SQLException;
import java.util.List;
import java.util.Map;

/** The operators' record of their own actions across the province, and its check. */
@Path("/api/platform/audit")
@RolesAllowed("operator")
@Produces(MediaType.APPLICATION_JSON)
public class ProvinceAuditResource {

    static final int MAX_LIMIT = 500;

    @Inject
    ProvinceLog log;

    /** Newest first; {@code ?before=} a seq pages back. */
    @GET
    public List<ProvinceLog.Entry> recent(@QueryParam("before") Long before,
            @QueryParam("limit") @DefaultValue("50") int limit) throws SQLException {
        if (limit < 1 || limit > MAX_LIMIT) {
            throw ProblemException.invalid(400, "limit must be between 1 and " + MAX_LIMIT + ".",
                    Map.of("limit", "between 1 and " + MAX_LIMIT));
        }
        return log.recent(before, limit);
    }

    @GET
    @Path("/verify")
    public ChainVerification verify() throws SQLException {
        return log.verify();
    }
}
