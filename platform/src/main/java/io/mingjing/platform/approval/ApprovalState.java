package io.mingjing.platform.approval;

/**
 * Where one approval stands. PENDING: a step waits for its approvers. AWAITING_INPUT: the next stage
 * needs its form from the filer (a labour declaration, quotes, a contract). RETURNED: back with the
 * filer for a correction. APPROVED: every step approved (a payment still to be paid). REJECTED and
 * PAID end it.
 */
public enum ApprovalState {
    PENDING, AWAITING_INPUT, RETURNED, APPROVED, REJECTED, PAID;

    public boolean closed() {
        return this == REJECTED || this == PAID;
    }
}
