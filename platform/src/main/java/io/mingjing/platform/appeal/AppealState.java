package io.mingjing.platform.appeal;

import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** 受理 → 分办 → 整改 → 反馈 → 问效: the closed loop, and which step may follow which. */
public enum AppealState {
    SUBMITTED, ACCEPTED, ASSIGNED, RECTIFYING, REPLIED, RATED;

    private static final Map<AppealState, Set<AppealState>> NEXT = Map.of(
            SUBMITTED, Set.of(ACCEPTED),
            ACCEPTED, Set.of(ASSIGNED, REPLIED),
            ASSIGNED, Set.of(RECTIFYING, REPLIED),
            RECTIFYING, Set.of(REPLIED),
            REPLIED, Set.of(RATED, ACCEPTED),
            RATED, Set.of());

    public boolean mayMoveTo(AppealState next) {
        return NEXT.get(this).contains(next);
    }

    /** The states that may follow, in loop order. */
    public List<AppealState> next() {
        return Arrays.stream(values()).filter(this::mayMoveTo).toList();
    }

    /** States whose time limit runs: the case waits on its handlers. */
    public boolean clockRuns() {
        return this != REPLIED && this != RATED;
    }
}
