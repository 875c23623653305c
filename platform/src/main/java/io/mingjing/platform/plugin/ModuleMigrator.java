package io.mingjing.platform.plugin;

import io.mingjing.platform.tenancy.TenantIds;
import jakarta.enterprise.context.ApplicationScoped;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import liquibase.Contexts;
import liquibase.LabelExpression;
import liquibase.Liquibase;
import liquibase.change.Change;
import liquibase.change.ChangeFactory;
import liquibase.change.ChangeParameterMetaData;
import liquibase.changelog.ChangeLogHistoryServiceFactory;
import liquibase.changelog.ChangeLogParameters;
import liquibase.changelog.ChangeSet;
import liquibase.changelog.DatabaseChangeLog;
import liquibase.database.Database;
import liquibase.database.DatabaseFactory;
import liquibase.database.jvm.JdbcConnection;
import liquibase.exception.LiquibaseException;
import liquibase.parser.ChangeLogParserFactory;
import liquibase.resource.ClassLoaderResourceAccessor;
import liquibase.resource.CompositeResourceAccessor;
import liquibase.resource.ResourceAccessor;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Runs a module's changelog in one county's schema, as the county's plugin owner role
 * {@code tp_<id>} (never as the county's role: a changelog's raw SQL can do whatever its role may),
 * with the module's own changelog tables ({@code <prefix>databasechangelog}). Every object the
 * changelog names must carry the module's prefix — checked before it runs — and every object it
 * leaves behind too, checked after. The plugin login role gets the rows of what the owner role owns,
 * and nothing of the county's own tables.
 *
 * <p>Modules' tables stay in the county's schema, beside the county's own, rather than in a schema of
 * their own: the prefix model, the modules' changelog bookkeeping and every county's existing tables
 * stay as they are, and ownership — not location — is what separates them.
 */
@ApplicationScoped
public class ModuleMigrator {

    /** Change parameters that name an object the module creates or alters. */
    private static final Set<String> OWNED = Set.of("tableName", "newTableName", "oldTableName", "baseTableName",
            "viewName", "sequenceName", "newSequenceName");

    @ConfigProperty(name = "quarkus.datasource.jdbc.url")
    String url;
    @ConfigProperty(name = "quarkus.datasource.username")
    String username;
    @ConfigProperty(name = "quarkus.datasource.password")
    String password;

    /** Checks a changelog without a database: it parses and names only prefixed objects. */
    void check(LoadedModule module) throws PluginRejected {
        if (module.manifest().changelog() == null) {
            return;
        }
        List<String> wrong = new ArrayList<>();
        String prefix = module.manifest().tablePrefix();
        for (ChangeSet set : parse(module).getChangeSets()) {
            for (Change change : set.getChanges()) {
                for (ChangeParameterMetaData p : ChangeFactory.getInstance().getChangeMetaData(change).getParameters()
                        .values()) {
                    if (OWNED.contains(p.getParameterName()) && p.getCurrentValue(change) instanceof String name
                            && !name.toLowerCase().startsWith(prefix)) {
                        wrong.add(set.getId() + ": " + name);
                    }
                }
            }
        }
        if (!wrong.isEmpty()) {
            throw new PluginRejected("its changelog names objects without the prefix '" + prefix + "': " + wrong);
        }
    }

    /** Brings the module's tables in the county's schema to the module's changelog. Safe to repeat. */
    public void migrate(LoadedModule module, String county) throws PluginRejected {
        if (module.manifest().changelog() == null) {
            return;
        }
        String lock = "hashtext('mingjing-module:" + county + ":" + module.id() + "')";
        try (Connection c = DriverManager.getConnection(url, username, password)) {
            exec(c, "SELECT pg_advisory_lock(" + lock + ")");
            try {
                adoptEarlierTables(c, module, county);
                exec(c, "SET ROLE " + TenantIds.pluginOwner(county));
                exec(c, "SET search_path TO " + TenantIds.schema(county));
                migrateAsOwner(c, module, county);
            } finally {
                if (!c.getAutoCommit()) {
                    c.rollback();
                    c.setAutoCommit(true);
                }
                exec(c, "RESET ROLE");
                exec(c, "SELECT pg_advisory_unlock(" + lock + ")");
            }
        } catch (SQLException | LiquibaseException e) {
            throw new PluginRejected("its changelog failed in county " + county + ": " + deepest(e), e);
        }
    }

