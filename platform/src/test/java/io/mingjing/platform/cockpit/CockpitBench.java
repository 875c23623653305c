package io.mingjing.platform.cockpit;

import static io.mingjing.platform.testing.OpenModel.pct;
import static io.restassured.RestAssured.given;

import io.mingjing.platform.figure.FigureRefresh;
import io.mingjing.platform.identity.Role;
import io.mingjing.platform.tenancy.TenantIds;
import io.mingjing.platform.testing.Browser;
import io.mingjing.platform.testing.Counties;
import io.mingjing.platform.testing.DevStack;
import io.mingjing.platform.testing.People;
import io.mingjing.platform.testing.Postgres;
import io.mingjing.platform.testing.Tokens;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import jakarta.inject.Inject;
import java.io.ByteArrayOutputStream;
import java.net.URI;
import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.zip.GZIPOutputStream;
import org.junit.jupiter.api.Test;

/**
 * Figures for docs/benchmarks.md, run by platform/bench/cockpit.sh (not part of the suite: the name does
 * not end in Test). A county of 20 towns and 200 villages gets 1,000,000 appeals, 1,000,000 approvals and
 * 100,000 warnings over the past year by SQL, its figures are built once from the marks the triggers left, and then the
 * cockpit is read over HTTP with real tokens (300 warm-up requests, then 1,000 measured) for the county, a
 * town and a village; the province view is read with 200 counties' monthly rows.
 */
@QuarkusTest
@QuarkusTestResource(DevStack.class)
class CockpitBench {

    static final int ROWS = Integer.getInteger("bench.rows", 1_000_000);
    static final int WARM = Integer.getInteger("bench.warm", 300);
    static final int RUNS = Integer.getInteger("bench.runs", 1000);
    static final int COUNTIES = Integer.getInteger("bench.counties", 200);
    static final int WARNINGS = Integer.getInteger("bench.warnings", 100_000);

    @Inject
    FigureRefresh refresh;

    final List<String> out = new ArrayList<>();
    String t;
    String s;

    /** A figure, kept for the report and printed at once, so a later failure loses none. */
    private void report(String line) {
        out.add(line);
        System.out.println("BENCH " + line);
    }

    @Test
    void figures() throws Exception {
        t = Counties.onboard("ckbench");
        s = TenantIds.schema(t);
        String admin = Tokens.countyAdmin(t);
        People.orgUnits(t, admin);
        People.staff(t, admin, "insp", Role.INSPECTOR, null);
        People.staff(t, admin, "town", Role.TOWN_OFFICIAL, People.TOWN);
        generate();
        String inspector = Tokens.user(t, "insp");
        String town = Tokens.user(t, "town");
        String year = "?from=" + java.time.LocalDate.now().minusDays(364) + "&to=" + java.time.LocalDate.now();
        read("county cockpit (inspector), a year", inspector, "/api/t/" + t + "/cockpit" + year);
        read("town cockpit, a year", town, "/api/t/" + t + "/cockpit" + year);
        read("village cockpit, a year", town, "/api/t/" + t + "/cockpit" + year + "&unit=" + People.VILLAGE_X);
        province();
        weight();
        Path file = Path.of("target", "bench", "cockpit.txt");
        Files.createDirectories(file.getParent());
        Files.write(file, out);
        out.forEach(System.out::println);
    }

