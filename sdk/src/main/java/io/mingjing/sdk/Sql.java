package io.mingjing.sdk;

import java.sql.SQLException;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * SQL for one county, one transaction per callback. Parameters bind to {@code ?} in order (strings,
 * numbers, booleans, {@code BigDecimal}, {@code Instant}, {@code LocalDate}, {@code byte[]}, null).
 * Rows are maps from column label to value; timestamps come back as {@code Instant}, dates as
 * {@code LocalDate}, {@code json}/{@code jsonb} as JSON text, arrays as lists.
 */
public interface Sql {

    List<Map<String, Object>> query(String sql, Object... params) throws SQLException;

    /** The first row, if any. */
    Optional<Map<String, Object>> one(String sql, Object... params) throws SQLException;

    /** @return the number of rows changed */
    int update(String sql, Object... params) throws SQLException;
}
