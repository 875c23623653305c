package io.mingjing.platform.plugin;

import io.mingjing.platform.tenancy.TenantIds;
import jakarta.enterprise.context.ApplicationScoped;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import liquibase.Contexts;
import liquibase.LabelExpression;
import liquibase.Liquibase;
import liquibase.change.Change;
import liquibase.change.ChangeFactory;
import liquibase.change.ChangeParameterMetaData;
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
 * Runs a module's changelog in one county's schema, as the county's own role, with the module's own
 * changelog tables ({@code <prefix>databasechangelog}). Every object the changelog names must carry
 * the module's prefix — checked before it runs — and every table it leaves behind too, checked after.
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
        String schema = TenantIds.schema(county);
        String prefix = module.manifest().tablePrefix();
        String lock = "hashtext('mingjing-module:" + county + ":" + module.id() + "')";
        try (Connection c = DriverManager.getConnection(url, username, password)) {
            exec(c, "SELECT pg_advisory_lock(" + lock + ")");
            try {
                exec(c, "SET ROLE " + TenantIds.role(county));
                exec(c, "SET search_path TO " + schema);
                Set<String> before = tables(c, schema);
                update(module, c, schema, prefix);
                Set<String> added = tables(c, schema);
                added.removeAll(before);
                added.removeIf(t -> t.startsWith(prefix));
                if (!added.isEmpty()) {
                    throw new PluginRejected("its changelog created tables without the prefix '" + prefix + "': "
                            + added);
                }
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

    private void update(LoadedModule module, Connection c, String schema, String prefix) throws LiquibaseException {
        Database database = DatabaseFactory.getInstance().findCorrectDatabaseImplementation(new JdbcConnection(c));
        database.setDefaultSchemaName(schema);
        database.setLiquibaseSchemaName(schema);
        database.setDatabaseChangeLogTableName(prefix + "databasechangelog");
        database.setDatabaseChangeLogLockTableName(prefix + "databasechangeloglock");
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

    private static Set<String> tables(Connection c, String schema) throws SQLException {
        Set<String> names = new HashSet<>();
        try (Statement st = c.createStatement(); ResultSet rs = st.executeQuery(
                "SELECT c.relname FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace "
                        + "WHERE n.nspname = '" + schema + "' AND c.relkind IN ('r','v','m','p','S')")) {
            while (rs.next()) {
                names.add(rs.getString(1));
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
