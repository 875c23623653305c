package io.mingjing.platform.appeal;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

/**
 * Starts a step's clock from the county's limit for the case's kind and state. A new step starts
 * GREEN; an escalated case stays RED for its new handler, whose full limit starts then.
 */
@ApplicationScoped
public class SlaClock {

    static final double YELLOW_AT = 0.8;

    @Inject
    EntityManager em;

    void start(Appeal a, Instant now, SlaState colour) {
        a.stepStartedAt = now;
        a.sla = colour;
        if (!a.state.clockRuns()) {
            a.yellowAt = null;
            a.dueAt = null;
            return;
        }
        List<?> hours = em.createNativeQuery("SELECT hours FROM appeal_time_limit WHERE kind = ?1 AND state = ?2")
                .setParameter(1, a.kind.name()).setParameter(2, a.state.name()).getResultList();
        Duration limit = Duration.ofHours(hours.isEmpty() ? 72 : ((Number) hours.get(0)).longValue());
        a.dueAt = now.plus(limit);
        a.yellowAt = a.sla == SlaState.GREEN ? now.plus(Duration.ofSeconds((long) (limit.toSeconds() * YELLOW_AT)))
                : null;
    }
}
