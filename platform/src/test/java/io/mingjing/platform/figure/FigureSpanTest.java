package io.mingjing.platform.figure;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.mingjing.platform.figure.Figures.Span;
import java.time.LocalDate;
import org.junit.jupiter.api.Test;

/** Which days a period reads from day rows and which months from month rows. */
class FigureSpanTest {

    static LocalDate d(String day) {
        return LocalDate.parse(day);
    }

    @Test
    void aPeriodOfWholeMonthsReadsNoDays() {
        assertEquals(new Span(d("2024-01-01"), d("2024-01-01"), d("2025-01-01"), d("2024-12-31")),
                Span.of(d("2024-01-01"), d("2024-12-31")));
    }

    @Test
    void partialMonthsAtBothEndsAreReadAsDays() {
        Span s = Span.of(d("2025-12-05"), d("2026-12-04"));
        assertEquals(new Span(d("2025-12-05"), d("2026-01-01"), d("2026-12-01"), d("2026-12-04")), s);
    }

    @Test
    void aLeapFebruaryEndsOnItsTwentyNinth() {
        assertEquals(new Span(d("2024-01-15"), d("2024-02-01"), d("2024-03-01"), d("2024-02-29")),
                Span.of(d("2024-01-15"), d("2024-02-29")));
        assertEquals(new Span(d("2024-02-01"), d("2024-02-29"), d("2024-02-29"), d("2024-02-28")),
                Span.of(d("2024-02-01"), d("2024-02-28")), "one day short of the month: days only");
    }

    @Test
    void aPeriodWithoutAWholeMonthReadsDaysOnly() {
        assertEquals(new Span(d("2026-03-05"), d("2026-03-21"), d("2026-03-21"), d("2026-03-20")),
                Span.of(d("2026-03-05"), d("2026-03-20")));
        assertEquals(new Span(d("2025-12-15"), d("2026-01-11"), d("2026-01-11"), d("2026-01-10")),
                Span.of(d("2025-12-15"), d("2026-01-10")), "two partial months across a year's end");
        assertEquals(new Span(d("2026-03-31"), d("2026-04-01"), d("2026-04-01"), d("2026-03-31")),
                Span.of(d("2026-03-31"), d("2026-03-31")));
    }
}
