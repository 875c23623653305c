package io.mingjing.platform.testing;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The packaged platform ({@code target/quarkus-app}, built in the package phase) as a separate OS
 * process on a given database and the test Keycloak, as one replica of a deployment: its own HTTP and
 * management ports, no county descriptors, the secret the test JVM uses. For tests of several replicas
 * ({@code *IT} classes, run by failsafe after packaging); {@link #kill()} is a SIGKILL.
 */
public final class PlatformProcess implements AutoCloseable {

    /** The test profile's secret, so a replica and a @QuarkusTest derive the same client secrets. */
    public static final String SECRET = "dev-only-secret-change-me";
    private static final Path JAR = Path.of(System.getProperty("mingjing.app", "target/quarkus-app/quarkus-run.jar"));

    private final Process process;
    private final int port;
    private final int managementPort;
    private final Path log;

    private PlatformProcess(Process process, int port, int managementPort, Path log) {
        this.process = process;
        this.port = port;
        this.managementPort = managementPort;
        this.log = log;
    }

    /**
     * Starts a replica; returns once it is ready.
     *
     * @param plugins the plugins directory, or null for none
     * @param settings further configuration, as {@code -Dkey=value}
     */
    public static PlatformProcess start(String database, Path plugins, Map<String, String> settings)
            throws IOException, InterruptedException {
        PlatformProcess p = launch(database, plugins, settings);
        p.awaitReady(Duration.ofMinutes(3));
        return p;
    }

    /** Starts a replica without waiting, so several boot at once; then {@link #awaitReady}. */
    public static PlatformProcess launch(String database, Path plugins, Map<String, String> settings)
            throws IOException {
        if (!Files.isRegularFile(JAR)) {
            throw new IllegalStateException(JAR + " is missing: run the package phase first");
        }
        int port = freePort();
        int management = freePort();
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java")
                .toString(), "-Xmx512m", "-Dquarkus.http.port=" + port, "-Dquarkus.management.port=" + management));
        settings.forEach((k, v) -> command.add("-D" + k + "=" + v));
        command.addAll(List.of("-jar", JAR.toAbsolutePath().toString()));
        Path dir = plugins != null ? plugins : Files.createTempDirectory("mingjing-no-plugins");
        Path log = Path.of("target", "replica-" + port + ".log").toAbsolutePath();
        ProcessBuilder pb = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile());
        Map<String, String> env = pb.environment();
        env.put("QUARKUS_DATASOURCE_JDBC_URL", "jdbc:postgresql://" + Postgres.HOST + ":" + Postgres.PORT + "/" + database);
        env.put("MINGJING_KEYCLOAK_URL", "http://127.0.0.1:" + KeycloakServer.PORT);
        env.put("MINGJING_SECRET", SECRET);
        env.put("MINGJING_PUBLIC_URL", "http://127.0.0.1:" + port);
        env.put("MINGJING_TENANTS_DIR", "");
        env.put("MINGJING_PLUGINS_DIR", dir.toAbsolutePath().toString());
        PlatformProcess p = new PlatformProcess(pb.start(), port, management, log);
        Runtime.getRuntime().addShutdownHook(new Thread(p::kill));
        return p;
    }

    /** Ready on whichever port serves health: the management interface when it is enabled, else HTTP. */
    public void awaitReady(Duration within) throws InterruptedException {
        long deadline = System.nanoTime() + within.toNanos();
        while (!ready(managementPort) && !ready(port)) {
            if (!process.isAlive()) {
                throw new IllegalStateException("the platform exited, see " + log);
            }
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException("the platform was not ready in " + within + ", see " + log);
            }
            Thread.sleep(500);
        }
    }

    public String url() {
        return "http://127.0.0.1:" + port;
    }

    public int port() {
        return port;
    }

    public long pid() {
        return process.pid();
    }

    public Path log() {
        return log;
    }

    /** SIGKILL: no shutdown hook, no graceful end of running work, as when a node dies. */
    public void kill() {
        process.destroyForcibly();
        waitFor();
    }

    /** SIGTERM: Quarkus shuts down gracefully. */
    public void stop() {
        process.destroy();
        waitFor();
    }

    @Override
    public void close() {
        stop();
    }

    private void waitFor() {
        try {
            process.waitFor();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static boolean ready(int port) {
        try (HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(1)).build()) {
            return http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/q/health/ready"))
                    .timeout(Duration.ofSeconds(3)).build(), HttpResponse.BodyHandlers.discarding()).statusCode() == 200;
        } catch (IOException e) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    private static int freePort() {
        try (var socket = new java.net.ServerSocket(0)) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }
}
