package io.mingjing.platform.warning;

import io.mingjing.platform.audit.AuditLog;
import io.mingjing.platform.audit.Chain;
import io.mingjing.platform.clock.OverdueCases;
import io.mingjing.platform.clock.SlaSweep;
import io.mingjing.platform.clock.SlaState;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/** Warnings on the one clock: 黄牌 at 80 % of the tier's limit, overdue one tier up (督办). */
@ApplicationScoped
public class WarningOverdue implements OverdueCases {

    @Inject
    EntityManager em;
    @Inject
    WarningService warnings;
    @Inject
    AuditLog audit;

    @Override
    public String kind() {
        return "warning";
    }

    @Override
    public String feature() {
        return WarningFeature.ID;
    }

    @Override
    public int yellow(Instant now) {
        return Warning.update("sla = ?1, yellowAt = null where sla = ?2 and yellowAt <= ?3", SlaState.YELLOW,
                SlaState.GREEN, now);
    }

    @Override
    public int escalateBatch(Instant now, int limit) {
        @SuppressWarnings("unchecked")
        List<Long> ids = em.createNativeQuery("SELECT id FROM warning WHERE due_at <= ?1 ORDER BY due_at LIMIT ?2 "
                + "FOR UPDATE SKIP LOCKED", Long.class).setParameter(1, now).setParameter(2, limit).getResultList();
        if (ids.isEmpty()) {
            return 0;
        }
        List<AuditLog.Draft> audits = new ArrayList<>();
        for (Warning w : Warning.<Warning>list("id in ?1", ids)) {
            String note = warnings.escalate(w, now);
            audits.add(new AuditLog.Draft(SlaSweep.ACTOR, "warning.overdue", "Warning", w.id.toString(),
                    note.getBytes(StandardCharsets.UTF_8)));
        }
        audit.appendAll(Chain.PUBLIC, audits);
        return ids.size();
    }
}
