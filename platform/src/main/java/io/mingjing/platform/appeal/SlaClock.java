package io.mingjing.platform.appeal;

import io.mingjing.platform.clock.Deadline;
import io.mingjing.platform.clock.SlaState;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * Starts an appeal step's clock ({@code clock/Deadline}) from the county's limit for the case's kind
 * and state. A new step starts GREEN; an escalated case stays RED for its new handler, whose full
 * limit starts then.
 */
@ApplicationScoped
public class SlaClock {

    static final Duration DEFAULT_LIMIT = Duration.ofHours(72);

    @Inject
    EntityManager em;

    void start(Appeal a, Instant now, SlaState colour) {
        start(a, now, colour, limits());
    }

    /** The county's limits by "KIND/STATE"; a missing one is 72 hours. */
    Map<String, Duration> limits() {
        List<Object[]> rows = em.createNativeQuery("SELECT kind, state, hours FROM appeal_time_limit", Object[].class)
                .getResultList();
        return rows.stream().collect(Collectors.toMap(r -> r[0] + "/" + r[1],
                r -> Duration.ofHours(((Number) r[2]).longValue())));
    }

    void start(Appeal a, Instant now, SlaState colour, Map<String, Duration> limits) {
        a.stepStartedAt = now;
        a.sla = colour;
        if (!a.state.clockRuns()) {
            a.yellowAt = null;
            a.dueAt = null;
            return;
        }
        Deadline d = Deadline.start(now, limits.getOrDefault(a.kind + "/" + a.state, DEFAULT_LIMIT), colour);
        a.dueAt = d.dueAt();
        a.yellowAt = d.yellowAt();
    }
}
