package io.mingjing.platform.consultation;

/**
 * A topic's way: raised by residents it waits for supporters (PROPOSED); raised by the committee, or
 * supported enough, it is discussed (OPEN); then voted on (VOTING); counted (CLOSED); and its
 * resolution published (RESOLVED).
 */
public enum ConsultationState {
    PROPOSED, OPEN, VOTING, CLOSED, RESOLVED
}
