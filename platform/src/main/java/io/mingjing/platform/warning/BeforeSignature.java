package io.mingjing.platform.warning;

import io.mingjing.platform.feature.FeatureSwitches;
import io.mingjing.platform.feature.SignatureChecks;
import io.mingjing.platform.tenancy.CurrentTenant;
import io.mingjing.sdk.Facts;
import io.mingjing.sdk.WarningRule;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The rules run when an approval reaches an approver, not only after: its routed, open warnings are its
 * flags on the approval page, and signing over a RED one takes a written reason, kept on the warning.
 */
@ApplicationScoped
public class BeforeSignature implements SignatureChecks {

    static final List<String> APPROVAL_FACTS = List.of(Facts.APPROVAL, Facts.LABOUR, Facts.PAYMENT, Facts.PURCHASE);

    @Inject
    WarningService warnings;
    @Inject
    Rules rules;
    @Inject
    CurrentTenant tenant;
    @Inject
    FeatureSwitches switches;

    @Override
    @Transactional(Transactional.TxType.MANDATORY)
    public List<Flag> flags(long approvalId) {
        if (!switches.on(tenant.require(), WarningFeature.ID)) {
            return List.of();
        }
        List<ActiveRule> on = rules.enabled();
        warnings.run(on, Target.approvals(List.of(approvalId)), true, "signature:" + approvalId);
        Map<String, WarningRule> byId = new LinkedHashMap<>();
        on.forEach(r -> byId.put(r.id(), r.rule()));
        return open(approvalId).stream().sorted(Comparator.comparing((Warning w) -> !"RED".equals(w.severity)))
                .map(w -> {
                    WarningRule r = byId.get(w.ruleId);
                    return new Flag(w.id, w.severity, r == null ? w.ruleId : r.name().zh(),
                            r == null ? w.ruleId : r.name().en(), w.why);
                }).toList();
    }

    @Override
    @Transactional(Transactional.TxType.MANDATORY)
    public void signedOver(long approvalId, String actor, String reason) {
        for (Warning w : open(approvalId)) {
            if ("RED".equals(w.severity)) {
                w.signedOverBy = actor;
                w.signedOverReason = reason;
            }
        }
    }

    private static List<Warning> open(long approvalId) {
        return Warning.list("fact in ?1 and entityId = ?2 and shadow = false and colour <> ?3", APPROVAL_FACTS,
                String.valueOf(approvalId), Warning.Colour.GREEN);
    }
}
