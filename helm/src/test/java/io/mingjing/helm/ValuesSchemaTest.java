package io.mingjing.helm;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;

/** values.schema.json is strict, and Helm refuses values that break it (or the chart's own checks). */
class ValuesSchemaTest {

    private static Path tmp;

    @BeforeAll
    static void tmp() throws IOException {
        tmp = Files.createTempDirectory("mingjing-values-");
    }

    @AfterAll
    static void clean() throws IOException {
        Chart.deleteTree(tmp);
    }

    @Test
    void everyObjectInTheSchemaForbidsUnknownProperties() throws IOException {
        JsonNode schema = new ObjectMapper().readTree(Chart.DIR.resolve("values.schema.json").toFile());
        assertEquals("http://json-schema.org/draft-07/schema#", schema.path("$schema").asText());
        List<String> loose = new ArrayList<>();
        walk(schema, "#", loose);
        assertEquals(List.of(), loose, "object schemas without additionalProperties: false (or a typed map)");
    }

    /**
     * An object schema either declares its properties and forbids all others, or is a map whose values have a
     * declared type (labels, annotations, descriptors keyed by county id).
     */
    private static void walk(JsonNode node, String path, List<String> loose) {
        if (node.isObject()) {
            boolean isObjectSchema = "object".equals(node.path("type").asText()) || node.has("properties");
            if (isObjectSchema) {
                JsonNode ap = node.get("additionalProperties");
                boolean strict = ap != null && (ap.isBoolean() ? !ap.asBoolean() : ap.has("type") || ap.has("$ref"));
                if (!strict || (node.has("properties") && (ap == null || !ap.isBoolean()))) {
                    loose.add(path);
                }
            }
            for (Iterator<Map.Entry<String, JsonNode>> it = node.fields(); it.hasNext();) {
                Map.Entry<String, JsonNode> e = it.next();
                walk(e.getValue(), path + "/" + e.getKey(), loose);
            }
        } else if (node.isArray()) {
            for (int i = 0; i < node.size(); i++) {
                walk(node.get(i), path + "/" + i, loose);
            }
        }
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
            unknown top-level key          | replicas: 3                                                     | additional properties 'replicas' not allowed
            misspelt nested key            | image: {tagg: '1.0'}                                            | at '/image': additional properties 'tagg' not allowed
            misspelt probe setting         | probes: {readiness: {periodSecond: 5}}                          | additional properties 'periodSecond' not allowed
            replicas as text               | replicaCount: two                                               | at '/replicaCount': got string, want integer
            zero replicas                  | replicaCount: 0                                                 | at '/replicaCount': minimum
            writable root filesystem       | securityContext: {readOnlyRootFilesystem: false}                | at '/securityContext/readOnlyRootFilesystem'
            running as root allowed        | podSecurityContext: {runAsNonRoot: false}                       | at '/podSecurityContext/runAsNonRoot'
            county id not an id            | ingress: {counties: [{id: Yiwu, host: yiwu.example.org}]}       | at '/ingress/counties/0/id'
            county without host            | ingress: {counties: [{id: yiwu}]}                               | missing property 'host'
            host with a scheme             | ingress: {host: 'https://mingjing.example.org'}                 | at '/ingress/host'
            plugin set image and volume    | plugins: {sets: [{name: m, image: a/b:1, persistentVolumeClaim: c}]} | at '/plugins/sets/0'
            plugin set of nothing          | plugins: {sets: [{name: m}]}                                    | at '/plugins/sets/0'
            memory as words                | resources: {limits: {memory: lots}}                             | at '/resources/limits/memory'
            anti-affinity typo             | scheduling: {podAntiAffinity: strict}                           | at '/scheduling/podAntiAffinity'
            descriptor without tenant.yaml | tenants: {descriptors: {yiwu: {orgUnitsCsv: 'code'}}}           | missing property 'tenantYaml'
            descriptor for a bad id        | tenants: {descriptors: {Yi_wu: {tenantYaml: 'id: x'}}}          | invalid propertyName 'Yi_wu'
            unknown Keycloak option        | keycloak: {operator: {themes: {}}}                              | additional properties 'themes' not allowed
            JDBC URL of another driver     | database: {external: {jdbcUrl: 'jdbc:mysql://db/x'}}           | at '/database/external/jdbcUrl'
            lower-case env name            | config: {extraEnv: {quarkus_x: 'y'}}                            | invalid propertyName 'quarkus_x'
            HPA floor above ceiling        | autoscaling: {enabled: true, minReplicas: 5, maxReplicas: 2}    | autoscaling.minReplicas must not exceed autoscaling.maxReplicas
            no database login              | database: {existingSecret: ''}                                  | database.username is required
            no Keycloak admin              | keycloak: {admin: {existingSecret: ''}}                         | keycloak.admin.username is required
            renamed operator admin keys    | keycloak: {operator: {enabled: true}, admin: {usernameKey: user}} | must use the keys username and password
            direct grants as a word        | keycloak: {cliDirectGrants: 'yes'}                              | at '/keycloak/cliDirectGrants': got string, want boolean
            direct grants as quoted text   | keycloak: {cliDirectGrants: 'false'}                            | at '/keycloak/cliDirectGrants': got string, want boolean
            public URL with a path         | config: {publicUrl: 'https://mingjing.example.gov.cn/t/yiwu'}  | at '/config/publicUrl'
            public URL without a scheme    | config: {publicUrl: 'mingjing.example.gov.cn'}                  | at '/config/publicUrl'
            no public URL anywhere         | ingress: {host: ''}                                             | config.publicUrl is required when ingress.host is empty
            platform secret in ConfigMap   | config: {extraEnv: {MINGJING_SECRET: 'x'}}                      | invalid propertyName 'MINGJING_SECRET'
            platform secret too short      | platformSecret: {existingSecret: '', value: 'short'}            | at '/platformSecret/value'
            no platform secret             | platformSecret: {existingSecret: ''}                            | platformSecret.value (at least 32 characters) is required
            misspelt platform secret key   | platformSecret: {existingSecrets: x}                            | additional properties 'existingSecrets' not allowed
            """)
    void badValuesAreRejected(String what, String values, String expected) throws IOException {
        Path file = Files.writeString(Files.createTempFile(tmp, "bad-", ".yaml"), values + "\n");
        Exception e = assertThrows(Exception.class, () -> Chart.template(file), what + " was accepted");
        assertTrue(e.getMessage().contains(expected), () -> what + ": expected «" + expected + "» in: " + e.getMessage());
    }

    @Test
    void lintStrictFailsOnBadValuesToo() throws IOException {
        Path file = Files.writeString(Files.createTempFile(tmp, "bad-", ".yaml"), "probes: {liveness: {periodSecond: 5}}\n");
        var result = Chart.lintStrict(file);
        assertTrue(result.isFailed(), () -> "lint accepted a misspelt probe setting: " + result.getMessages());
        assertTrue(result.getMessages().stream().anyMatch(m -> m.contains("periodSecond")), result.getMessages()::toString);
    }

    @Test
    void goodOverridesAreAccepted() throws IOException {
        Path file = Files.writeString(Files.createTempFile(tmp, "good-", ".yaml"), """
                image:
                  digest: sha256:0123456789abcdef0123456789abcdef0123456789abcdef0123456789abcdef
                replicaCount: 4
                podAnnotations: {backup.velero.io/backup-volumes: ""}
                database:
                  external:
                    jdbcUrl: jdbc:postgresql://pg-a:5432,pg-b:5432/mingjing?targetServerType=primary
                """);
        Deployment d = Chart.template(file).one(Deployment.class);
        assertEquals(4, d.getSpec().getReplicas());
        assertEquals("ghcr.io/mingjing/platform@sha256:0123456789abcdef0123456789abcdef0123456789abcdef0123456789abcdef",
                d.getSpec().getTemplate().getSpec().getContainers().getFirst().getImage());
    }
}
