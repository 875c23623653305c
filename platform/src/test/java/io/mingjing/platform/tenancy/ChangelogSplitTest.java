package io.mingjing.platform.tenancy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.mingjing.platform.testing.Postgres;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import liquibase.Contexts;
import liquibase.LabelExpression;
import liquibase.Liquibase;
import liquibase.changelog.ChangeSet;
import liquibase.database.Database;
import liquibase.database.DatabaseFactory;
import liquibase.database.jvm.JdbcConnection;
import liquibase.resource.ClassLoaderResourceAccessor;
import liquibase.resource.DirectoryResourceAccessor;
import liquibase.resource.ResourceAccessor;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The county changelog split into one file per feature is, to Liquibase, the single file it was: a
 * county migrated by the old {@code db/tenant.xml} (commit b9f5a97, a test resource) has nothing to
 * apply under the new master but the change sets written since the split, and every checksum still matches.
 */
class ChangelogSplitTest {

    static final String DATABASE = "mingjing_split_" + ProcessHandle.current().pid();
    static final String SCHEMA = "t_split" + ProcessHandle.current().pid();
    static final String PLUGIN_LOGIN = "tl_" + SCHEMA.substring(2);

    @BeforeAll
    static void countyOnTheOldChangelog() throws Exception {
        Postgres.recreate(DATABASE, "mingjing");
        Postgres.exec(DATABASE, "CREATE ROLE " + SCHEMA + " NOLOGIN", "CREATE ROLE " + PLUGIN_LOGIN + " NOLOGIN",
                "CREATE SCHEMA " + SCHEMA + " AUTHORIZATION " + SCHEMA);
        try (Connection c = county()) {
            liquibase(c, new DirectoryResourceAccessor(Path.of("src/test/resources/changelog-b9f5a97")))
                    .update(new Contexts(), new LabelExpression());
        }
    }

    @AfterAll
    static void drop() {
        Postgres.exec("postgres", "DROP DATABASE IF EXISTS " + DATABASE + " WITH (FORCE)");
        Postgres.exec("postgres", "DROP ROLE IF EXISTS " + SCHEMA, "DROP ROLE IF EXISTS " + PLUGIN_LOGIN);
    }

    /** Features added after the split (their change set ids' prefixes): a county of the old file has yet to run them. */
    static final Set<String> SINCE_THE_SPLIT = Set.of("approval-", "inbox-message-keys", "events-claim-window", "warning-", "service-", "task-", "consultation-", "villagelog-", "branch-", "figures-", "appeal-figures",
            "disclosure-figures", "payment-figures", "inbox-bulk-messages", "residents-birth-date", "push-", "inspection-",
            "audit-unlinked", "appeal-category-county-departments");

    @Test
    void theNewMasterAppliesNothingOldToACountyOfTheOldFileAndValidates() throws Exception {
        try (Connection c = county()) {
            Liquibase master = liquibase(c, new ClassLoaderResourceAccessor(getClass().getClassLoader()));
            List<String> unrunOld = master.listUnrunChangeSets(new Contexts(), new LabelExpression()).stream()
                    .filter(cs -> SINCE_THE_SPLIT.stream().noneMatch(cs.getId()::startsWith))
                    .map(ChangeSet::toString).toList();
            assertEquals(List.of(), unrunOld);
            master.validate();
            int before = applied(c);
            int added = master.listUnrunChangeSets(new Contexts(), new LabelExpression()).size();
            master.update(new Contexts(), new LabelExpression());
            assertEquals(before + added, applied(c));
            assertEquals(before + added, master.getDatabaseChangeLog().getChangeSets().size());
        }
    }

    /** A file included without the master's logical path would give its change sets new identities. */
    @Test
    void everyIncludedFileKeepsTheMastersIdentity() throws Exception {
        String master = Files.readString(Path.of("src/main/resources/db/tenant.xml"));
        Set<String> included = Pattern.compile("<include file=\"([^\"]+)\"").matcher(master).results()
                .map(m -> m.group(1)).collect(Collectors.toSet());
        for (String file : included) {
            assertTrue(Files.readString(Path.of("src/main/resources/db", file))
                    .contains("logicalFilePath=\"db/tenant.xml\""), file);
        }
    }

    private static Connection county() throws SQLException {
        Connection c = Postgres.admin(DATABASE);
        try (Statement st = c.createStatement()) {
            st.execute("SET ROLE " + SCHEMA);
            st.execute("SET search_path TO " + SCHEMA);
        }
        return c;
    }

    private static Liquibase liquibase(Connection c, ResourceAccessor resources) throws Exception {
        Database database = DatabaseFactory.getInstance().findCorrectDatabaseImplementation(new JdbcConnection(c));
        database.setDefaultSchemaName(SCHEMA);
        database.setLiquibaseSchemaName(SCHEMA);
        return new Liquibase(SchemaMigrator.TENANT_CHANGELOG, resources, database);
    }

    private static int applied(Connection c) throws SQLException {
        try (Statement st = c.createStatement(); ResultSet rs = st.executeQuery(
                "SELECT count(*) FROM databasechangelog WHERE filename = 'db/tenant.xml'")) {
            rs.next();
            return rs.getInt(1);
        }
    }
}
