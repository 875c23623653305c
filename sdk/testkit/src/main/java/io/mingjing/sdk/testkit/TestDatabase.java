package io.mingjing.sdk.testkit;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;

/**
 * The PostgreSQL the kit works in: database {@code mingjing_testkit} on the server named by
 * {@code -Dmingjing.testkit.url} (default {@code jdbc:postgresql://127.0.0.1:5432/}) as
 * {@code -Dmingjing.testkit.user} (default {@code postgres}), created on first use. Each kit gets a
 * county schema of its own, owned by its own role, as in the platform, and drops it when closed.
 */
final class TestDatabase {

    static final String SERVER = System.getProperty("mingjing.testkit.url", "jdbc:postgresql://127.0.0.1:5432/");
    static final String USER = System.getProperty("mingjing.testkit.user", "postgres");
    static final String PASSWORD = System.getProperty("mingjing.testkit.password", "");
    static final String DATABASE = "mingjing_testkit";

    // Liquibase reports every change set at INFO through java.util.logging; tests need only its warnings.
    private static final java.util.logging.Logger LIQUIBASE = java.util.logging.Logger.getLogger("liquibase");

    static {
        LIQUIBASE.setLevel(java.util.logging.Level.WARNING);
        System.setProperty("liquibase.analytics.enabled", "false");
        System.setProperty("liquibase.showBanner", "false");
    }

    private TestDatabase() {
    }

    static synchronized Connection connect() throws SQLException {
        try {
            return DriverManager.getConnection(SERVER + DATABASE, USER, PASSWORD);
        } catch (SQLException e) {
            if (!"3D000".equals(e.getSQLState())) { // anything but "database does not exist"
                throw e;
            }
            try (Connection c = DriverManager.getConnection(SERVER + "postgres", USER, PASSWORD);
                    Statement st = c.createStatement()) {
                st.execute("CREATE DATABASE " + DATABASE + " ENCODING 'UTF8' TEMPLATE template0");
            }
            return DriverManager.getConnection(SERVER + DATABASE, USER, PASSWORD);
        }
    }

    static void createCounty(String schema) throws SQLException {
        try (Connection c = connect(); Statement st = c.createStatement()) {
            st.execute("DO $$ BEGIN IF NOT EXISTS (SELECT 1 FROM pg_roles WHERE rolname = '" + schema + "') THEN "
                    + "CREATE ROLE " + schema + " NOLOGIN; END IF; END $$");
            st.execute("DROP SCHEMA IF EXISTS " + schema + " CASCADE");
            st.execute("CREATE SCHEMA " + schema + " AUTHORIZATION " + schema);
        }
    }

    static void dropCounty(String schema) throws SQLException {
        try (Connection c = connect(); Statement st = c.createStatement()) {
            st.execute("DROP SCHEMA IF EXISTS " + schema + " CASCADE");
            st.execute("DROP ROLE IF EXISTS " + schema);
        }
    }

    /** A connection acting as the county's role in its schema, in a transaction. */
    static Connection county(String schema) throws SQLException {
        Connection c = connect();
        try (Statement st = c.createStatement()) {
            c.setAutoCommit(false);
            st.execute("SET LOCAL ROLE " + schema);
            st.execute("SET LOCAL search_path TO " + schema);
            return c;
        } catch (SQLException e) {
            c.close();
            throw e;
        }
    }

    static boolean exists(Connection c, String table) throws SQLException {
        try (Statement st = c.createStatement();
                ResultSet rs = st.executeQuery("SELECT to_regclass('" + table + "') IS NOT NULL")) {
            rs.next();
            return rs.getBoolean(1);
        }
    }
}
