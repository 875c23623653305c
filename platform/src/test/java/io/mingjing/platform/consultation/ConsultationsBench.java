package io.mingjing.platform.consultation;

import static io.mingjing.platform.testing.OpenModel.pct;
import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.mingjing.platform.identity.Role;
import io.mingjing.platform.tenancy.TenantIds;
import io.mingjing.platform.tenancy.TenantScope;
import io.mingjing.platform.testing.Counties;
import io.mingjing.platform.testing.DevStack;
import io.mingjing.platform.testing.People;
import io.mingjing.platform.testing.Postgres;
import io.mingjing.platform.testing.Tokens;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import jakarta.inject.Inject;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * Figures for docs/benchmarks.md, run by platform/bench/participation.sh (not part of the suite): counting
 * BALLOTS ballots — opening each sealed ballot, counting, shuffling, writing the plain ballots, deleting the
 * box, the result, audit and event — through {@code POST /consultations/{id}/count}, after WARM rounds.
 * The ballots are sealed by the platform's own {@link BallotBox} and inserted by JDBC as casting inserts
 * them (a voter row and a sealed box row each), since 10,000 residents' logins would measure Keycloak.
 */
@QuarkusTest
@QuarkusTestResource(DevStack.class)
class ConsultationsBench {

    static final int BALLOTS = Integer.getInteger("bench.ballots", 10_000);
    static final int WARM = Integer.getInteger("bench.count-warm", 3);
    static final int RUNS = Integer.getInteger("bench.count-runs", 7);

    @Inject
    BallotBox box;
    @Inject
    TenantScope scope;

    String t;
    String cadre;

    @Test
    void figures() throws Exception {
        Counties.awaitDemoCounties(); // a county onboarded meanwhile waits on a busy Keycloak
        t = Counties.onboard("cslbench");
        String admin = Tokens.countyAdmin(t);
        People.orgUnits(t, admin);
        cadre = People.staff(t, admin, "cadre-x", Role.CADRE, People.VILLAGE_X);
        long[] took = new long[RUNS];
        for (int r = -WARM; r < RUNS; r++) {
            long id = voteWith(BALLOTS);
            long t0 = System.nanoTime();
            Response res = given().auth().oauth2(cadre).post("/api/t/" + t + "/consultations/" + id + "/count");
            long micros = (System.nanoTime() - t0) / 1000;
            if (res.statusCode() == 422) { // the counting job got there first: this round measured nothing
                r--;
                continue;
            }
            res.then().statusCode(200);
            assertEquals(BALLOTS, ((Number) res.path("result.cast")).intValue());
            if (r >= 0) {
                took[r] = micros;
            }
        }
        List<String> out = new ArrayList<>();
        out.add(String.format("counting %,d sealed ballots (open, count, shuffle, rewrite, delete the box; one HTTP "
                + "request): p50 %.1f ms, max %.1f ms (n=%d, %d warm-up)", BALLOTS, pct(took, 50), pct(took, 100), RUNS, WARM));
        Path file = Path.of("target", "bench", "consultations.txt");
        Files.createDirectories(file.getParent());
        Files.write(file, out);
        out.forEach(System.out::println);
    }

    private long voteWith(int ballots) throws Exception {
        long id = ((Number) given().auth().oauth2(cadre).contentType(ContentType.JSON).body(Map.of("village",
                People.VILLAGE_X, "title", "计票基准", "body", "基准测试")).post("/api/t/" + t + "/consultations").then()
                .statusCode(201).extract().path("id")).longValue();
        given().auth().oauth2(cadre).contentType(ContentType.JSON).body(Map.of("until", Instant.now().plusSeconds(3600)
                .toString())).post("/api/t/" + t + "/consultations/" + id + "/voting").then().statusCode(200);
        List<byte[]> sealed = scope.call(t, () -> {
            List<byte[]> s = new ArrayList<>(ballots);
            for (int i = 0; i < ballots; i++) {
                s.add(box.seal(id, i % 3));
            }
            return s;
        });
        String schema = TenantIds.schema(t);
        try (Connection c = Postgres.admin(DevStack.DATABASE)) {
            c.setAutoCommit(false);
            try (PreparedStatement v = c.prepareStatement("INSERT INTO " + schema + ".consultation_voter VALUES (?, ?)");
                    PreparedStatement b = c.prepareStatement("INSERT INTO " + schema + ".consultation_ballot_box VALUES (?, ?, ?)")) {
                for (int i = 0; i < ballots; i++) {
                    v.setLong(1, id);
                    v.setLong(2, i + 1);
                    v.addBatch();
                    b.setObject(1, UUID.randomUUID());
                    b.setLong(2, id);
                    b.setBytes(3, sealed.get(i));
                    b.addBatch();
                }
                v.executeBatch();
                b.executeBatch();
            }
            c.createStatement().execute("UPDATE " + schema + ".consultation SET voting_until = now() - interval '1 second' "
                    + "WHERE id = " + id);
            c.commit();
        }
        return id;
    }
}