    private void migrateAsOwner(Connection c, LoadedModule module, String county)
            throws SQLException, LiquibaseException, PluginRejected {
        String schema = TenantIds.schema(county);
        String prefix = module.manifest().tablePrefix();
        String login = TenantIds.pluginLogin(county);
        // Tables the changelog creates are the plugin login role's to use from the start.
        exec(c, "ALTER DEFAULT PRIVILEGES IN SCHEMA " + schema + " GRANT SELECT, INSERT, UPDATE, DELETE, TRUNCATE "
                + "ON TABLES TO " + login);
        exec(c, "ALTER DEFAULT PRIVILEGES IN SCHEMA " + schema + " GRANT USAGE, SELECT, UPDATE ON SEQUENCES TO "
                + login);
        Set<String> before = objects(c, schema);
        update(module, c, schema, prefix);
        c.setAutoCommit(true); // Liquibase leaves a transaction open; what it did is committed
        Set<String> added = objects(c, schema);
        added.removeAll(before);
        added.removeIf(t -> t.startsWith(prefix));
        if (!added.isEmpty()) {
            dropCallables(c, schema, added);
            throw new PluginRejected("its changelog created objects without the prefix '" + prefix + "': " + added);
        }
        grantOwned(c, login);
    }

    /**
     * Earlier versions ran modules' changelogs as the county role, which therefore owns their tables;
     * those (found by the module's own changelog table among them) move to the plugin owner role. A
     * prefix that covers county objects without being the module's is refused: a module named
     * {@code org} gets no {@code org_unit}.
     */
    private static void adoptEarlierTables(Connection c, LoadedModule module, String county)
            throws SQLException, PluginRejected {
        String prefix = module.manifest().tablePrefix();
        Map<String, String> found = countyOwned(c, county, prefix);
        if (found.isEmpty()) {
            return;
        }
        if (!found.containsKey(prefix + "databasechangelog")) {
            throw new PluginRejected("its table prefix '" + prefix + "' is taken by the county's own objects: "
                    + found.keySet());
        }
        String owner = TenantIds.pluginOwner(county);
        for (var e : found.entrySet()) {
            if (!e.getValue().equals("SEQUENCE")) {
                exec(c, "ALTER " + e.getValue() + " " + TenantIds.schema(county) + "." + e.getKey() + " OWNER TO "
                        + owner);
            }
        }
        // Sequences of serial columns moved with their tables; the rest follow.
        for (var e : countyOwned(c, county, prefix).entrySet()) {
            exec(c, "ALTER SEQUENCE " + TenantIds.schema(county) + "." + e.getKey() + " OWNER TO " + owner);
        }
    }

