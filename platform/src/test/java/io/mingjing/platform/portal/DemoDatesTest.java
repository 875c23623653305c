package io.mingjing.platform.portal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.time.Instant;
import java.time.LocalDate;
import org.junit.jupiter.api.Test;

class DemoDatesTest {

    @Test
    void aPeriodsItemIsPublishedJustAfterThePeriod() {
        assertEquals(LocalDate.of(2024, 10, 10), DemoDates.afterPeriod("2024年第3季度"));
        assertEquals(LocalDate.of(2025, 1, 10), DemoDates.afterPeriod("2024年第四季度"));
        assertEquals(LocalDate.of(2024, 3, 5), DemoDates.afterPeriod("2024年2月"));
        assertEquals(LocalDate.of(2025, 1, 15), DemoDates.afterPeriod("2024年度"));
        assertEquals(LocalDate.of(2025, 1, 15), DemoDates.afterPeriod("2024年度“最美家庭”"));
    }

    @Test
    void aNamedDayWinsAndNoDayMeansNow() {
        assertEquals(Instant.parse("2024-10-08T01:30:00Z"), DemoDates.of("2024-10-08", "2024年第3季度"));
        assertNull(DemoDates.of(null, "村规民约"));
        assertNull(DemoDates.of(" ", null));
        assertEquals(LocalDate.of(2025, 1, 15), DemoDates.afterPeriod("2024年13月"), "no such month: the year");
    }
}
