package io.mingjing.sdk.testkit;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import liquibase.Contexts;
import liquibase.LabelExpression;
import liquibase.Liquibase;
import liquibase.changelog.ChangeLogHistoryServiceFactory;
import liquibase.database.Database;
import liquibase.database.DatabaseFactory;
import liquibase.database.jvm.JdbcConnection;
import liquibase.exception.LiquibaseException;
import liquibase.resource.ClassLoaderResourceAccessor;

/**
 * The PostgreSQL the kit works in: database {@code mingjing_testkit} on the server named by
 * {@code -Dmingjing.testkit.url} (default {@code jdbc:postgresql://127.0.0.1:5432/}) as
 * {@code -Dmingjing.testkit.user} (default {@code postgres}), created on first use.
 *
 * <p>Each kit gets a county as the platform makes one: schema and role {@code t_<id>} migrated with the
 * platform's own county changelog (copied into this jar at build time from
 * {@code platform/src/main/resources/db/tenant.xml}, so the {@code v_} views and every table behind
 * them are the platform's), the plugin owner role {@code tp_<id>} that runs the module's changelog,
 * and the plugin login role {@code tl_<id>}, a member of no role, that the module's SQL connects as.
 * The roles are set up like the platform's {@code SchemaMigrator.pluginRoles} and
 * {@code CountyPools.ensureRole}; keep them in step.
 */
final class TestDatabase {

    static final String SERVER = System.getProperty("mingjing.testkit.url", "jdbc:postgresql://127.0.0.1:5432/");
    static final String USER = System.getProperty("mingjing.testkit.user", "postgres");
    static final String PASSWORD = System.getProperty("mingjing.testkit.password", "");
    static final String DATABASE = "mingjing_testkit";
    /** The platform's county changelog, as the build copied it. */
    static final String COUNTY_CHANGELOG = "io/mingjing/sdk/testkit/county/tenant.xml";

    // Liquibase reports every change set at INFO through java.util.logging; tests need only its warnings.
    private static final java.util.logging.Logger LIQUIBASE = java.util.logging.Logger.getLogger("liquibase");

    static {
        LIQUIBASE.setLevel(java.util.logging.Level.WARNING);
        System.setProperty("liquibase.analytics.enabled", "false");
        System.setProperty("liquibase.showBanner", "false");
    }

    private TestDatabase() {
    }

    /** The names of one kit's county in the database, as the platform's {@code TenantIds} derives them. */
    record County(String schema, String password) {

        /** The county's own role: owns the schema and the county's tables. */
        String role() {
            return schema;
        }

        /** Owns the module's tables and runs its changelog; reads nothing of the county's. */
        String owner() {
            return "tp_" + schema.substring(2);
        }

        /** What the module's SQL logs in as: a member of no role. */
        String login() {
            return "tl_" + schema.substring(2);
        }
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

    /** Roles, schema and the county changelog, as the platform onboards a county. */
    static void createCounty(County county) throws SQLException, LiquibaseException {
        try (Connection c = connect(); Statement st = c.createStatement()) {
            for (String role : List.of(county.role(), county.owner(), county.login())) {
                st.execute("DO $$ BEGIN IF NOT EXISTS (SELECT 1 FROM pg_roles WHERE rolname = '" + role + "') THEN "
                        + "CREATE ROLE " + role + " NOLOGIN; END IF; END $$");
            }
            st.execute("GRANT " + county.role() + ", " + county.owner() + " TO CURRENT_USER");
            st.execute("ALTER ROLE " + county.login() + " LOGIN INHERIT NOCREATEDB NOCREATEROLE PASSWORD '"
                    + county.password() + "'");
            st.execute("ALTER ROLE " + county.login() + " SET search_path TO " + county.schema());
            st.execute("ALTER ROLE " + county.login() + " SET statement_timeout TO '60s'");
            st.execute("DROP SCHEMA IF EXISTS " + county.schema() + " CASCADE");
            st.execute("CREATE SCHEMA " + county.schema() + " AUTHORIZATION " + county.role());
            st.execute("REVOKE ALL ON SCHEMA " + county.schema() + " FROM PUBLIC");
            st.execute("GRANT USAGE ON SCHEMA " + county.schema() + " TO " + county.login());
            st.execute("GRANT USAGE, CREATE ON SCHEMA " + county.schema() + " TO " + county.owner());
            st.execute("SET ROLE " + county.role());
            st.execute("SET search_path TO " + county.schema());
            update(c, county.schema(), COUNTY_CHANGELOG, "", TestDatabase.class.getClassLoader());
        }
    }

    /**
     * Runs a changelog in the schema as the connection's current role, with its bookkeeping in
     * {@code <prefix>databasechangelog}; commits.
     */
    static void update(Connection c, String schema, String changelog, String prefix, ClassLoader loader)
            throws SQLException, LiquibaseException {
        Database db = DatabaseFactory.getInstance().findCorrectDatabaseImplementation(new JdbcConnection(c));
        db.setDefaultSchemaName(schema);
        db.setLiquibaseSchemaName(schema);
        db.setDatabaseChangeLogTableName(prefix + "databasechangelog");
        db.setDatabaseChangeLogLockTableName(prefix + "databasechangeloglock");
        // Liquibase caches what it read of a changelog table per equal database (same URL): read afresh
        ChangeLogHistoryServiceFactory.getInstance().getChangeLogService(db).reset();
        new Liquibase(changelog, new ClassLoaderResourceAccessor(loader), db).update(new Contexts(),
                new LabelExpression());
        if (!c.getAutoCommit()) {
            c.commit();
            c.setAutoCommit(true);
        }
    }

    /** The schema, its objects and the county's three roles. */
    static void dropCounty(County county) throws SQLException {
        try (Connection c = connect(); Statement st = c.createStatement()) {
            List<String> roles = new ArrayList<>();
            for (String role : List.of(county.login(), county.owner(), county.role())) {
                try (ResultSet rs = st.executeQuery("SELECT 1 FROM pg_roles WHERE rolname = '" + role + "'")) {
                    if (rs.next()) {
                        roles.add(role);
                    }
                }
            }
            st.execute("DROP SCHEMA IF EXISTS " + county.schema() + " CASCADE");
            if (!roles.isEmpty()) {
                // default privileges (the county changelog's on functions) hold a role until dropped too
                st.execute("DROP OWNED BY " + String.join(", ", roles) + " CASCADE");
                st.execute("DROP ROLE " + String.join(", ", roles));
            }
        }
    }

    /** An admin connection in the county's schema, in a transaction: for arranging and checking data. */
    static Connection admin(County county) throws SQLException {
        Connection c = connect();
        try (Statement st = c.createStatement()) {
            c.setAutoCommit(false);
            st.execute("SET LOCAL search_path TO " + county.schema());
            return c;
        } catch (SQLException e) {
            c.close();
            throw e;
        }
    }

    /**
     * A connection as the plugin login role, in a transaction: what a module's SQL gets in the
     * platform. The search path and statement timeout are the role's own settings.
     */
    static Connection module(County county) throws SQLException {
        Connection c = DriverManager.getConnection(SERVER + DATABASE, county.login(), county.password());
        c.setAutoCommit(false);
        return c;
    }
}
