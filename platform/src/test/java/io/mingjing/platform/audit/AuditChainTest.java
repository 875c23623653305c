package io.mingjing.platform.audit;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasLength;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import io.mingjing.platform.tenancy.TenantIds;
import io.mingjing.platform.tenancy.TenantScope;
import io.mingjing.platform.testing.Counties;
import io.mingjing.platform.testing.DevStack;
import io.mingjing.platform.testing.Postgres;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executors;
import org.junit.jupiter.api.Test;

@QuarkusTest
@QuarkusTestResource(DevStack.class)
class AuditChainTest {

    @Inject
    TenantScope scope;
    @Inject
    AuditLog audit;
    @Inject
    AuditLinks links;

    private void write(String id, int n) {
        scope.run(id, () -> audit.append("tester", "test.write", "Thing", Integer.toString(n),
                ("payload " + n).getBytes(StandardCharsets.UTF_8)));
    }

    @Test
    void concurrentWritersNeverForkTheChain() throws Exception {
        String id = Counties.onboard("chain");
        try (var pool = Executors.newFixedThreadPool(4)) {
            List<CompletableFuture<Void>> writes = new ArrayList<>();
            for (int i = 0; i < 40; i++) {
                int n = i;
                writes.add(CompletableFuture.runAsync(() -> write(id, n), pool));
            }
            CompletableFuture.allOf(writes.toArray(CompletableFuture[]::new)).get();
        }
        given().get("/api/t/" + id + "/audit/verify").then().statusCode(200).body("ok", equalTo(true))
                .body("entries", equalTo(41)).body("head", hasLength(64));
    }

    @Test
    void anEntryItsProcessDidNotLinkAfterTheCommitIsLinkedOnceByTheSweep() throws Exception {
        String id = Counties.onboard("unlinked");
        write(id, 1);
        long linked = Counties.count(id, "SELECT count(*) FROM $s.audit_entry");
        // what a process killed between its commit and the linking leaves: committed, unlinked entries
        Postgres.exec(DevStack.DATABASE, "INSERT INTO " + TenantIds.schema(id) + ".audit_unlinked (chain, at, actor, "
                + "action, entity, entity_id, payload_digest) SELECT 1, now(), 'tester', 'test.crashed', 'Thing', i::text, "
                + "repeat('a', 64) FROM generate_series(1, 30) i");
        try (var pool = Executors.newFixedThreadPool(3)) { // the job on two replicas and a writer's own linking
            List<CompletableFuture<Integer>> runs = new ArrayList<>();
            for (int i = 0; i < 3; i++) {
                runs.add(CompletableFuture.supplyAsync(() -> {
                    try {
                        return links.link(id);
                    } catch (java.sql.SQLException e) {
                        throw new IllegalStateException(e);
                    }
                }, pool));
            }
            assertEquals(30, runs.stream().mapToInt(CompletableFuture::join).sum());
        }
        assertEquals(linked + 30, Counties.count(id, "SELECT count(*) FROM $s.audit_entry"));
        assertEquals(0, Counties.count(id, "SELECT count(*) FROM $s.audit_unlinked"));
        assertEquals(30, Counties.count(id, "SELECT count(DISTINCT entity_id) FROM $s.audit_entry WHERE action = 'test.crashed'"));
        given().get("/api/t/" + id + "/audit/verify").then().statusCode(200).body("ok", equalTo(true))
                .body("entries", equalTo((int) linked + 30));
    }

    @Test
    void aWriteThatDoesNotFitItsChainFailsWithItsEntry() {
        String id = Counties.onboard("toolong");
        long before = Counties.count(id, "SELECT count(*) FROM $s.audit_entry");
        org.junit.jupiter.api.Assertions.assertThrows(RuntimeException.class, () -> scope.run(id, () -> audit.append(
                "tester", "x".repeat(81), "Thing", "1", new byte[0])));
        assertEquals(before, Counties.count(id, "SELECT count(*) FROM $s.audit_entry"));
        assertEquals(0, Counties.count(id, "SELECT count(*) FROM $s.audit_unlinked"));
    }

    @Test
    void tamperingIsFoundAtTheFirstBrokenEntry() {
        String id = Counties.onboard("tamper");
        for (int i = 0; i < 5; i++) {
            write(id, i);
        }
        String schema = TenantIds.schema(id);
        Postgres.exec(DevStack.DATABASE, "UPDATE " + schema + ".audit_entry SET actor = 'someone else' WHERE seq = 3");
        given().get("/api/t/" + id + "/audit/verify").then().statusCode(200).body("ok", equalTo(false))
                .body("brokenAt", equalTo(3)).body("entries", equalTo(2));
    }

    @Test
    void removingTheLatestEntriesIsFound() {
        String id = Counties.onboard("trunc");
        write(id, 1);
        write(id, 2);
        Postgres.exec(DevStack.DATABASE, "DELETE FROM " + TenantIds.schema(id) + ".audit_entry WHERE seq = 3");
        given().get("/api/t/" + id + "/audit/verify").then().body("ok", equalTo(false)).body("brokenAt", equalTo(3));
    }

    @Test
    void theHashCoversEveryField() {
        AuditEntry e = new AuditEntry();
        e.seq = 1;
        e.prevHash = AuditEntry.GENESIS;
        e.at = java.time.Instant.parse("2026-01-01T00:00:00Z");
        e.actor = "a";
        e.action = "b";
        e.entity = "c";
        e.entityId = "d";
        e.payloadDigest = AuditEntry.sha256("x");
        String h = e.computeHash();
        assertEquals(h, e.computeHash());
        e.entityId = "e";
        assertNotEquals(h, e.computeHash());
    }
}