    /** The rows by SQL with the triggers on, as writes would leave them, then one refresh of every marked village-day. */
    private void generate() {
        long t0 = System.nanoTime();
        StringBuilder units = new StringBuilder("INSERT INTO " + s + ".org_unit (code, name, level, parent_code) ");
        units.append("SELECT '3307829' || lpad(tw::text, 2, '0') || '000', '镇' || tw, 'TOWN', NULL FROM generate_series(10, 29) tw ");
        units.append("UNION ALL SELECT '3307829' || lpad(tw::text, 2, '0') || lpad(v::text, 3, '0'), tw || '镇' || v || '村', ");
        units.append("'VILLAGE', '3307829' || lpad(tw::text, 2, '0') || '000' FROM generate_series(10, 29) tw, generate_series(201, 210) v");
        Postgres.exec(DevStack.DATABASE, units.toString());
        String villages = "(SELECT array_agg(code ORDER BY code) AS v FROM " + s + ".org_unit WHERE level = 'VILLAGE') vs";
        Postgres.exec(DevStack.DATABASE, "INSERT INTO " + s + ".appeal (tracking_no, kind, category, subject, body, village, "
                + "state, level, channel, sla, step_started_at, created_at, closed_at, satisfied, supervised, escalations) "
                + "SELECT 'B' || i, (ARRAY['COMPLAINT','SUGGESTION','INQUIRY','REPORT'])[1 + i % 4], "
                + "(ARRAY['village-affairs','environment','discipline'])[1 + i % 3], '批量', '批量', vs.v[1 + i % array_length(vs.v, 1)], "
                + "CASE WHEN i % 3 = 0 THEN 'RATED' ELSE 'ACCEPTED' END, 'VILLAGE', 'WEB', "
                + "CASE WHEN i % 50 = 0 THEN 'RED' WHEN i % 10 = 0 THEN 'YELLOW' ELSE 'GREEN' END, now(), "
                + "now() - (i % 365) * interval '1 day', CASE WHEN i % 3 = 0 THEN now() - (i % 365) * interval '1 day' "
                + "+ interval '30 hours' END, CASE WHEN i % 3 = 0 THEN i % 7 <> 0 END, i % 40 = 0, (i % 50 = 0)::int "
                + "FROM generate_series(1, " + ROWS + ") i, " + villages,
                "INSERT INTO " + s + ".approval (kind, village, town, title, amount, data, state, definition_version, "
                + "stage, step, seq, required, filed_by, filer_user_id, created_at, updated_at, sla, paid_at) "
                + "SELECT (ARRAY['PAYMENT','LABOUR','PROCUREMENT','PROJECT','SEAL'])[1 + i % 5], vs.v[1 + i % array_length(vs.v, 1)], "
                + "NULL, '批量审批', 100 + i % 90000, '{}'::jsonb, CASE WHEN i % 5 < 2 THEN 'PAID' ELSE 'APPROVED' END, "
                + "1, 0, 0, 1, 1, 'staff:bench', 'bench', now() - (i % 365) * interval '1 day', now(), "
                + "CASE WHEN i % 100 = 0 THEN 'RED' ELSE 'GREEN' END, CASE WHEN i % 5 < 2 THEN now() END "
                + "FROM generate_series(1, " + ROWS + ") i, " + villages,
                "INSERT INTO " + s + ".warning (rule_id, rule_version, entity_id, fact, category, severity, tier, village, "
                + "town, colour, shadow, why, raised_at, handler, taken_at, disposition, reason, closed_by, closed_at) "
                + "SELECT r.rule[1 + i % 6], 1, 'bench-' || i, 'labour', r.category[1 + i % 6], "
                + "CASE WHEN i % 3 = 0 THEN 'RED' ELSE 'YELLOW' END, 'TOWN', u.code, u.parent_code, "
                + "CASE WHEN i % 10 = 0 THEN 'RED' WHEN i % 10 < 3 THEN 'YELLOW' ELSE 'GREEN' END, false, '{}'::jsonb, "
                + "now() - (i % 365) * interval '1 day', CASE WHEN i % 10 > 0 THEN 'staff:insp' END, "
                + "CASE WHEN i % 10 > 0 THEN now() - (i % 365) * interval '1 day' + interval '2 hours' END, "
                + "CASE WHEN i % 10 >= 3 THEN (ARRAY['CONFIRMED','FALSE_ALARM','REFERRED'])[1 + i % 3] END, "
                + "CASE WHEN i % 10 >= 3 THEN '核实' END, CASE WHEN i % 10 >= 3 THEN 'staff:insp' END, "
                + "CASE WHEN i % 10 >= 3 THEN now() - (i % 365) * interval '1 day' + interval '20 hours' END "
                + "FROM generate_series(1, " + WARNINGS + ") i, " + villages + ", LATERAL (SELECT code, parent_code FROM "
                + s + ".org_unit WHERE code = vs.v[1 + i % array_length(vs.v, 1)]) u, (SELECT ARRAY['labour-before-application',"
                + "'labour-declared-too-soon','labour-staff-workers','payment-split','payment-approver-household','seal-without-approval'] "
                + "AS rule, ARRAY['labour','labour','labour','payment','payment','seal'] AS category) r",
                "ANALYZE " + s + ".appeal", "ANALYZE " + s + ".approval", "ANALYZE " + s + ".warning");
        double generated = (System.nanoTime() - t0) / 1e9;
        long marks = Long.parseLong(Postgres.query(DevStack.DATABASE, "SELECT count(*) FROM " + s + ".figure_dirty"));
        long t1 = System.nanoTime();
        int computed = refresh.refresh(t);
        report(String.format("generated %,d appeals, %,d approvals and %,d warnings in 200 villages by SQL, the "
                + "triggers marking %,d village-days, in %.1f s; first refresh of all of them: %,d village-days in %.1f s",
                ROWS, ROWS, WARNINGS, marks, generated, computed, (System.nanoTime() - t1) / 1e9));
        report(String.format("figure rows: %s days, %s months", Postgres.query(DevStack.DATABASE, "SELECT count(*) FROM "
                + s + ".figure"), Postgres.query(DevStack.DATABASE, "SELECT count(*) FROM " + s + ".figure_month")));
    }

