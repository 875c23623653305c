package io.mingjing.platform.workflow;

/**
 * How the parties to one step sign, from Chinese practice: 或签 any one of them, 会签 all of them, 票签 a
 * share of them. An approval step counts its approvers this way; a service application's joint review
 * counts the departments of a stage this way.
 */
public enum SignOff {
    ANY, ALL, SHARE;

    /** How many approvals of {@code eligible} parties the step needs. */
    public int required(int eligible, double share) {
        return switch (this) {
            case ANY -> Math.min(1, eligible);
            case ALL -> eligible;
            case SHARE -> (int) Math.ceil(share * eligible - 1e-9);
        };
    }
}
