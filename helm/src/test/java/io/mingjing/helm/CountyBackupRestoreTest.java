package io.mingjing.helm;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Per-county backup and restore, exactly as docs/deploy.md tells operators: the shell blocks marked
 * {@code <!-- test:backup -->}, {@code <!-- test:restore -->} and {@code <!-- test:verify -->} are run verbatim
 * with bash against the local PostgreSQL (127.0.0.1, user postgres, trust auth) on a county laid out like the
 * platform's: schema and role {@code t_<id>}, org units with Chinese names, a hash-chained audit log and
 * Liquibase's changelog tables.
 */
class CountyBackupRestoreTest {

    private static final String HOST = "127.0.0.1";
    private static final int PORT = Integer.getInteger("mingjing.test.pg-port", 5432);
    private static final Path DOC = Path.of(System.getProperty("mingjing.deploy.doc", "../docs/deploy.md"));
    private static final String ZERO_HASH = "0".repeat(64);
    private static final List<String> COUNTY_TABLES = List.of("org_unit", "audit_entry", "audit_head",
            "databasechangelog", "databasechangeloglock");

    private String id;
    private String schema;
    private String srcDb;
    private String dstDb;
    private String dst2Db;
    private Path dir;

    @BeforeEach
    void names() throws IOException {
        byte[] random = new byte[5];
        new SecureRandom().nextBytes(random);
        id = "bkp" + HexFormat.of().formatHex(random);
        schema = "t_" + id;
        srcDb = "mj_" + id + "_src";
        dstDb = "mj_" + id + "_dst";
        dst2Db = "mj_" + id + "_dst2";
        dir = Files.createTempDirectory("mingjing-backup-");
    }

    @AfterEach
    void dropEverything() throws Exception {
        try {
            exec("postgres",
                    "DROP DATABASE IF EXISTS " + srcDb + " WITH (FORCE)",
                    "DROP DATABASE IF EXISTS " + dstDb + " WITH (FORCE)",
                    "DROP DATABASE IF EXISTS " + dst2Db + " WITH (FORCE)",
                    "DROP ROLE IF EXISTS " + schema);
        } finally {
            Chart.deleteTree(dir);
        }
    }

    @Test
    void oneCountyDumpedWithTheDocumentedCommandsRestoresIntoAFreshDatabase() throws Exception {
        Map<String, String> blocks = documentedBlocks();
        createSourceCounty();
        Map<String, List<List<String>>> before = snapshot(srcDb);
        assertEquals(3, before.get("org_unit").size());
        assertEquals(5, before.get("audit_entry").size());

        Path dump = dir.resolve(id + ".dump");
        run(blocks.get("backup"), Map.of("SRC_DB", srcDb, "DUMP", dump.toString()));
        assertTrue(Files.size(dump) > 0, "dump written");

        // 1. Same cluster: the county role exists already.
        run(blocks.get("restore"), Map.of("DST_DB", dstDb, "DUMP", dump.toString()));
        assertRestored(dstDb, before);
        assertEquals("0", run(blocks.get("verify"), Map.of("DST_DB", dstDb)).strip(), "audit chain intact");

        // 2. A cluster without the county role: drop source, first copy and role, restore again.
        exec("postgres", "DROP DATABASE " + srcDb + " WITH (FORCE)", "DROP DATABASE " + dstDb + " WITH (FORCE)",
                "DROP ROLE " + schema);
        assertFalse(roleExists(), "role gone before the second restore");
        run(blocks.get("restore"), Map.of("DST_DB", dst2Db, "DUMP", dump.toString()));
        assertTrue(roleExists(), "the restore block created the county role");
        assertRestored(dst2Db, before);
        assertEquals("0", run(blocks.get("verify"), Map.of("DST_DB", dst2Db)).strip(), "audit chain intact");

        // The verification really checks the chain: break one link and it says so.
        exec(dst2Db, "UPDATE " + schema + ".audit_entry SET hash = repeat('f', 64) WHERE seq = 2");
        assertEquals("1", run(blocks.get("verify"), Map.of("DST_DB", dst2Db)).strip(), "tampering detected");
    }

    private void assertRestored(String db, Map<String, List<List<String>>> before) throws SQLException {
        Map<String, List<List<String>>> after = snapshot(db);
        for (String table : COUNTY_TABLES) {
            assertEquals(before.get(table).size(), after.get(table).size(), "row count of " + table);
            assertEquals(before.get(table), after.get(table), "content of " + table);
        }
        assertTrue(after.get("org_unit").stream().anyMatch(r -> r.get(1).equals("义亭镇")), "Chinese text intact");
        try (Connection c = connect(db); Statement st = c.createStatement()) {
            assertEquals(schema, single(st, "SELECT nspowner::regrole::text FROM pg_namespace WHERE nspname = '"
                    + schema + "'"), "schema owned by the county role");
            assertEquals("0", single(st, "SELECT count(*) FROM pg_tables WHERE schemaname = '" + schema
                    + "' AND tableowner <> '" + schema + "'"), "tables owned by the county role");
            assertEquals("1", single(st, "SELECT count(*) FROM pg_constraint c JOIN pg_namespace n ON n.oid = "
                    + "c.connamespace WHERE n.nspname = '" + schema + "' AND c.contype = 'f'"), "foreign key restored");
            assertEquals("0", single(st, "SELECT count(*) FROM pg_namespace WHERE nspname IN ('platform', '"
                    + schema + "x')"), "only the one county was dumped");
            assertEquals("UTF8", single(st, "SELECT pg_encoding_to_char(encoding) FROM pg_database "
                    + "WHERE datname = current_database()"));
        }
    }

