package io.mingjing.platform.clock;

import java.time.Duration;
import java.time.Instant;

/**
 * When a step of any case turns yellow and when it is due. A new step starts GREEN; a step started
 * RED (an escalated case, a new handler) stays red and gets no yellow time, but its full limit.
 *
 * @param yellowAt null once the step is yellow or red, or when no clock runs
 * @param dueAt null when no clock runs
 */
public record Deadline(SlaState colour, Instant startedAt, Instant yellowAt, Instant dueAt) {

    public static final double YELLOW_AT = 0.8;

    public static Deadline start(Instant now, Duration limit, SlaState colour) {
        Instant yellow = colour == SlaState.GREEN ? now.plusSeconds((long) (limit.toSeconds() * YELLOW_AT)) : null;
        return new Deadline(colour, now, yellow, now.plus(limit));
    }

    /** The case waits for nobody (closed, or back with its filer): no clock. */
    public static Deadline stopped(Instant now, SlaState colour) {
        return new Deadline(colour, now, null, null);
    }
}
