package io.mingjing.platform.approval;

/** How a step's approvers sign: 或签 any one of them, 会签 all of them, 票签 a share of them. */
public enum SignOff {
    ANY, ALL, SHARE;

    /** How many approvals of {@code eligible} approvers the step needs. */
    public int required(int eligible, double share) {
        return switch (this) {
            case ANY -> Math.min(1, eligible);
            case ALL -> eligible;
            case SHARE -> (int) Math.ceil(share * eligible - 1e-9);
        };
    }
}
