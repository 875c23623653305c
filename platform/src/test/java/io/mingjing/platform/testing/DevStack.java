package io.mingjing.platform.testing;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import java.util.Map;

/**
 * Starts what the platform needs for tests as real processes: a fresh PostgreSQL database on the
 * local server and a Keycloak from the Maven-fetched distribution. No Docker.
 */
public class DevStack implements QuarkusTestResourceLifecycleManager {

    /** One database per test JVM, so two test runs on one machine never drop each other's data. */
    public static final String DATABASE = "mingjing_test_" + ProcessHandle.current().pid();
    private static final KeycloakServer KEYCLOAK = new KeycloakServer();
    private static boolean started;
    private static final int HTTP_PORT = freePort();
    public static final int MANAGEMENT_PORT = freePort();

    private static int freePort() {
        try (var socket = new java.net.ServerSocket(0)) {
            return socket.getLocalPort();
        } catch (java.io.IOException e) {
            throw new IllegalStateException(e);
        }
    }

    @Override
    public synchronized Map<String, String> start() {
        if (!started) {
            Postgres.recreate(DATABASE, "mingjing");
            Runtime.getRuntime().addShutdownHook(new Thread(() -> Postgres.exec("postgres",
                    "DROP DATABASE IF EXISTS " + DATABASE + " WITH (FORCE)")));
            try {
                KEYCLOAK.start();
            } catch (Exception e) {
                throw new IllegalStateException("could not start Keycloak: " + e.getMessage(), e);
            }
            started = true;
        }
        // A free port chosen here, not by Quarkus, so county portal clients can redirect to it.
        return Map.of("mingjing.keycloak.url", KEYCLOAK.url(), "quarkus.datasource.jdbc.url",
                "jdbc:postgresql://" + Postgres.HOST + ":" + Postgres.PORT + "/" + DATABASE,
                "quarkus.http.test-port", Integer.toString(HTTP_PORT), "mingjing.public-url",
                "http://127.0.0.1:" + HTTP_PORT, "quarkus.management.test-port", Integer.toString(MANAGEMENT_PORT));
    }

    @Override
    public void stop() {
        // Keycloak stays up for the other test classes; the JVM's shutdown hook stops it.
    }
}
