package io.mingjing.platform.audit;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.Iterator;
import java.util.function.Supplier;

/** The result of recomputing an audit chain: intact, or the first entry that breaks it. */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record ChainVerification(boolean ok, long entries, String head, Long brokenAt, String reason) {

    /** A chain's recorded head. */
    record Head(long seq, String hash) {
    }

    /**
     * Recomputes a chain from its first entry, in order, then compares the head its table records, read
     * after the entries: an entry linked meanwhile moves the head past what was read, never before it.
     */
    static ChainVerification of(Iterator<? extends AuditRecord> entries, Supplier<Head> recorded) {
        String expectedPrev = AuditRecord.GENESIS;
        long count = 0;
        while (entries.hasNext()) {
            AuditRecord e = entries.next();
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
        Head head = recorded.get();
        if (head.seq() != count || !expectedPrev.equals(head.hash())) {
            return new ChainVerification(false, count, null, count + 1,
                    "the chain ends at entry " + count + " but its recorded head is entry " + head.seq());
        }
        return new ChainVerification(true, count, expectedPrev, null, null);
    }

    private static ChainVerification broken(long good, AuditRecord e, String reason) {
        return new ChainVerification(false, good, null, e.seq, "entry " + e.seq + " " + reason);
    }
}
