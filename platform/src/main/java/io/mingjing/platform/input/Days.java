package io.mingjing.platform.input;

import io.mingjing.platform.problem.ProblemException;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.Map;

/** A day from query text ({@code 2026-03-01}); blank is none, anything else a 400 problem naming the field. */
public final class Days {

    private Days() {
    }

    public static LocalDate of(String text, String field) {
        if (text == null || text.isBlank()) {
            return null;
        }
        try {
            return LocalDate.parse(text.strip());
        } catch (DateTimeParseException e) {
            throw ProblemException.invalid(400, "A day is written like 2026-03-01.", Map.of(field, "is not a day"));
        }
    }
}
