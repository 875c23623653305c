package io.mingjing.sdk;

import java.math.BigDecimal;
import java.sql.Array;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * {@link Sql} over one JDBC connection — the same code in the platform and in the test kit, so a
 * module sees identical types in both. Modules receive it through {@link TenantContext#sql()} and
 * have no reason to build one.
 *
 * @param timeoutSeconds per statement; 0 for none
 */
public record JdbcSql(Connection connection, int timeoutSeconds) implements Sql {

    @Override
    public List<Map<String, Object>> query(String sql, Object... params) throws SQLException {
        try (PreparedStatement st = prepare(sql, params); ResultSet rs = st.executeQuery()) {
            ResultSetMetaData meta = rs.getMetaData();
            List<Map<String, Object>> rows = new ArrayList<>();
            while (rs.next()) {
                Map<String, Object> row = new LinkedHashMap<>();
                for (int i = 1; i <= meta.getColumnCount(); i++) {
                    row.put(meta.getColumnLabel(i), read(rs.getObject(i)));
                }
                rows.add(row);
            }
            return rows;
        }
    }

    @Override
    public Optional<Map<String, Object>> one(String sql, Object... params) throws SQLException {
        List<Map<String, Object>> rows = query(sql, params);
        return rows.isEmpty() ? Optional.empty() : Optional.of(rows.get(0));
    }

    @Override
    public int update(String sql, Object... params) throws SQLException {
        try (PreparedStatement st = prepare(sql, params)) {
            return st.executeUpdate();
        }
    }

    private PreparedStatement prepare(String sql, Object... params) throws SQLException {
        PreparedStatement st = connection.prepareStatement(sql);
        try {
            if (timeoutSeconds > 0) {
                st.setQueryTimeout(timeoutSeconds);
            }
            for (int i = 0; i < params.length; i++) {
                st.setObject(i + 1, write(params[i]));
            }
            return st;
        } catch (SQLException e) {
            st.close();
            throw e;
        }
    }

    private static Object write(Object value) {
        return value instanceof Instant at ? at.atOffset(ZoneOffset.UTC) : value;
    }

    private static Object read(Object value) throws SQLException {
        return switch (value) {
            case null -> null;
            case Timestamp t -> t.toInstant();
            case java.sql.Date d -> d.toLocalDate();
            case Array a -> readArray(a);
            case BigDecimal b -> b;
            case Number n -> n;
            case String s -> s;
            case Boolean b -> b;
            case byte[] bytes -> bytes;
            // PGobject (json, jsonb, geometry …): its text form, without a compile-time driver dependency
            default -> value.toString();
        };
    }

    private static List<Object> readArray(Array array) throws SQLException {
        List<Object> items = new ArrayList<>();
        for (Object item : Arrays.asList((Object[]) array.getArray())) {
            items.add(read(item));
        }
        return items;
    }
}