    // ------------------------------------------------------------------------------------------ the county

    /** A county as the platform leaves it: schema and tables owned by its role, created under SET ROLE. */
    private void createSourceCounty() throws SQLException, NoSuchAlgorithmException {
        exec("postgres",
                "CREATE ROLE " + schema + " NOLOGIN",
                "CREATE DATABASE " + srcDb + " ENCODING 'UTF8' TEMPLATE template0");
        try (Connection c = connect(srcDb); Statement st = c.createStatement()) {
            // Neighbours that must stay out of the dump: the registry and another county.
            st.execute("CREATE SCHEMA platform");
            st.execute("CREATE TABLE platform.tenant (id varchar(31) PRIMARY KEY, name varchar(100) NOT NULL)");
            st.execute("INSERT INTO platform.tenant VALUES ('" + id + "', '测试县')");
            st.execute("CREATE SCHEMA " + schema + "x");
            st.execute("CREATE TABLE " + schema + "x.org_unit (code char(12) PRIMARY KEY, name varchar(100))");
            st.execute("INSERT INTO " + schema + "x.org_unit VALUES ('330302001000', '五马街道')");

            st.execute("GRANT " + schema + " TO CURRENT_USER");
            st.execute("CREATE SCHEMA " + schema + " AUTHORIZATION " + schema);
            st.execute("SET ROLE " + schema);
            st.execute("SET search_path TO " + schema);
            st.execute("""
                    CREATE TABLE org_unit (
                      code char(12) PRIMARY KEY,
                      name varchar(100) NOT NULL,
                      level varchar(10) NOT NULL CHECK (level IN ('TOWN','VILLAGE','GRID')),
                      parent_code char(12) CONSTRAINT org_unit_parent_fk REFERENCES org_unit(code))""");
            st.execute("""
                    CREATE TABLE audit_entry (
                      seq bigint PRIMARY KEY, at timestamptz NOT NULL, actor varchar(200) NOT NULL,
                      action varchar(80) NOT NULL, entity varchar(80) NOT NULL, entity_id varchar(200),
                      payload_digest char(64) NOT NULL, prev_hash char(64) NOT NULL, hash char(64) NOT NULL)""");
            st.execute("CREATE TABLE audit_head (id int PRIMARY KEY, seq bigint NOT NULL, hash char(64) NOT NULL)");
            st.execute("""
                    CREATE TABLE databasechangelog (
                      id varchar(255) NOT NULL, author varchar(255) NOT NULL, filename varchar(255) NOT NULL,
                      dateexecuted timestamp NOT NULL, orderexecuted int NOT NULL, exectype varchar(10) NOT NULL,
                      md5sum varchar(35), description varchar(255), comments varchar(255), tag varchar(255),
                      liquibase varchar(20), contexts varchar(255), labels varchar(255), deployment_id varchar(10))""");
            st.execute("""
                    CREATE TABLE databasechangeloglock (
                      id int PRIMARY KEY, locked boolean NOT NULL, lockgranted timestamp, lockedby varchar(255))""");

            st.execute("""
                    INSERT INTO org_unit VALUES
                      ('330782102000', '义亭镇', 'TOWN', NULL),
                      ('330782102201', '示例一村（示例）', 'VILLAGE', '330782102000'),
                      ('330782102202', '示例二村「东片」', 'VILLAGE', '330782102000')""");
            String prev = ZERO_HASH;
            try (PreparedStatement ps = c.prepareStatement("INSERT INTO audit_entry VALUES (?,?,?,?,?,?,?,?,?)")) {
                String[] actors = {"张三（村监会）", "李四", "王五·报账员", "admin", "赵六"};
                for (int seq = 1; seq <= actors.length; seq++) {
                    String payload = sha256("{\"name\":\"示例" + seq + "村\",\"n\":" + seq + "}");
                    String hash = sha256(prev + "|" + seq + "|" + actors[seq - 1] + "|org-unit.import|" + payload);
                    ps.setLong(1, seq);
                    ps.setObject(2, OffsetDateTime.of(2026, 3, seq, 9, 30, 0, 0, ZoneOffset.ofHours(8)));
                    ps.setString(3, actors[seq - 1]);
                    ps.setString(4, "org-unit.import");
                    ps.setString(5, "OrgUnit");
                    ps.setString(6, "33078210220" + seq);
                    ps.setString(7, payload);
                    ps.setString(8, prev);
                    ps.setString(9, hash);
                    ps.executeUpdate();
                    prev = hash;
                }
            }
            st.execute("INSERT INTO audit_head VALUES (1, 5, '" + prev + "')");
            st.execute("""
                    INSERT INTO databasechangelog VALUES
                      ('1-org-unit', 'mingjing', 'db/tenant.xml', '2026-03-01 09:00:00', 1, 'EXECUTED',
                       '9:0123456789abcdef0123456789abcdef', 'createTable tableName=org_unit', '', NULL, '4.33.0',
                       NULL, NULL, '1234567890'),
                      ('2-audit', 'mingjing', 'db/tenant.xml', '2026-03-01 09:00:01', 2, 'EXECUTED',
                       '9:fedcba9876543210fedcba9876543210', 'createTable tableName=audit_entry', '', NULL, '4.33.0',
                       NULL, NULL, '1234567890')""");
            st.execute("INSERT INTO databasechangeloglock VALUES (1, false, NULL, NULL)");
            st.execute("RESET ROLE");
        }
    }

