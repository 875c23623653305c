package io.mingjing.platform.cockpit;

import io.mingjing.platform.problem.ProblemException;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.format.DateTimeParseException;
import java.util.Map;

/** The period a cockpit is asked for, from query text: days ({@code 2026-03-01}) or, for the province, months ({@code 2026-03}). */
final class Period {

    private Period() {
    }

    static LocalDate day(String text, String field) {
        if (text == null || text.isBlank()) {
            return null;
        }
        try {
            return LocalDate.parse(text.strip());
        } catch (DateTimeParseException e) {
            throw ProblemException.invalid(422, "A day is written like 2026-03-01.", Map.of(field, "is not a day"));
        }
    }

    static YearMonth month(String text, String field, YearMonth otherwise) {
        if (text == null || text.isBlank()) {
            return otherwise;
        }
        try {
            return YearMonth.parse(text.strip());
        } catch (DateTimeParseException e) {
            throw ProblemException.invalid(422, "A month is written like 2026-03.", Map.of(field, "is not a month"));
        }
    }
}
