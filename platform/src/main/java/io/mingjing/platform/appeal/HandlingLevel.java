package io.mingjing.platform.appeal;

/** Who handles a case now; an overdue case moves up one level. */
public enum HandlingLevel {
    VILLAGE, TOWN, DEPARTMENT, INSPECTORS;

    public HandlingLevel escalated() {
        return switch (this) {
            case VILLAGE -> TOWN;
            case TOWN, DEPARTMENT, INSPECTORS -> INSPECTORS;
        };
    }
}