    private Map<String, List<List<String>>> snapshot(String db) throws SQLException {
        Map<String, List<List<String>>> out = new LinkedHashMap<>();
        try (Connection c = connect(db); Statement st = c.createStatement()) {
            for (String table : COUNTY_TABLES) {
                List<List<String>> rows = new ArrayList<>();
                try (ResultSet rs = st.executeQuery("SELECT * FROM " + schema + "." + table + " ORDER BY 1, 2")) {
                    int columns = rs.getMetaData().getColumnCount();
                    while (rs.next()) {
                        List<String> row = new ArrayList<>();
                        for (int i = 1; i <= columns; i++) {
                            row.add(rs.getString(i));
                        }
                        rows.add(row);
                    }
                }
                out.put(table, rows);
            }
        }
        return out;
    }

    // ------------------------------------------------------------------------------------------ the doc

    /** The shell blocks of docs/deploy.md that follow a {@code <!-- test:NAME … -->} marker. */
    private static Map<String, String> documentedBlocks() throws IOException {
        String doc = Files.readString(DOC, StandardCharsets.UTF_8);
        Matcher m = Pattern.compile("<!-- test:(\\w+)[^>]*-->\\s*```sh\\n(.*?)```", Pattern.DOTALL).matcher(doc);
        Map<String, String> blocks = new LinkedHashMap<>();
        while (m.find()) {
            blocks.put(m.group(1), m.group(2));
        }
        assertEquals(List.of("backup", "restore", "verify"), List.copyOf(blocks.keySet()),
                "tested blocks in " + DOC);
        return blocks;
    }

    /** Runs a documented block with bash, as an operator would after exporting the documented variables. */
    private String run(String script, Map<String, String> vars) throws IOException, InterruptedException {
        ProcessBuilder pb = new ProcessBuilder("bash", "-euo", "pipefail", "-c", script)
                .directory(dir.toFile())
                .redirectErrorStream(true);
        Map<String, String> env = pb.environment();
        List.of("PGPASSWORD", "PGDATABASE", "PGSERVICE", "PGOPTIONS").forEach(env::remove);
        env.put("PGHOST", HOST);
        env.put("PGPORT", Integer.toString(PORT));
        env.put("PGUSER", "postgres");
        env.put("COUNTY", id);
        env.put("DB_OWNER", "postgres");
        env.putAll(vars);
        Process p = pb.start();
        p.getOutputStream().close();
        String output = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(p.waitFor(60, TimeUnit.SECONDS), "documented commands hang");
        assertEquals(0, p.exitValue(), () -> "documented commands failed:\n" + script + "\n--- output:\n" + output);
        return output;
    }

    // ------------------------------------------------------------------------------------------ JDBC

    private static Connection connect(String db) throws SQLException {
        return DriverManager.getConnection("jdbc:postgresql://" + HOST + ":" + PORT + "/" + db, "postgres", "");
    }

    private static void exec(String db, String... sql) throws SQLException {
        try (Connection c = connect(db); Statement st = c.createStatement()) {
            for (String s : sql) {
                st.execute(s);
            }
        }
    }

    private boolean roleExists() throws SQLException {
        try (Connection c = connect("postgres"); Statement st = c.createStatement()) {
            return "1".equals(single(st, "SELECT count(*) FROM pg_roles WHERE rolname = '" + schema + "'"));
        }
    }

    private static String single(Statement st, String sql) throws SQLException {
        try (ResultSet rs = st.executeQuery(sql)) {
            assertTrue(rs.next(), sql);
            return rs.getString(1);
        }
    }

    private static String sha256(String s) throws NoSuchAlgorithmException {
        return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(s.getBytes(StandardCharsets.UTF_8)));
    }
}
