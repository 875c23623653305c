package io.mingjing.platform.testing;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.List;

/**
 * A real Keycloak started from the distribution Maven unpacked into target/, on its own ports and
 * its own PostgreSQL database, so tests never collide with a running demo.
 */
public final class KeycloakServer {

    public static final int PORT = Integer.getInteger("mingjing.test.kc-port", 18180);
    public static final int MANAGEMENT_PORT = PORT + 820;
    private static final String DATABASE = "keycloak_test_" + PORT;

    private Process process;

    public String url() {
        return "http://127.0.0.1:" + PORT;
    }

    public void start() throws IOException, InterruptedException {
        if (ready()) {
            KeycloakAdmin.deleteCountyRealms();
            return; // one left by an interrupted run: reuse it
        }
        Path home = Path.of(System.getProperty("keycloak.home", "target/keycloak-26.7.3")).toAbsolutePath();
        copyRealmImports(home);
        copyTheme(home);
        Postgres.ensure(DATABASE, "keycloak");
        Path log = Path.of("target", "keycloak-test.log").toAbsolutePath();
        ProcessBuilder pb = new ProcessBuilder(List.of(home.resolve("bin/kc.sh").toString(), "start-dev",
                "--http-port=" + PORT, "--http-management-port=" + MANAGEMENT_PORT, "--health-enabled=true",
                "--db=postgres", "--db-url=jdbc:postgresql://" + Postgres.HOST + ":" + Postgres.PORT + "/" + DATABASE,
                "--db-username=keycloak", "--db-password=keycloak", "--import-realm"))
                .redirectErrorStream(true).redirectOutput(log.toFile());
        pb.environment().put("KC_BOOTSTRAP_ADMIN_USERNAME", "admin");
        pb.environment().put("KC_BOOTSTRAP_ADMIN_PASSWORD", "admin");
        pb.environment().put("JAVA_OPTS_KC_HEAP", "-Xms64m -Xmx512m");
        process = pb.start();
        Runtime.getRuntime().addShutdownHook(new Thread(this::stop));
        long deadline = System.nanoTime() + Duration.ofMinutes(4).toNanos();
        while (!ready()) {
            if (!process.isAlive()) {
                throw new IllegalStateException("Keycloak exited, see " + log);
            }
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException("Keycloak did not become ready in 4 minutes, see " + log);
            }
            Thread.sleep(1000);
        }
        KeycloakAdmin.deleteCountyRealms();
    }

    /** The county login theme from this repository, as the run script and the Helm chart deploy it. */
    private static void copyTheme(Path home) throws IOException {
        Path source = Path.of("src/main/keycloak/themes");
        if (!Files.isDirectory(source)) {
            return;
        }
        try (var files = Files.walk(source)) {
            for (Path f : files.toList()) {
                Path target = home.resolve("themes").resolve(source.relativize(f).toString());
                if (Files.isDirectory(f)) {
                    Files.createDirectories(target);
                } else {
                    Files.copy(f, target, StandardCopyOption.REPLACE_EXISTING);
                }
            }
        }
    }

    private static void copyRealmImports(Path home) throws IOException {
        Path source = Path.of("src/main/keycloak/import");
        Path target = home.resolve("data/import");
        Files.createDirectories(target);
        try (var files = Files.list(source)) {
            for (Path f : files.toList()) {
                Files.copy(f, target.resolve(f.getFileName()), StandardCopyOption.REPLACE_EXISTING);
            }
        }
    }

    private boolean ready() {
        try (HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(1)).build()) {
            var response = http.send(HttpRequest.newBuilder(URI.create(url() + "/realms/mingjing-platform"))
                    .timeout(Duration.ofSeconds(2)).build(), HttpResponse.BodyHandlers.discarding());
            return response.statusCode() == 200;
        } catch (IOException e) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    public void stop() {
        if (process != null && process.isAlive()) {
            process.toHandle().descendants().forEach(ProcessHandle::destroy);
            process.destroy();
        }
    }
}
