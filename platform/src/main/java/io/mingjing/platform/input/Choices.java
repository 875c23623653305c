package io.mingjing.platform.input;

import io.mingjing.platform.problem.ProblemException;
import java.util.Arrays;
import java.util.Map;

/** One of an enum's values, given as text in any case by a query parameter, a form field or a path. */
public final class Choices {

    private Choices() {
    }

    /** @return null for no value; a 400 naming the field and the values it takes for an unknown one */
    public static <E extends Enum<E>> E of(Class<E> type, String field, String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            return Enum.valueOf(type, value.strip().toUpperCase());
        } catch (IllegalArgumentException e) {
            throw ProblemException.invalid(400, "Unknown " + field + ".", Map.of(field, "must be one of "
                    + Arrays.toString(type.getEnumConstants())));
        }
    }
}
