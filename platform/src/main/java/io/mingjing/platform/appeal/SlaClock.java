package io.mingjing.platform.appeal;

import io.mingjing.platform.clock.Deadline;
import io.mingjing.platform.clock.SlaState;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Duration;
import java.time.Instant;
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

    void start(Appeal a, Instant now, SlaState colour) {
        start(a, now, colour, limits());
    }

    /** The county's limits by "KIND/STATE"; a missing one is 72 hours. */
    Map<String, Duration> limits() {
        return AppealTimeLimit.<AppealTimeLimit>listAll().stream().collect(Collectors.toMap(
                l -> l.key.kind() + "/" + l.key.state(), l -> Duration.ofHours(l.hours)));
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
