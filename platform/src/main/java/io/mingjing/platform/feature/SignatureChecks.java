package io.mingjing.platform.feature;

import java.util.List;
import java.util.Map;

/**
 * Warnings before the signature: what a feature that approves things (三资审批) asks before an
 * approver signs — the flags the county's rules raise on the case now, and the note that someone
 * signed over a RED one with a written reason. Provided by the warnings feature, so the approving
 * feature needs nothing of it; absent, or switched off in the county, there are no flags.
 */
public interface SignatureChecks {

    /** @param why the fact's values and the thresholds compared */
    record Flag(long warning, String severity, String nameZh, String nameEn, Map<String, Object> why) {

        public boolean red() {
            return "RED".equals(severity);
        }
    }

    /** Runs the rules for the approval now and returns its open flags, RED first; in the caller's transaction. */
    List<Flag> flags(long approvalId);

    /** Records on each open RED flag that {@code actor} approved over it, and why. */
    void signedOver(long approvalId, String actor, String reason);
}
