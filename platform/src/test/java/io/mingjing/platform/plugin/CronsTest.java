package io.mingjing.platform.plugin;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Instant;
import org.junit.jupiter.api.Test;

/** The next firing of a plugin's Quartz cron, from which each cluster-job firing schedules the next. */
class CronsTest {

    @Test
    void theNextFiringIsStrictlyAfterTheGivenTime() {
        Instant at = Instant.parse("2026-12-01T10:00:01Z");
        assertEquals(Instant.parse("2026-12-01T10:00:02Z"), Crons.next("0/2 * * * * ?", at));
        assertEquals(Instant.parse("2026-12-01T10:00:04Z"), Crons.next("0/2 * * * * ?", Instant.parse("2026-12-01T10:00:02Z")));
    }

    @Test
    void aCronWithNothingLeftNeverFires() {
        assertEquals(Instant.parse("9999-01-01T00:00:00Z"), Crons.next("0 0 0 1 1 ? 2020", Instant.parse("2026-12-01T10:00:00Z")));
    }
}
