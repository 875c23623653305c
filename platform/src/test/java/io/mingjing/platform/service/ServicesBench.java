package io.mingjing.platform.service;

import io.mingjing.platform.identity.Role;
import io.mingjing.platform.tenancy.TenantIds;
import io.mingjing.platform.testing.Counties;
import io.mingjing.platform.testing.DevStack;
import io.mingjing.platform.testing.OpenModel;
import io.mingjing.platform.testing.OpenModel.Load;
import io.mingjing.platform.testing.People;
import io.mingjing.platform.testing.Postgres;
import io.mingjing.platform.testing.Tokens;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import io.restassured.http.ContentType;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.IntFunction;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;

/**
 * Figures for docs/services.md, run by platform/bench/services.sh (not part of the suite: the name does
 * not end in Test). Over HTTP against the test stack with real tokens: (1) submitting applications at a
 * fixed rate in an open model (each request sent when due whatever the earlier ones take, latency
 * counted from the moment it was due), after a pinned warm-up at the same rate — the agent's filing with
 * {@code submit: true}: the schema check, the stage opened for the town, its inbox messages, events and
 * audit in one transaction (attachments aside: the bench item's materials are optional); (2) the bytes
 * of hepu's catalogue page with its 20-odd items.
 */
@QuarkusTest
@QuarkusTestResource(DevStack.class)
class ServicesBench {

    static final int RATE = Integer.getInteger("bench.rate", 50);
    static final int WARM_SECONDS = Integer.getInteger("bench.warm-seconds", 60);
    static final int SECONDS = Integer.getInteger("bench.seconds", 30);

    @TestHTTPResource("/")
    URI base;

    final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    final List<String> out = new ArrayList<>();
    String t;

    @Test
    void figures() throws Exception {
        Counties.awaitDemoCounties(); // five counties onboarding at boot are no part of the steady state measured
        t = Counties.onboard("svcbench");
        String admin = Tokens.countyAdmin(t);
        People.orgUnits(t, admin);
        People.villagers(t, admin, "13900000");
        People.staff(t, admin, "town", Role.TOWN_OFFICIAL, People.TOWN);
        String agent = People.staff(t, admin, "agent", Role.AGENT, People.VILLAGE_X);
        Map<String, Object> item = new HashMap<>(ServiceTest.item("allowance", "PUBLIC"));
        item.put("materials", List.of(Map.of("id", "idcard", "name", "居民身份证", "required", false)));
        item.put("review", List.of(((List<?>) ServiceTest.item("x", "NONE").get("review")).get(0)));
        RestAssured.given().auth().oauth2(admin).contentType(ContentType.JSON).body(Map.of("item", item))
                .put("/api/t/" + t + "/services/allowance").then().statusCode(200);
        long resident;
        try (Connection c = Postgres.admin(DevStack.DATABASE);
                ResultSet r = c.createStatement().executeQuery("SELECT id FROM "
                        + TenantIds.schema(t) + ".resident WHERE name = '张三'")) {
            r.next();
            resident = r.getLong(1);
        }
        String body = "{\"item\":\"allowance\",\"resident\":" + resident + ",\"submit\":true,\"form\":{\"birthDate\":"
                + "\"1940-02-01\",\"account\":\"6217000012345678\"}}";
        IntFunction<HttpRequest> submit = i -> HttpRequest.newBuilder(base.resolve("/api/t/" + t + "/service-applications"))
                .timeout(Duration.ofSeconds(30)).header("Authorization", "Bearer " + agent)
                .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(body)).build();
        Load warm = load(RATE * WARM_SECONDS, submit);
        Load measured = load(RATE * SECONDS, submit);
        out.add(measured.line("submitting an application (agent, submit: true, stage opened for the town)", RATE,
                SECONDS, WARM_SECONDS, 201));
        out.add("warm-up answers: " + warm.ok(201) + "/" + RATE * WARM_SECONDS + " × 201");
        catalogue();
        Path file = Path.of("target", "bench", "services.txt");
        Files.createDirectories(file.getParent());
        Files.write(file, out);
        out.forEach(System.out::println);
    }

    private Load load(int n, IntFunction<HttpRequest> request) throws InterruptedException {
        return OpenModel.run(RATE, n, 32, i -> http.send(request.apply(i), HttpResponse.BodyHandlers.ofString())
                .statusCode());
    }

    private void catalogue() throws Exception {
        Counties.awaitDemoCounties();
        Awaitility.await().atMost(Duration.ofSeconds(180)).until(() -> RestAssured.given().get("/api/t/hepu/services")
                .then().extract().jsonPath().getList("code").size() >= 20);
        for (String lang : List.of("zh", "en")) {
            HttpResponse<byte[]> r = http.send(HttpRequest.newBuilder(base.resolve("/t/hepu/services"))
                    .header("Cookie", "mj_lang=" + lang).build(), HttpResponse.BodyHandlers.ofByteArray());
            HttpResponse<byte[]> gz = http.send(HttpRequest.newBuilder(base.resolve("/t/hepu/services"))
                    .header("Cookie", "mj_lang=" + lang).header("Accept-Encoding", "gzip").build(),
                    HttpResponse.BodyHandlers.ofByteArray());
            long items = new String(r.body(), StandardCharsets.UTF_8).split("/services/[a-z]", -1).length - 1;
            out.add(String.format("catalogue page /t/hepu/services (%s, %d item links): %,d bytes, %,d bytes as sent "
                    + "with Accept-Encoding: gzip (%s)", lang, items, r.body().length, gz.body().length,
                    gz.headers().firstValue("Content-Encoding").orElse("identity")));
        }
    }
}
