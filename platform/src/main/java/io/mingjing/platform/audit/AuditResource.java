package io.mingjing.platform.audit;

import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

/** Anyone may check that a county's record of writes has not been altered. */
@Path("/api/t/{tenant}/audit")
@Produces(MediaType.APPLICATION_JSON)
public class AuditResource {

    @Inject
    AuditLog audit;

    @GET
    @Path("/verify")
    @Transactional
    public ChainVerification verify() {
        return audit.verify(Chain.PUBLIC);
    }
}
