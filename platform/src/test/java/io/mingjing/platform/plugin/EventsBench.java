package io.mingjing.platform.plugin;

import static io.mingjing.platform.plugin.PluginRuntimeTest.count;
import static io.mingjing.platform.plugin.PluginRuntimeTest.schema;
import static io.mingjing.platform.testing.OpenModel.pct;
import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;

import io.mingjing.platform.event.DomainEvents;
import io.mingjing.platform.tenancy.TenantScope;
import io.mingjing.platform.testing.Counties;
import io.mingjing.platform.testing.DevStack;
import io.mingjing.platform.testing.OpenModel;
import io.mingjing.platform.testing.Postgres;
import io.mingjing.platform.testing.Tokens;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * Figures for docs/benchmarks.md, run by platform/bench/events.sh (not part of the suite: the name
 * does not end in Test). (1) what recording an event adds to a write: the same small write with and
 * without one, alternating, with the listening module enabled so each event also gets its delivery
 * row; (2) commit-to-listener latency at a fixed 500 events/s in one county, open model (each write
 * starts when due, whatever the earlier ones take), the listener being the "listen" test plugin;
 * (3) the delivery's capacity: how fast a backlog committed at once reaches the listener.
 */
@QuarkusTest
@QuarkusTestResource(DevStack.class)
class EventsBench {

    static final int WARM_WRITES = Integer.getInteger("bench.warm-writes", 3000);
    static final int WRITES = Integer.getInteger("bench.writes", 5000);
    static final int RATE = Integer.getInteger("bench.rate", 500);
    static final int WARM_SECONDS = Integer.getInteger("bench.warm-seconds", 20);
    static final int SECONDS = Integer.getInteger("bench.seconds", 30);
    static final int DRAIN = Integer.getInteger("bench.drain", 10000);

    @Inject
    DomainEvents events;
    @Inject
    TenantScope scope;
    @Inject
    EntityManager em;

    @Test
    void figures() throws Exception {
        given().auth().oauth2(Tokens.operator()).delete("/api/platform/plugins/listen");
        PluginRuntimeTest.install(ListenJars.listen()).statusCode(201);
        String county = Counties.onboard("bench");
        PluginRuntimeTest.configure(county, "listen", "{\"enabled\":true}").statusCode(200);

        List<String> out = new ArrayList<>();
        writes(county, WARM_WRITES);
        long[][] w = writes(county, WRITES);
        awaitDrained(county);
        out.add(String.format("write without event: p50 %.2f ms, p99 %.2f ms (n=%d)", pct(w[0], 50), pct(w[0], 99),
                WRITES));
        out.add(String.format("write with event:    p50 %.2f ms, p99 %.2f ms (n=%d)", pct(w[1], 50), pct(w[1], 99),
                WRITES));
        out.add(String.format("added by the event:  p50 %.2f ms, p99 %.2f ms", pct(w[1], 50) - pct(w[0], 50),
                pct(w[1], 99) - pct(w[0], 99)));

        String warmTag = "warm-" + UUID.randomUUID();
        String tag = "run-" + UUID.randomUUID();
        load(county, warmTag, WARM_SECONDS);
        awaitDrained(county);
        long[] due = load(county, tag, SECONDS);
        awaitDrained(county);
        long[] latency = latencies(county, tag);
        out.add(String.format("%d events/s for %d s (%d s warm-up): writes late p99 %.2f ms; commit to listener "
                + "p50 %.1f ms, p99 %.1f ms, max %.1f ms (n=%d)", RATE, SECONDS, WARM_SECONDS, pct(due, 99),
                pct(latency, 50), pct(latency, 99), latency[latency.length - 1] / 1000.0, latency.length));
        out.add(drain(county));
        Path file = Path.of("target", "bench", "events.txt");
        Files.createDirectories(file.getParent());
        Files.write(file, out);
        out.forEach(System.out::println);
    }

    /**
     * The delivery's capacity, which is its headroom over the offered rate: a backlog of events committed
     * at once (one transaction), and how fast the listener has them all.
     */
    private String drain(String county) throws Exception {
        String tag = "drain-" + UUID.randomUUID();
        List<DomainEvents.Draft> drafts = new ArrayList<>();
        for (int i = 0; i < DRAIN; i++) {
            drafts.add(new DomainEvents.Draft("bench.backlog", "bench", tag + "-" + (i % 50), Map.of("n", i)));
        }
        scope.run(county, () -> events.recordAll(DomainEvents.PLATFORM, drafts));
        java.time.Instant committed = java.time.Instant.now();
        awaitDrained(county);
        try (Connection c = Postgres.admin(DevStack.DATABASE); Statement st = c.createStatement();
                ResultSet rs = st.executeQuery("SELECT count(*), max(received_at) FROM " + schema(county)
                        + ".listen_seen WHERE entity_id LIKE '" + tag + "%'")) {
            rs.next();
            double seconds = java.time.Duration.between(committed, rs.getTimestamp(2).toInstant()).toMillis() / 1000.0;
            return String.format("backlog of %d events (50 entities) committed at once: all at the listener in %.2f s, "
                    + "%.0f events/s", rs.getLong(1), seconds, rs.getLong(1) / seconds);
        }
    }

    private static void awaitDrained(String county) {
        await().atMost(300, TimeUnit.SECONDS).pollInterval(1, TimeUnit.SECONDS).until(() -> count(county,
                "SELECT count(*) FROM " + schema(county) + ".event_delivery WHERE delivered_at IS NULL AND NOT dead") == 0);
    }

    /** @return write times in µs: [0] without an event, [1] with one */
    private long[][] writes(String county, int n) {
        long[][] t = new long[2][n];
        for (int i = 0; i < n; i++) {
            for (int with = 0; with < 2; with++) {
                boolean event = with == 1;
                int k = i;
                long t0 = System.nanoTime();
                scope.run(county, () -> {
                    em.createNativeQuery("INSERT INTO work_proof (challenge, spent_at) VALUES (?1, now())")
                            .setParameter(1, UUID.randomUUID().toString()).executeUpdate();
                    if (event) {
                        events.record("bench.written", "bench", "w" + (k % 100), Map.of("n", k));
                    }
                });
                t[with][i] = (System.nanoTime() - t0) / 1000;
            }
        }
        return t;
    }

    /** Open model: write i is due at start + i / rate; @return how late each write finished past its due time, µs. */
    private long[] load(String county, String tag, int seconds) throws InterruptedException {
        return OpenModel.run(RATE, RATE * seconds, 16, i -> {
            scope.run(county, () -> events.record("bench.loaded", "bench", tag + "-" + (i % 50), Map.of("n", i)));
            return 0;
        }).late();
    }

    /** Listener's receipt minus the event's recording, µs, sorted. */
    private long[] latencies(String county, String tag) throws Exception {
        try (Connection c = Postgres.admin(DevStack.DATABASE); Statement st = c.createStatement();
                ResultSet rs = st.executeQuery("SELECT (extract(epoch FROM received_at - at) * 1000000)::bigint FROM "
                        + schema(county) + ".listen_seen WHERE entity_id LIKE '" + tag + "%'")) {
            List<Long> v = new ArrayList<>();
            while (rs.next()) {
                v.add(rs.getLong(1));
            }
            long[] a = v.stream().mapToLong(Long::longValue).toArray();
            Arrays.sort(a);
            return a;
        }
    }
}
