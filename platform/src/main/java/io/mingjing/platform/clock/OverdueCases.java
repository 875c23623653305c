package io.mingjing.platform.clock;

import java.time.Instant;

/**
 * One kind of case on the time-limit clock (appeals, approvals, later service applications and
 * tasks): a bean of this type is all {@link SlaSweep} needs to serve it. Both methods run inside the
 * county's scope; {@link #escalateBatch} in its own transaction.
 */
public interface OverdueCases {

    /** The kind's name in logs. */
    String kind();

    /**
     * The built-in feature whose switch pauses this clock: a county that switched the feature off
     * sees none of its pages, so it gets no warnings or escalations about it either. Null: always on.
     */
    default String feature() {
        return null;
    }

    /** Turns GREEN cases whose yellow time has come YELLOW; @return how many. */
    int yellow(Instant now);

    /**
     * Claims up to {@code limit} overdue cases with {@code FOR UPDATE SKIP LOCKED}, escalates them and
     * moves their due time on (or clears it), so a committed case is not claimed again.
     *
     * @return how many it escalated; fewer than {@code limit} means none are left
     */
    int escalateBatch(Instant now, int limit);
}
