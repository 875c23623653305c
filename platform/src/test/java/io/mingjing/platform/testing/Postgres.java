package io.mingjing.platform.testing;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;

/** Superuser access to the local PostgreSQL that tests run against (started by the test command). */
public final class Postgres {

    public static final String HOST = "127.0.0.1";
    public static final int PORT = Integer.getInteger("mingjing.test.pg-port", 5432);

    private Postgres() {
    }

    public static Connection admin(String database) throws SQLException {
        return DriverManager.getConnection("jdbc:postgresql://" + HOST + ":" + PORT + "/" + database, "postgres", "");
    }

    /** Runs statements as superuser in the given database. */
    public static void exec(String database, String... sql) {
        try (Connection c = admin(database); Statement st = c.createStatement()) {
            for (String s : sql) {
                st.execute(s);
            }
        } catch (SQLException e) {
            throw new IllegalStateException(e.getMessage(), e);
        }
    }

    /** The first column of the first row of a query run as superuser, as text. */
    public static String query(String database, String sql) {
        try (Connection c = admin(database); Statement st = c.createStatement(); var rs = st.executeQuery(sql)) {
            return rs.next() ? rs.getString(1) : null;
        } catch (SQLException e) {
            throw new IllegalStateException(e.getMessage(), e);
        }
    }

    /** A fresh database owned by a login role, which may create roles as the platform does. */
    public static void recreate(String database, String owner) {
        exec("postgres",
                "DO $$ BEGIN IF NOT EXISTS (SELECT 1 FROM pg_roles WHERE rolname = '" + owner + "') THEN "
                        + "CREATE ROLE " + owner + " LOGIN CREATEROLE PASSWORD '" + owner + "'; END IF; END $$",
                "DROP DATABASE IF EXISTS " + database + " WITH (FORCE)",
                "CREATE DATABASE " + database + " OWNER " + owner + " ENCODING 'UTF8' TEMPLATE template0");
    }

    /** Creates the database if it is missing, keeping what is there (Keycloak's, to start fast). */
    public static void ensure(String database, String owner) {
        exec("postgres",
                "DO $$ BEGIN IF NOT EXISTS (SELECT 1 FROM pg_roles WHERE rolname = '" + owner + "') THEN "
                        + "CREATE ROLE " + owner + " LOGIN CREATEROLE PASSWORD '" + owner + "'; END IF; END $$");
        try (Connection c = admin("postgres"); Statement st = c.createStatement();
                var rs = st.executeQuery("SELECT 1 FROM pg_database WHERE datname = '" + database + "'")) {
            if (!rs.next()) {
                st.execute("CREATE DATABASE " + database + " OWNER " + owner + " ENCODING 'UTF8' TEMPLATE template0");
            }
        } catch (SQLException e) {
            throw new IllegalStateException(e.getMessage(), e);
        }
    }

    /** Makes the database refuse every connection, and drops the open ones: the platform sees it down. */
    public static void takeDown(String database) {
        exec("postgres", "ALTER DATABASE " + database + " ALLOW_CONNECTIONS false",
                "SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE datname = '" + database + "'");
    }

    public static void bringUp(String database) {
        exec("postgres", "ALTER DATABASE " + database + " ALLOW_CONNECTIONS true");
    }
}
