package io.mingjing.platform.service;

/**
 * Where a service application stands: a draft gathering its materials; with the village to take on
 * (受理); in the departments' joint review; back with the applicant for what is missing (补正); done.
 */
public enum ServiceState {
    DRAFT, INTAKE, REVIEW, SUPPLEMENT, COMPLETED, REJECTED;

    public boolean closed() {
        return this == COMPLETED || this == REJECTED;
    }

    /** The applicant (or the agent for them) still adds materials. */
    public boolean open() {
        return this == DRAFT || this == SUPPLEMENT;
    }
}
