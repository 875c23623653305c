package io.mingjing.platform.inbox;

import io.quarkus.security.Authenticated;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.util.List;

/** The caller's inbox: case messages and notices, newest first. */
@Path("/api/t/{tenant}/inbox")
@Produces(MediaType.APPLICATION_JSON)
public class InboxResource {

    @Inject
    Inbox inbox;

    @GET
    @Authenticated
    @Transactional
    public List<Inbox.Item> list() {
        return inbox.items();
    }
}