    private void read(String what, String token, String path) {
        for (int i = 0; i < WARM; i++) {
            given().auth().oauth2(token).get(path).then().statusCode(200);
        }
        long[] took = new long[RUNS];
        for (int i = 0; i < RUNS; i++) {
            long t0 = System.nanoTime();
            given().auth().oauth2(token).get(path).then().statusCode(200);
            took[i] = (System.nanoTime() - t0) / 1000;
        }
        report(String.format("%s with %,d appeals, %,d approvals and %,d warnings: p50 %.1f ms, p99 %.1f ms (n=%d, "
                + "%d warm-up; client-side, so an upper bound of server time)", what, ROWS, ROWS, WARNINGS, pct(took, 50), pct(took, 99), RUNS, WARM));
    }

    /** COUNTIES counties' monthly rows written straight into the province table, then the operator's view read. */
    private void province() {
        Postgres.exec(DevStack.DATABASE, "INSERT INTO platform.province_figure (county, month, metric, dim, n, total) "
                + "SELECT 'bench-' || c, date_trunc('month', now())::date - (m || ' months')::interval, f.metric, f.dim, "
                + "100 + c + m, 1000 FROM generate_series(1, " + COUNTIES + ") c, generate_series(0, 11) m, "
                + "(SELECT DISTINCT metric, dim FROM " + s + ".figure WHERE unit = 'county' AND metric NOT LIKE 'reports.%') f "
                + "ON CONFLICT DO NOTHING");
        String rows = Postgres.query(DevStack.DATABASE, "SELECT count(*) FROM platform.province_figure");
        String operator = Tokens.operator();
        String path = "/api/platform/cockpit?from=" + java.time.YearMonth.now().minusMonths(11) + "&to="
                + java.time.YearMonth.now();
        for (int i = 0; i < WARM / 3; i++) {
            given().auth().oauth2(operator).get(path).then().statusCode(200);
        }
        long[] took = new long[RUNS / 5];
        for (int i = 0; i < took.length; i++) {
            long t0 = System.nanoTime();
            given().auth().oauth2(operator).get(path).then().statusCode(200);
            took[i] = (System.nanoTime() - t0) / 1000;
        }
        report(String.format("province view, %d+ counties × 12 months (%s rows): p50 %.1f ms, p99 %.1f ms (n=%d, %d warm-up)",
                COUNTIES, rows, pct(took, 50), pct(took, 99), took.length, WARM / 3));
        Postgres.exec(DevStack.DATABASE, "DELETE FROM platform.province_figure WHERE county LIKE 'bench-%'");
    }

    /** What a first load downloads: the inspector's county cockpit and the residents' figures page, each with its assets. */
    private void weight() throws Exception {
        Browser inspector = new Browser();
        String base = "http://127.0.0.1:" + RestAssured.port;
        inspector.logIn(base, t, "insp", "Test-pass-1");
        byte[] cockpit = inspector.go(HttpRequest.newBuilder(URI.create(base + "/t/" + t + "/staff/cockpit")))
                .body().getBytes(StandardCharsets.UTF_8);
        byte[] figures = given().get("/t/" + t + "/figures").then().statusCode(200).extract().asByteArray();
        for (var page : List.of(Map.entry("staff cockpit (inspector, county)", cockpit), Map.entry("residents' figures", figures))) {
            long raw = page.getValue().length;
            long gz = gzip(page.getValue());
            for (String p : List.of("/static/portal.css", "/static/cockpit.css", "/static/portal.js")) {
                byte[] body = given().get(p).then().statusCode(200).extract().asByteArray();
                raw += body.length;
                gz += gzip(body);
            }
            report(String.format("first load of the %s page with portal.css, cockpit.css and portal.js: %,d bytes, %,d "
                    + "gzipped", page.getKey(), raw, gz));
        }
    }

    private static int gzip(byte[] b) throws Exception {
        ByteArrayOutputStream o = new ByteArrayOutputStream();
        try (GZIPOutputStream z = new GZIPOutputStream(o)) {
            z.write(b);
        }
        return o.size();
    }
}
