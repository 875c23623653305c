package io.mingjing.platform.inbox;

import io.mingjing.platform.identity.Caller;
import io.mingjing.platform.identity.CurrentCaller;
import io.mingjing.platform.identity.Role;
import io.quarkus.security.Authenticated;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/** The caller's inbox: their own messages and, for staff, those addressed to the unit they serve. */
@Path("/api/t/{tenant}/inbox")
@Produces(MediaType.APPLICATION_JSON)
public class InboxResource {

    public record Message(long id, Long appealId, Instant at, String text, boolean read) {
    }

    @Inject
    CurrentCaller caller;

    @GET
    @Authenticated
    @Transactional
    public List<Message> list() {
        Caller c = caller.get();
        List<String> addresses = new ArrayList<>(List.of(c.userId()));
        if (c.isStaff() && c.orgUnit() != null) {
            addresses.add(c.orgUnit());
        }
        if (c.hasRole(Role.INSPECTOR)) {
            addresses.add("inspectors");
        }
        return InboxMessage.<InboxMessage>list("recipient in ?1 order by at desc", addresses).stream().limit(100)
                .map(m -> new Message(m.id, m.appealId, m.at, m.text, m.read)).toList();
    }
}
