package io.mingjing.platform.tenancy;

import jakarta.enterprise.context.ApplicationScoped;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import liquibase.Contexts;
import liquibase.LabelExpression;
import liquibase.Liquibase;
import liquibase.changelog.ChangeLogParameters;
import liquibase.database.Database;
import liquibase.database.DatabaseFactory;
import liquibase.database.jvm.JdbcConnection;
import liquibase.exception.LiquibaseException;
import liquibase.parser.ChangeLogParserFactory;
import liquibase.resource.ClassLoaderResourceAccessor;
import liquibase.resource.ResourceAccessor;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Creates and migrates schemas with Liquibase. One migration runs at a time across all replicas
 * (a PostgreSQL advisory lock), each county's changelog runs as the county's own role with its
 * search_path set explicitly, so it can create nothing outside its schema.
 */
@ApplicationScoped
public class SchemaMigrator {

    public static final String PLATFORM_CHANGELOG = "db/platform.xml";
    public static final String TENANT_CHANGELOG = "db/tenant.xml";
    private static final String LOCK = "SELECT pg_advisory_lock(hashtext('mingjing-migrations'))";
    private static final String UNLOCK = "SELECT pg_advisory_unlock(hashtext('mingjing-migrations'))";

    static {
        System.setProperty("liquibase.analytics.enabled", "false");
        System.setProperty("liquibase.showBanner", "false");
    }

    // Migrations use a connection of their own, never a pooled one: Liquibase changes auto-commit and
    // the session's role, and a failure half-way must not hand that state to the next request.
    @ConfigProperty(name = "quarkus.datasource.jdbc.url")
    String url;
    @ConfigProperty(name = "quarkus.datasource.username")
    String username;
    @ConfigProperty(name = "quarkus.datasource.password")
    String password;

    private final ResourceAccessor resources = new ClassLoaderResourceAccessor(SchemaMigrator.class.getClassLoader());
    private volatile Integer tenantVersion;

    /** Number of change sets in the county changelog: the schema version every county should reach. */
    public int currentTenantVersion() {
        if (tenantVersion == null) {
            try {
                var changeLog = ChangeLogParserFactory.getInstance().getParser(TENANT_CHANGELOG, resources)
                        .parse(TENANT_CHANGELOG, new ChangeLogParameters(), resources);
                tenantVersion = changeLog.getChangeSets().size();
            } catch (LiquibaseException e) {
                throw new IllegalStateException("county changelog unreadable: " + e.getMessage(), e);
            }
        }
        return tenantVersion;
    }

    public void migratePlatform() throws SQLException, LiquibaseException {
        try (Connection c = connect()) {
            locked(c, () -> {
                exec(c, "CREATE SCHEMA IF NOT EXISTS platform");
                update(c, PLATFORM_CHANGELOG, "platform");
            });
        }
    }

    /**
     * Creates the county's role and schema if missing and brings its schema to the current version.
     * Safe to repeat: every step converges.
     *
     * @return the schema version now applied
     */
    public int migrateTenant(String id) throws SQLException, LiquibaseException {
        String schema = TenantIds.schema(id);
        String role = TenantIds.role(id);
        try (Connection c = connect()) {
            locked(c, () -> {
                createRole(c, role);
                exec(c, "GRANT " + role + " TO CURRENT_USER");
                exec(c, "CREATE SCHEMA IF NOT EXISTS " + schema + " AUTHORIZATION " + role);
                pluginRoles(c, id, schema);
                exec(c, "SET ROLE " + role);
                exec(c, "SET search_path TO " + schema);
                update(c, TENANT_CHANGELOG, schema);
            });
            try (Statement st = c.createStatement();
                    ResultSet rs = st.executeQuery("SELECT count(*) FROM databasechangelog")) {
                rs.next();
                return rs.getInt(1);
            }
        }
    }

    private static void createRole(Connection c, String role) throws SQLException {
        exec(c, "DO $$ BEGIN IF NOT EXISTS (SELECT 1 FROM pg_roles WHERE rolname = '" + role + "') THEN "
                + "CREATE ROLE " + role + " NOLOGIN; END IF; END $$");
    }

    /**
     * The plugin side of the county: an allow-list. The login role gets only what is granted to it by
     * name (the county changelog's {@code v_} views, the modules' tables), so a table the county
     * changelog adds later is out of its reach without anyone remembering to hide it. Earlier
     * versions made it a member of the county role; that membership is revoked here, on every
     * migration, so existing counties converge.
     */
    private static void pluginRoles(Connection c, String id, String schema) throws SQLException {
        String login = TenantIds.pluginLogin(id);
        String owner = TenantIds.pluginOwner(id);
        createRole(c, login);
        createRole(c, owner);
        exec(c, "REVOKE " + TenantIds.role(id) + " FROM " + login);
        exec(c, "GRANT " + owner + " TO CURRENT_USER");
        exec(c, "REVOKE ALL ON SCHEMA " + schema + " FROM PUBLIC");
        exec(c, "GRANT USAGE ON SCHEMA " + schema + " TO " + login);
        exec(c, "GRANT USAGE, CREATE ON SCHEMA " + schema + " TO " + owner);
    }

    private Connection connect() throws SQLException {
        return DriverManager.getConnection(url, username, password);
    }

    private void update(Connection c, String changelog, String schema) throws LiquibaseException {
        Database database = DatabaseFactory.getInstance().findCorrectDatabaseImplementation(new JdbcConnection(c));
        database.setDefaultSchemaName(schema);
        database.setLiquibaseSchemaName(schema);
        // Not closed: closing Liquibase closes the pooled connection, which the caller still uses.
        new Liquibase(changelog, resources, database).update(new Contexts(), new LabelExpression());
    }

    private interface Work {
        void run() throws SQLException, LiquibaseException;
    }

    /** The lock is the session's: it is released when the work ends, or when the connection closes. */
    private static void locked(Connection c, Work work) throws SQLException, LiquibaseException {
        exec(c, LOCK);
        work.run();
        if (!c.getAutoCommit()) {
            c.commit();
            c.setAutoCommit(true);
        }
        exec(c, UNLOCK);
    }

    private static void exec(Connection c, String sql) throws SQLException {
        try (Statement st = c.createStatement()) {
            st.execute(sql);
        }
    }
}
