package io.mingjing.platform.audit;

import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.util.Iterator;
import java.util.stream.Stream;

/** Anyone may check that a county's record of writes has not been altered. */
@Path("/api/t/{tenant}/audit")
@Produces(MediaType.APPLICATION_JSON)
public class AuditResource {

    @Inject
    EntityManager em;

    @GET
    @Path("/verify")
    @Transactional
    public ChainVerification verify() {
        String expectedPrev = AuditEntry.GENESIS;
        long count = 0;
        try (Stream<AuditEntry> entries = AuditEntry.<AuditEntry>find("order by seq").stream()) {
            for (Iterator<AuditEntry> it = entries.iterator(); it.hasNext();) {
                AuditEntry e = it.next();
                count++;
                if (e.seq != count) {
                    return broken(count - 1, e, "entry " + count + " is missing");
                }
                if (!e.prevHash.equals(expectedPrev)) {
                    return broken(count - 1, e, "does not link to the previous entry");
                }
                if (!e.computeHash().equals(e.hash)) {
                    return broken(count - 1, e, "its content does not match its hash");
                }
                expectedPrev = e.hash;
            }
        }
        Object[] head = (Object[]) em.createNativeQuery("SELECT seq, hash FROM audit_head WHERE id = 1")
                .getSingleResult();
        if (((Number) head[0]).longValue() != count || !expectedPrev.equals(head[1])) {
            return new ChainVerification(false, count, null, count + 1,
                    "the chain ends at entry " + count + " but its recorded head is entry " + head[0]);
        }
        return new ChainVerification(true, count, expectedPrev, null, null);
    }

    private static ChainVerification broken(long good, AuditEntry e, String reason) {
        return new ChainVerification(false, good, null, e.seq, "entry " + e.seq + " " + reason);
    }
}
