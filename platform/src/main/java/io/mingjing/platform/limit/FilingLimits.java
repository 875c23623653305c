package io.mingjing.platform.limit;

import io.mingjing.platform.identity.Caller;
import io.mingjing.platform.registry.Limit;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

/**
 * What filing a case costs, whichever door it comes through (API, portal form, Open311): a share of
 * the address's and the account's per-minute limits, and for an anonymous report also a proof of
 * work. Work done for no HTTP request (a county's demo cases) costs nothing.
 */
@ApplicationScoped
public class FilingLimits {

    /** A proof of work as sent: the challenge, and the nonce found (null when the filer waited). */
    public record Proof(String challenge, String nonce) {

        /** From the {@code Work-Proof} header, {@code <challenge> [<nonce>]}; null when absent. */
        public static Proof parse(String header) {
            if (header == null || header.isBlank()) {
                return null;
            }
            String[] parts = header.strip().split(" +", 2);
            return new Proof(parts[0], parts.length > 1 ? parts[1] : null);
        }
    }

    @Inject
    RateLimits limits;
    @Inject
    WorkProofs proofs;
    @Inject
    ClientAddress address;

    public void spend(Caller caller, Proof proof) {
        String from = address.get();
        if (from == null) {
            return;
        }
        if (caller.anonymous()) {
            // the proof first: without one a request costs us no write at all
            proofs.spend(proof == null ? null : proof.challenge(), proof == null ? null : proof.nonce());
            limits.spend(Limit.ANONYMOUS_PER_ADDRESS, from);
        }
        limits.spend(Limit.APPEAL_PER_ADDRESS, from);
        if (!caller.anonymous()) {
            limits.spend(Limit.APPEAL_PER_CALLER, caller.userId());
        }
    }

    /** Looking up a case by its receipt code: the address's share of tracking. */
    public void spendTracking() {
        String from = address.get();
        if (from != null) {
            limits.spend(Limit.TRACK_PER_ADDRESS, from);
        }
    }
}