    /** The county role's relations whose name starts with the prefix, with the keyword ALTER needs. */
    private static Map<String, String> countyOwned(Connection c, String county, String prefix) throws SQLException {
        Map<String, String> found = new LinkedHashMap<>();
        try (PreparedStatement ps = c.prepareStatement("SELECT c.relname, CASE c.relkind WHEN 'v' THEN 'VIEW' "
                + "WHEN 'm' THEN 'MATERIALIZED VIEW' WHEN 'S' THEN 'SEQUENCE' WHEN 'f' THEN 'FOREIGN TABLE' "
                + "ELSE 'TABLE' END FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace "
                + "WHERE n.nspname = ? AND c.relowner = ?::regrole AND c.relkind IN ('r','p','v','m','S','f') "
                + "AND starts_with(c.relname, ?) ORDER BY c.relkind <> 'r', c.relname")) {
            ps.setString(1, TenantIds.schema(county));
            ps.setString(2, TenantIds.role(county));
            ps.setString(3, prefix);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    found.put(rs.getString(1), rs.getString(2));
                }
            }
        }
        return found;
    }

    /** Whatever the owner role owns, the login role may read and write: old tables, adopted ones. */
    private static void grantOwned(Connection c, String login) throws SQLException {
        exec(c, "DO $$ DECLARE r record; BEGIN FOR r IN SELECT c.relname, c.relkind FROM pg_class c "
                + "WHERE c.relnamespace = current_schema()::text::regnamespace AND c.relowner = current_user::text::regrole "
                + "AND c.relkind IN ('r','p','v','m','S','f') LOOP "
                + "IF r.relkind = 'S' THEN EXECUTE format('GRANT USAGE, SELECT, UPDATE ON SEQUENCE %I TO " + login
                + "', r.relname); "
                + "ELSE EXECUTE format('GRANT SELECT, INSERT, UPDATE, DELETE, TRUNCATE ON TABLE %I TO " + login
                + "', r.relname); END IF; END LOOP; END $$");
    }

    /**
     * A function or operator named like a built-in one could be chosen by the county's own SQL
     * (CVE-2018-1058), so a changelog's unprefixed ones do not stay; unprefixed tables are only
     * refused, being out of the county's queries' way.
     */
    private static void dropCallables(Connection c, String schema, Set<String> names) throws SQLException {
        List<String> drops = new ArrayList<>();
        try (PreparedStatement ps = c.prepareStatement("SELECT 'DROP ROUTINE ' || oid::regprocedure FROM pg_proc "
                + "WHERE pronamespace = ?::regnamespace AND proowner = current_user::text::regrole AND proname = ANY (?) "
                + "UNION ALL SELECT 'DROP OPERATOR ' || oid::regoperator FROM pg_operator "
                + "WHERE oprnamespace = ?::regnamespace AND oprowner = current_user::text::regrole AND oprname = ANY (?)")) {
            var array = c.createArrayOf("text", names.toArray());
            ps.setString(1, schema);
            ps.setArray(2, array);
            ps.setString(3, schema);
            ps.setArray(4, array);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    drops.add(rs.getString(1) + " CASCADE");
                }
            }
        }
        for (String drop : drops) {
            exec(c, drop);
        }
    }

    private void update(LoadedModule module, Connection c, String schema, String prefix) throws LiquibaseException {
        Database database = DatabaseFactory.getInstance().findCorrectDatabaseImplementation(new JdbcConnection(c));
        database.setDefaultSchemaName(schema);
        database.setLiquibaseSchemaName(schema);
        database.setDatabaseChangeLogTableName(prefix + "databasechangelog");
        database.setDatabaseChangeLogLockTableName(prefix + "databasechangeloglock");
        // Liquibase keeps what it last read of a changelog table per equal database (same URL): read it afresh,
        // or a change set that failed a moment ago can pass for one that ran.
        ChangeLogHistoryServiceFactory.getInstance().getChangeLogService(database).reset();
        // Not closed: that would close the connection, which still has to release the lock.
        new Liquibase(module.manifest().changelog().path(), resources(module), database)
                .update(new Contexts(), new LabelExpression());
    }

    private DatabaseChangeLog parse(LoadedModule module) throws PluginRejected {
        String path = module.manifest().changelog().path();
        ResourceAccessor resources = resources(module);
        try {
            return ChangeLogParserFactory.getInstance().getParser(path, resources)
                    .parse(path, new ChangeLogParameters(), resources);
        } catch (LiquibaseException | RuntimeException e) {
            throw new PluginRejected("its changelog " + path + " cannot be read: " + deepest(e), e);
        }
    }

    /** The plugin's own resources first; Liquibase's XSDs from the platform. */
    private static ResourceAccessor resources(LoadedModule module) {
        return new CompositeResourceAccessor(new ClassLoaderResourceAccessor(module.loader()),
                new ClassLoaderResourceAccessor(ModuleMigrator.class.getClassLoader()));
    }

    /** Names a changelog could leave in the schema: relations, routines, types and operators. */
    private static Set<String> objects(Connection c, String schema) throws SQLException {
        Set<String> names = new HashSet<>();
        try (PreparedStatement ps = c.prepareStatement(
                "SELECT relname FROM pg_class WHERE relnamespace = ?::regnamespace "
                        + "AND relkind IN ('r','v','m','p','S','f') "
                        + "UNION SELECT proname FROM pg_proc WHERE pronamespace = ?::regnamespace "
                        + "UNION SELECT typname FROM pg_type WHERE typnamespace = ?::regnamespace "
                        + "AND typtype IN ('d','e','r','m') AND typcategory <> 'A' "
                        + "UNION SELECT oprname FROM pg_operator WHERE oprnamespace = ?::regnamespace")) {
            for (int i = 1; i <= 4; i++) {
                ps.setString(i, schema);
            }
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    names.add(rs.getString(1));
                }
            }
        }
        return names;
    }

    private static void exec(Connection c, String sql) throws SQLException {
        try (Statement st = c.createStatement()) {
            st.execute(sql);
        }
    }

    static String deepest(Throwable e) {
        String message = e.getMessage();
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t.getMessage() != null && !t.getMessage().isBlank()) {
                message = t.getMessage();
            }
        }
        message = message == null ? e.getClass().getSimpleName() : message.strip();
        return message.length() > 400 ? message.substring(0, 400) + "…" : message;
    }
}
