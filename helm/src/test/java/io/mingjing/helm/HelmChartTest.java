package io.mingjing.helm;

import static org.junit.jupiter.api.Assertions.assertAll;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.marcnuri.helm.LintResult;
import io.fabric8.kubernetes.api.model.ConfigMap;
import io.fabric8.kubernetes.api.model.Container;
import io.fabric8.kubernetes.api.model.EnvVar;
import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.PodSpec;
import io.fabric8.kubernetes.api.model.PodTemplateSpec;
import io.fabric8.kubernetes.api.model.Probe;
import io.fabric8.kubernetes.api.model.Affinity;
import io.fabric8.kubernetes.api.model.ResourceRequirements;
import io.fabric8.kubernetes.api.model.Secret;
import io.fabric8.kubernetes.api.model.Service;
import io.fabric8.kubernetes.api.model.ServiceAccount;
import io.fabric8.kubernetes.api.model.Volume;
import io.fabric8.kubernetes.api.model.VolumeMount;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.api.model.autoscaling.v2.HorizontalPodAutoscaler;
import io.fabric8.kubernetes.api.model.autoscaling.v2.MetricSpec;
import io.fabric8.kubernetes.api.model.networking.v1.HTTPIngressPath;
import io.fabric8.kubernetes.api.model.networking.v1.Ingress;
import io.fabric8.kubernetes.api.model.networking.v1.NetworkPolicy;
import io.fabric8.kubernetes.api.model.policy.v1.PodDisruptionBudget;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;

/** Renders the chart with the default, HA and minimal values and checks what Kubernetes would receive. */
class HelmChartTest {

    private static final Set<String> STANDARD_LABELS = Set.of("helm.sh/chart", "app.kubernetes.io/name",
            "app.kubernetes.io/instance", "app.kubernetes.io/version", "app.kubernetes.io/managed-by",
            "app.kubernetes.io/part-of", "app.kubernetes.io/component");
    private static final Map<String, String> SELECTOR = Map.of("app.kubernetes.io/name", "mingjing",
            "app.kubernetes.io/instance", Chart.RELEASE, "app.kubernetes.io/component", "platform");

    @Test
    void lintStrictPassesWithDefaultHaAndMinimalValues() {
        for (Path overlay : new Path[] {null, Chart.HA_VALUES, Chart.MINIMAL_VALUES}) {
            LintResult result = Chart.lintStrict(overlay);
            assertFalse(result.isFailed(), () -> "helm lint --strict with " + overlay + ": " + result.getMessages());
            assertTrue(result.getMessages().stream().noneMatch(m -> m.contains("[WARNING]") || m.contains("[ERROR]")),
                    () -> "lint messages with " + overlay + ": " + result.getMessages());
        }
    }

    @Test
    void notesTellTheOperatorWhereEverythingIs() {
        String notes = new com.marcnuri.helm.Helm(Chart.DIR).install().withName(Chart.RELEASE)
                .withNamespace(Chart.NAMESPACE).withKubeVersion(Chart.KUBE_VERSION).withValuesFile(Chart.HA_VALUES)
                .clientOnly().withDryRunOption(com.marcnuri.helm.DryRun.CLIENT).call().getOutput();
        for (String expected : List.of("Replicas: 3–12", "mj-mingjing-db-app", "https://auth.mingjing.zj.example.org",
                "https://yiwu.mingjing.zj.example.org/t/yiwu/", "market: registry.example.org/mingjing/plugins-market:1.2.0",
                "Portal:    https://mingjing.zj.example.org", "from Secret mingjing-platform, key secret",
                "undecryptable", "password logins through mingjing-cli: off", "docs/deploy.md")) {
            assertTrue(notes.contains(expected), () -> "NOTES.txt lacks «" + expected + "»:\n" + notes);
        }
    }

    @Test
    void unknownFieldCheckSeesAFieldKubernetesWouldDrop() {
        // Guards the guard: fabric8 must park a misspelt field in additionalProperties, and the walk must find it.
        Deployment d = Chart.SERIALIZATION.unmarshal("""
                apiVersion: apps/v1
                kind: Deployment
                metadata: {name: x}
                spec:
                  template:
                    spec:
                      containers:
                        - name: c
                          image: i
                          readinessProbe: {httpGet: {path: /q/health/ready, port: 8080}, periodSecond: 5}
                """, Deployment.class);
        assertEquals(List.of("Deployment.spec.template.spec.containers[0].readinessProbe: periodSecond"),
                Chart.unknownFields(d, "Deployment"));
    }

    @Nested
    @TestInstance(TestInstance.Lifecycle.PER_CLASS)
    class DefaultValues {

        Chart.Rendered out;

        @BeforeAll
        void render() {
            out = Chart.template();
        }

        @Test
        void rendersTheExpectedResources() {
            assertEquals(Set.of("Deployment", "Service", "ServiceAccount", "ConfigMap", "PodDisruptionBudget",
                    "NetworkPolicy"), kinds(out));
        }

        @Test
        void everyManifestIsKnownToKubernetes() {
            assertNoUnknownFields(out);
        }

        @Test
        void everyResourceCarriesTheStandardLabels() {
            assertStandardLabels(out);
        }

        @Test
        void deploymentRunsTwoHardenedReplicasWithQuarkusProbes() {
            Deployment d = out.one(Deployment.class);
            assertEquals(2, d.getSpec().getReplicas());
            assertEquals(SELECTOR, d.getSpec().getSelector().getMatchLabels());
            assertEquals(0, d.getSpec().getStrategy().getRollingUpdate().getMaxUnavailable().getIntVal());
            assertHardenedPod(d.getSpec().getTemplate().getSpec());
            Container c = platform(d);
            assertEquals("ghcr.io/mingjing/platform:0.1.0", c.getImage());
            assertEquals(8080, c.getPorts().getFirst().getContainerPort());
            assertProbe(c.getLivenessProbe(), "/q/health/live");
            assertProbe(c.getReadinessProbe(), "/q/health/ready");
            assertProbe(c.getStartupProbe(), "/q/health/live");
            assertEquals("1Gi", c.getResources().getRequests().get("memory").toString());
            assertEquals("1536Mi", c.getResources().getLimits().get("memory").toString());
            PodSpec pod = d.getSpec().getTemplate().getSpec();
            assertNotNull(pod.getAffinity().getPodAntiAffinity().getPreferredDuringSchedulingIgnoredDuringExecution());
            assertEquals("topology.kubernetes.io/zone", pod.getTopologySpreadConstraints().getFirst().getTopologyKey());
            assertEquals("/q/metrics", d.getSpec().getTemplate().getMetadata().getAnnotations().get("prometheus.io/path"));
            assertEquals("9000", d.getSpec().getTemplate().getMetadata().getAnnotations().get("prometheus.io/port"));
            assertEquals(9000, c.getPorts().stream().filter(p -> p.getName().equals("management")).findFirst()
                    .orElseThrow().getContainerPort());
        }

        @Test
        void secretsAreReferencedNeverInlined() {
            Container c = platform(out.one(Deployment.class));
            assertSecretRef(c, "QUARKUS_DATASOURCE_USERNAME", "mingjing-db", "username");
            assertSecretRef(c, "QUARKUS_DATASOURCE_PASSWORD", "mingjing-db", "password");
            assertSecretRef(c, "MINGJING_KEYCLOAK_ADMIN_USERNAME", "mingjing-keycloak-admin", "username");
            assertSecretRef(c, "MINGJING_KEYCLOAK_ADMIN_PASSWORD", "mingjing-keycloak-admin", "password");
            assertSecretRef(c, "MINGJING_SECRET", "mingjing-platform", "secret");
            assertTrue(out.all(Secret.class).isEmpty(), "no Secret rendered when existing ones are named");
            assertEquals(Chart.FULLNAME, c.getEnvFrom().getFirst().getConfigMapRef().getName());
        }

        @Test
        void platformSettingsReachThePlatformContainer() {
            Container c = platform(out.one(Deployment.class));
            Map<String, String> data = out.one(ConfigMap.class).getData();
            assertEquals("http://mingjing.example.org", data.get("MINGJING_PUBLIC_URL"),
                    "derived from ingress.host, http without ingress.tlsSecretName");
            assertEquals("false", data.get("MINGJING_CLI_DIRECT_GRANTS"),
                    "production default: no password logins through mingjing-cli (the platform's own default is true)");
            assertPlatformSecretOnlyFromASecret(out);
            assertEquals(1, c.getEnv().stream().filter(e -> e.getName().equals("MINGJING_SECRET")).count());
        }

        @Test
        void configMapCarriesThePlatformSettings() {
            Map<String, String> data = out.one(ConfigMap.class).getData();
            assertEquals("jdbc:postgresql://postgresql.database.svc:5432/mingjing?sslmode=prefer",
                    data.get("QUARKUS_DATASOURCE_JDBC_URL"));
            assertEquals("https://auth.example.org", data.get("MINGJING_KEYCLOAK_URL"));
            assertEquals("/deployments/plugins", data.get("MINGJING_PLUGINS_DIR"));
            assertFalse(data.containsKey("MINGJING_TENANTS_DIR"), "no descriptors, no tenants dir");
            assertEquals("true", data.get("QUARKUS_HTTP_PROXY_PROXY_ADDRESS_FORWARDING"));
        }

        @Test
        void serviceAndDisruptionBudgetSelectThePlatformPods() {
            Service s = out.one(Service.class);
            assertEquals(SELECTOR, s.getSpec().getSelector());
            assertEquals("http", s.getSpec().getPorts().getFirst().getTargetPort().getStrVal());
            var metrics = s.getSpec().getPorts().stream().filter(p -> p.getName().equals("metrics")).findFirst()
                    .orElseThrow();
            assertEquals(9000, metrics.getPort());
            assertEquals("management", metrics.getTargetPort().getStrVal());
            PodDisruptionBudget pdb = out.one(PodDisruptionBudget.class);
            assertEquals(1, pdb.getSpec().getMaxUnavailable().getIntVal());
            assertEquals(SELECTOR, pdb.getSpec().getSelector().getMatchLabels());
            assertFalse(out.one(ServiceAccount.class).getAutomountServiceAccountToken());
        }

        @Test
        void networkPolicyLimitsTrafficToIngressDnsPostgresAndKeycloak() {
            NetworkPolicy np = out.one(NetworkPolicy.class);
            assertEquals(List.of("Ingress", "Egress"), np.getSpec().getPolicyTypes());
            Set<Integer> egressPorts = np.getSpec().getEgress().stream().flatMap(r -> r.getPorts().stream())
                    .map(p -> p.getPort().getIntVal()).collect(Collectors.toSet());
            assertEquals(Set.of(53, 5432, 443, 8080, 8443), egressPorts);
            assertEquals(List.of("http", "management"), np.getSpec().getIngress().stream()
                    .map(r -> r.getPorts().getFirst().getPort().getStrVal()).toList(),
                    "the ingress controller reaches the portal and API, the scraper only the management port");
        }

        @Test
        void serviceMonitorIsOptIn() {
            assertTrue(out.all(GenericKubernetesResource.class).stream().noneMatch(r -> r.getKind().equals("ServiceMonitor")));
        }
    }

    @Test
    void serviceMonitorScrapesTheMetricsPortWhenEnabled() {
        Chart.Rendered out = Chart.template(List.of(), t -> t.set("serviceMonitor.enabled", "true")
                .set("serviceMonitor.labels.release", "kube-prometheus"));
        GenericKubernetesResource monitor = out.all(GenericKubernetesResource.class).stream()
                .filter(r -> r.getKind().equals("ServiceMonitor")).findFirst().orElseThrow();
        assertEquals("kube-prometheus", monitor.getMetadata().getLabels().get("release"));
        com.fasterxml.jackson.databind.JsonNode spec = Chart.YAML.valueToTree(monitor).path("spec");
        assertEquals("metrics", spec.at("/endpoints/0/port").asText());
        assertEquals("/q/metrics", spec.at("/endpoints/0/path").asText());
        assertEquals(SELECTOR, Chart.YAML.convertValue(spec.at("/selector/matchLabels"), Map.class));
    }

    @Nested
    @TestInstance(TestInstance.Lifecycle.PER_CLASS)
    class HaValues {

        Chart.Rendered out;

        @BeforeAll
        void render() {
            out = Chart.template(Chart.HA_VALUES);
        }

        @Test
        void rendersTheExpectedResources() {
            assertEquals(Set.of("Deployment", "Service", "ServiceAccount", "ConfigMap", "PodDisruptionBudget",
                    "NetworkPolicy", "HorizontalPodAutoscaler", "Ingress", "Cluster", "Keycloak"), kinds(out));
        }

        @Test
        void everyManifestIsKnownToKubernetes() {
            assertNoUnknownFields(out);
        }

        @Test
        void everyResourceCarriesTheStandardLabels() {
            assertStandardLabels(out);
        }

        @Test
        void autoscalerOwnsTheReplicaCount() {
            Deployment d = out.one(Deployment.class);
            assertNull(d.getSpec().getReplicas(), "with an HPA the Deployment must not pin replicas");
            HorizontalPodAutoscaler hpa = out.one(HorizontalPodAutoscaler.class);
            assertEquals(3, hpa.getSpec().getMinReplicas());
            assertEquals(12, hpa.getSpec().getMaxReplicas());
            assertEquals("Deployment", hpa.getSpec().getScaleTargetRef().getKind());
            assertEquals(Chart.FULLNAME, hpa.getSpec().getScaleTargetRef().getName());
            Map<String, Integer> targets = hpa.getSpec().getMetrics().stream().collect(Collectors.toMap(
                    (MetricSpec m) -> m.getResource().getName(),
                    m -> m.getResource().getTarget().getAverageUtilization()));
            assertEquals(Map.of("cpu", 65, "memory", 80), targets);
            assertEquals(300, hpa.getSpec().getBehavior().getScaleDown().getStabilizationWindowSeconds());
        }

        @Test
        void replicasSpreadOverNodesAndZones() {
            PodSpec pod = out.one(Deployment.class).getSpec().getTemplate().getSpec();
            var required = pod.getAffinity().getPodAntiAffinity().getRequiredDuringSchedulingIgnoredDuringExecution();
            assertEquals("kubernetes.io/hostname", required.getFirst().getTopologyKey());
            assertEquals(SELECTOR, required.getFirst().getLabelSelector().getMatchLabels());
            assertEquals("DoNotSchedule", pod.getTopologySpreadConstraints().getFirst().getWhenUnsatisfiable());
            assertEquals("mingjing-critical", pod.getPriorityClassName());
            assertEquals("mingjing", pod.getTolerations().getFirst().getValue());
            assertHardenedPod(pod);
        }

        @Test
        void databaseAndKeycloakComeFromTheOperators() {
            Container c = platform(out.one(Deployment.class));
            assertSecretRef(c, "QUARKUS_DATASOURCE_USERNAME", "mj-mingjing-db-app", "username");
            assertSecretRef(c, "QUARKUS_DATASOURCE_PASSWORD", "mj-mingjing-db-app", "password");
            assertSecretRef(c, "MINGJING_KEYCLOAK_ADMIN_PASSWORD", "mingjing-keycloak-admin", "password");
            Map<String, String> data = out.named(ConfigMap.class, Chart.FULLNAME).getData();
            assertEquals("jdbc:postgresql://mj-mingjing-db-rw.mingjing.svc:5432/mingjing",
                    data.get("QUARKUS_DATASOURCE_JDBC_URL"));
            assertEquals("http://mj-mingjing-keycloak-service.mingjing.svc:8080", data.get("MINGJING_KEYCLOAK_URL"));
            assertEquals("30", data.get("QUARKUS_DATASOURCE_JDBC_MAX_SIZE"));
        }

        @Test
        void platformSettingsComeFromTheIngressAndAManagedSecret() {
            Map<String, String> data = out.named(ConfigMap.class, Chart.FULLNAME).getData();
            assertEquals("https://mingjing.zj.example.org", data.get("MINGJING_PUBLIC_URL"),
                    "the provincial host, https because it has a TLS secret");
            assertEquals("false", data.get("MINGJING_CLI_DIRECT_GRANTS"));
            assertSecretRef(platform(out.one(Deployment.class)), "MINGJING_SECRET", "mingjing-platform", "secret");
            assertPlatformSecretOnlyFromASecret(out);
            assertTrue(out.all(Secret.class).isEmpty());
        }

        @Test
        void cloudNativePgClustersAreWellFormed() {
            List<GenericKubernetesResource> clusters = out.custom("Cluster");
            assertEquals(List.of("mj-mingjing-db", "mj-mingjing-keycloak-db"),
                    clusters.stream().map(r -> r.getMetadata().getName()).toList());
            for (GenericKubernetesResource cluster : clusters) {
                assertEquals("postgresql.cnpg.io/v1", cluster.getApiVersion());
                Map<String, Object> spec = map(cluster.getAdditionalProperties().get("spec"));
                assertKeysWithin("Cluster.spec", spec.keySet(), Set.of("instances", "imageName",
                        "primaryUpdateStrategy", "bootstrap", "postgresql", "storage", "walStorage", "resources",
                        "affinity", "monitoring"));
                assertKeysWithin("Cluster.spec.bootstrap.initdb", map(map(spec.get("bootstrap")).get("initdb")).keySet(),
                        Set.of("database", "owner", "encoding", "postInitApplicationSQL"));
                assertKeysWithin("Cluster.spec.affinity", map(spec.get("affinity")).keySet(),
                        Set.of("enablePodAntiAffinity", "topologyKey", "podAntiAffinityType"));
                if (spec.containsKey("resources")) {
                    assertConvertsCleanly(spec.get("resources"), ResourceRequirements.class, "Cluster.spec.resources");
                }
            }
            Map<String, Object> platformDb = map(clusters.getFirst().getAdditionalProperties().get("spec"));
            assertEquals(3, platformDb.get("instances"));
            assertEquals(List.of("ALTER ROLE mingjing CREATEROLE"),
                    map(map(platformDb.get("bootstrap")).get("initdb")).get("postInitApplicationSQL"));
            assertEquals("fast-ssd", map(platformDb.get("storage")).get("storageClass"));
        }

        @Test
        void keycloakResourceCarriesTheThemeThroughAnInitContainer() {
            GenericKubernetesResource kc = out.custom("Keycloak").getFirst();
            assertEquals("k8s.keycloak.org/v2alpha1", kc.getApiVersion());
            Map<String, Object> spec = map(kc.getAdditionalProperties().get("spec"));
            assertKeysWithin("Keycloak.spec", spec.keySet(), Set.of("instances", "image", "startOptimized",
                    "imagePullSecrets", "bootstrapAdmin", "db", "hostname", "http", "proxy", "ingress", "resources",
                    "additionalOptions", "scheduling", "unsupported"));
            assertKeysWithin("Keycloak.spec.db", map(spec.get("db")).keySet(), Set.of("vendor", "host", "port",
                    "database", "usernameSecret", "passwordSecret"));
            assertKeysWithin("Keycloak.spec.hostname", map(spec.get("hostname")).keySet(),
                    Set.of("hostname", "backchannelDynamic"));
            assertEquals(3, spec.get("instances"));
            assertEquals("https://auth.mingjing.zj.example.org", map(spec.get("hostname")).get("hostname"));
            assertEquals("mj-mingjing-keycloak-db-rw", map(spec.get("db")).get("host"));
            assertEquals("mingjing-keycloak-admin", map(map(spec.get("bootstrapAdmin")).get("user")).get("secret"));
            assertConvertsCleanly(spec.get("resources"), ResourceRequirements.class, "Keycloak.spec.resources");
            assertConvertsCleanly(map(spec.get("scheduling")).get("affinity"), Affinity.class,
                    "Keycloak.spec.scheduling.affinity");

            PodTemplateSpec template = assertConvertsCleanly(map(spec.get("unsupported")).get("podTemplate"),
                    PodTemplateSpec.class, "Keycloak.spec.unsupported.podTemplate");
            Container theme = template.getSpec().getInitContainers().getFirst();
            assertEquals("registry.example.org/mingjing/keycloak-theme:0.1.0", theme.getImage());
            assertEquals("/themes/mingjing", theme.getVolumeMounts().getFirst().getMountPath());
            VolumeMount mount = template.getSpec().getContainers().getFirst().getVolumeMounts().getFirst();
            assertEquals("/opt/keycloak/themes/mingjing", mount.getMountPath());
            assertEquals(mount.getName(), template.getSpec().getVolumes().getFirst().getName());
            assertNotNull(template.getSpec().getVolumes().getFirst().getEmptyDir());
        }

        @Test
        void ingressServesTheProvinceHostAndOneHostPerCounty() {
            Ingress province = out.named(Ingress.class, Chart.FULLNAME);
            assertEquals("nginx", province.getSpec().getIngressClassName());
            assertEquals("mingjing.zj.example.org", province.getSpec().getRules().getFirst().getHost());
            assertEquals(List.of("/t", "/api"), paths(province));
            assertEquals("mingjing-tls", province.getSpec().getTls().getFirst().getSecretName());

            Ingress yiwu = out.named(Ingress.class, Chart.FULLNAME + "-county-yiwu");
            assertEquals("yiwu.mingjing.zj.example.org", yiwu.getSpec().getRules().getFirst().getHost());
            assertEquals(List.of("/t/yiwu", "/api/t/yiwu"), paths(yiwu));
            assertEquals("yiwu-tls", yiwu.getSpec().getTls().getFirst().getSecretName());
            assertEquals("yiwu", yiwu.getMetadata().getLabels().get("mingjing.io/county"));

            Ingress lucheng = out.named(Ingress.class, Chart.FULLNAME + "-county-lucheng");
            assertEquals(List.of("/t/lucheng", "/api/t/lucheng"), paths(lucheng));
            Map<String, String> annotations = lucheng.getMetadata().getAnnotations();
            assertEquals("50", annotations.get("nginx.ingress.kubernetes.io/limit-rps"), "county annotation");
            assertEquals("letsencrypt", annotations.get("cert-manager.io/cluster-issuer"), "shared annotation");
            for (Ingress i : out.all(Ingress.class)) {
                for (HTTPIngressPath p : i.getSpec().getRules().getFirst().getHttp().getPaths()) {
                    assertEquals("Prefix", p.getPathType());
                    assertEquals(Chart.FULLNAME, p.getBackend().getService().getName());
                    assertEquals(80, p.getBackend().getService().getPort().getNumber());
                    assertFalse(p.getPath().startsWith("/q"), "health and metrics stay inside the cluster");
                }
            }
        }

        @Test
        void everyReplicaGetsTheSamePluginSetsAndDescriptors() {
            Deployment d = out.one(Deployment.class);
            PodSpec pod = d.getSpec().getTemplate().getSpec();
            List<Container> init = pod.getInitContainers();
            assertEquals(List.of("plugins-market", "plugins-vendor-zj"), init.stream().map(Container::getName).toList());
            assertEquals("registry.example.org/mingjing/plugins-market:1.2.0", init.get(0).getImage());
            assertEquals("/plugins", env(init.get(0), "SRC").getValue());
            assertEquals("registry.example.org/mingjing/platform:0.1.0", init.get(1).getImage(),
                    "a volume set is copied by the platform image");
            assertEquals("/set/jars", env(init.get(1), "SRC").getValue());
            Volume set = pod.getVolumes().stream().filter(v -> v.getName().equals("plugins-set-vendor-zj")).findFirst()
                    .orElseThrow();
            assertEquals("mingjing-plugins-vendor-zj", set.getPersistentVolumeClaim().getClaimName());
            assertTrue(set.getPersistentVolumeClaim().getReadOnly());
            for (Container c : init) {
                assertTrue(c.getSecurityContext().getReadOnlyRootFilesystem());
                assertEquals("/plugins", c.getVolumeMounts().getFirst().getMountPath());
            }
            Container c = platform(d);
            assertEquals("/deployments/plugins", mount(c, "plugins").getMountPath());
            assertEquals("/deployments/tenants", mount(c, "tenants").getMountPath());
            assertEquals("/deployments/tenants",
                    out.named(ConfigMap.class, Chart.FULLNAME).getData().get("MINGJING_TENANTS_DIR"));

            ConfigMap tenants = out.named(ConfigMap.class, Chart.FULLNAME + "-tenants");
            assertTrue(tenants.getData().get("yiwu.tenant.yaml").contains("name: 义乌市"));
            assertTrue(tenants.getData().get("yiwu.org-units.csv").startsWith("code,name,level,parentCode\n"));
            Volume v = pod.getVolumes().stream().filter(x -> x.getName().equals("tenants")).findFirst().orElseThrow();
            assertEquals(Set.of("lucheng/tenant.yaml", "yiwu/tenant.yaml", "yiwu/org-units.csv"),
                    v.getConfigMap().getItems().stream().map(i -> i.getPath()).collect(Collectors.toSet()));
            assertNotNull(d.getSpec().getTemplate().getMetadata().getAnnotations().get("checksum/tenants"),
                    "changing a descriptor rolls the pods");
        }
    }

    @Nested
    @TestInstance(TestInstance.Lifecycle.PER_CLASS)
    class MinimalValues {

        Chart.Rendered out;

        @BeforeAll
        void render() {
            out = Chart.template(Chart.MINIMAL_VALUES);
        }

        @Test
        void rendersOnlyWhatOneReplicaNeeds() {
            assertEquals(Set.of("Deployment", "Service", "ServiceAccount", "ConfigMap", "Secret"), kinds(out));
            assertEquals(1, out.one(Deployment.class).getSpec().getReplicas());
            assertNoUnknownFields(out);
            assertStandardLabels(out);
        }

        @Test
        void labSecretsAreRenderedAndReferenced() {
            Secret db = out.named(Secret.class, Chart.FULLNAME + "-database");
            assertEquals(Map.of("username", "mingjing", "password", "change-me"), db.getStringData());
            Container c = platform(out.one(Deployment.class));
            assertSecretRef(c, "QUARKUS_DATASOURCE_PASSWORD", Chart.FULLNAME + "-database", "password");
            assertSecretRef(c, "MINGJING_KEYCLOAK_ADMIN_USERNAME", Chart.FULLNAME + "-keycloak-admin", "username");
            assertEquals("http://keycloak.lab.svc:8080",
                    out.one(ConfigMap.class).getData().get("MINGJING_KEYCLOAK_URL"));
        }

        @Test
        void labPlatformSecretIsRenderedKeptAndReferenced() {
            Secret secret = out.named(Secret.class, Chart.FULLNAME + "-platform-secret");
            assertEquals(Map.of("secret", "lab-only-platform-secret-change-me-0123456789"), secret.getStringData());
            assertEquals("Opaque", secret.getType());
            assertEquals("keep", secret.getMetadata().getAnnotations().get("helm.sh/resource-policy"),
                    "helm uninstall must not take the ID-number key with it");
            assertSecretRef(platform(out.one(Deployment.class)), "MINGJING_SECRET", Chart.FULLNAME + "-platform-secret",
                    "secret");
            assertPlatformSecretOnlyFromASecret(out);
            Map<String, String> data = out.one(ConfigMap.class).getData();
            assertEquals("http://localhost:8080", data.get("MINGJING_PUBLIC_URL"), "explicit config.publicUrl wins");
            assertEquals("false", data.get("MINGJING_CLI_DIRECT_GRANTS"));
        }

        @Test
        void stillHardened() {
            PodSpec pod = out.one(Deployment.class).getSpec().getTemplate().getSpec();
            assertHardenedPod(pod);
            assertNull(pod.getAffinity(), "podAntiAffinity: none");
            assertTrue(pod.getTopologySpreadConstraints() == null || pod.getTopologySpreadConstraints().isEmpty());
            assertEquals("768Mi", platform(out.one(Deployment.class)).getResources().getLimits().get("memory").toString());
        }
    }

    @Nested
    class PlatformSettingOverrides {

        @Test
        void directGrantsCanBeSwitchedOn() {
            Map<String, String> data = Chart.template(List.of(), t -> t.set("keycloak.cliDirectGrants", "true"))
                    .one(ConfigMap.class).getData();
            assertEquals("true", data.get("MINGJING_CLI_DIRECT_GRANTS"));
        }

        @Test
        void explicitPublicUrlWinsOverTheIngressAndLosesItsTrailingSlash() {
            Map<String, String> data = Chart.template(List.of(Chart.HA_VALUES),
                            t -> t.set("config.publicUrl", "https://mingjing.example.gov.cn/"))
                    .named(ConfigMap.class, Chart.FULLNAME).getData();
            assertEquals("https://mingjing.example.gov.cn", data.get("MINGJING_PUBLIC_URL"),
                    "the platform appends /t/<county>/ itself");
        }

        @Test
        void existingPlatformSecretWithItsOwnKey() {
            Chart.Rendered out = Chart.template(List.of(), t -> t.set("platformSecret.existingSecret", "vault-mingjing")
                    .set("platformSecret.key", "platform-secret"));
            assertSecretRef(platform(out.one(Deployment.class)), "MINGJING_SECRET", "vault-mingjing", "platform-secret");
            assertTrue(out.all(Secret.class).isEmpty());
        }
    }

    // ------------------------------------------------------------------------------------------ assertions

    /** MINGJING_SECRET comes from a secretKeyRef and appears in no ConfigMap, under any name. */
    static void assertPlatformSecretOnlyFromASecret(Chart.Rendered out) {
        EnvVar e = env(platform(out.one(Deployment.class)), "MINGJING_SECRET");
        assertNull(e.getValue(), "MINGJING_SECRET must not be inlined");
        assertNotNull(e.getValueFrom().getSecretKeyRef(), "MINGJING_SECRET must come from a Secret");
        for (ConfigMap cm : out.all(ConfigMap.class)) {
            assertFalse(cm.getData().containsKey("MINGJING_SECRET"), cm.getMetadata().getName());
        }
        out.all(Secret.class).stream().map(Secret::getStringData).filter(java.util.Objects::nonNull)
                .flatMap(d -> d.values().stream()).forEach(secret -> {
                    for (ConfigMap cm : out.all(ConfigMap.class)) {
                        assertFalse(cm.getData().containsValue(secret), "a Secret's value in ConfigMap "
                                + cm.getMetadata().getName());
                    }
                });
    }

    static Set<String> kinds(Chart.Rendered out) {
        return out.metadataResources().stream().map(HasMetadata::getKind).collect(Collectors.toCollection(TreeSet::new));
    }

    static void assertNoUnknownFields(Chart.Rendered out) {
        assertFalse(out.resources().isEmpty());
        List<String> unknown = out.resources().stream()
                .flatMap(r -> Chart.unknownFields(r, ((HasMetadata) r).getKind()).stream()).toList();
        assertEquals(List.of(), unknown, "fields Kubernetes would not know");
    }

    static void assertStandardLabels(Chart.Rendered out) {
        assertAll(out.metadataResources().stream().map(r -> () -> {
            Map<String, String> labels = r.getMetadata().getLabels();
            assertNotNull(labels, r.getKind() + " has no labels");
            assertTrue(labels.keySet().containsAll(STANDARD_LABELS),
                    r.getKind() + " " + r.getMetadata().getName() + " labels " + labels.keySet());
            assertEquals(Chart.RELEASE, labels.get("app.kubernetes.io/instance"));
            assertEquals("Helm", labels.get("app.kubernetes.io/managed-by"));
            assertEquals(Chart.NAMESPACE, r.getMetadata().getNamespace());
        }));
    }

    static void assertHardenedPod(PodSpec pod) {
        assertTrue(pod.getSecurityContext().getRunAsNonRoot());
        assertEquals(185L, pod.getSecurityContext().getRunAsUser());
        assertEquals("RuntimeDefault", pod.getSecurityContext().getSeccompProfile().getType());
        assertFalse(pod.getAutomountServiceAccountToken());
        Container c = pod.getContainers().getFirst();
        assertTrue(c.getSecurityContext().getReadOnlyRootFilesystem());
        assertFalse(c.getSecurityContext().getAllowPrivilegeEscalation());
        assertEquals(List.of("ALL"), c.getSecurityContext().getCapabilities().getDrop());
        assertEquals("/tmp", mount(c, "tmp").getMountPath());
        Volume tmp = pod.getVolumes().stream().filter(v -> v.getName().equals("tmp")).findFirst().orElseThrow();
        assertNotNull(tmp.getEmptyDir(), "/tmp is an emptyDir");
    }

    static void assertProbe(Probe probe, String path) {
        assertNotNull(probe, "probe on " + path);
        assertEquals(path, probe.getHttpGet().getPath());
        assertEquals("management", probe.getHttpGet().getPort().getStrVal(), "health is on the management port");
        assertTrue(probe.getPeriodSeconds() > 0 && probe.getFailureThreshold() > 0);
    }

    static void assertSecretRef(Container c, String name, String secret, String key) {
        EnvVar e = env(c, name);
        assertNull(e.getValue(), name + " must not be inlined");
        assertEquals(secret, e.getValueFrom().getSecretKeyRef().getName(), name);
        assertEquals(key, e.getValueFrom().getSecretKeyRef().getKey(), name);
    }

    static void assertKeysWithin(String where, Set<String> keys, Set<String> known) {
        Set<String> unknown = new TreeSet<>(keys);
        unknown.removeAll(known);
        assertEquals(Set.of(), unknown, "unknown fields in " + where);
    }

    static <T> T assertConvertsCleanly(Object raw, Class<T> type, String where) {
        T value = Chart.SERIALIZATION.convertValue(raw, type);
        assertEquals(List.of(), Chart.unknownFields(value, where), "unknown fields");
        return value;
    }

    static Container platform(Deployment d) {
        Container c = d.getSpec().getTemplate().getSpec().getContainers().getFirst();
        assertEquals("platform", c.getName());
        return c;
    }

    static EnvVar env(Container c, String name) {
        return c.getEnv().stream().filter(e -> e.getName().equals(name)).findFirst()
                .orElseThrow(() -> new AssertionError("no env " + name + " in " + c.getName()));
    }

    static VolumeMount mount(Container c, String volume) {
        return c.getVolumeMounts().stream().filter(m -> m.getName().equals(volume)).findFirst()
                .orElseThrow(() -> new AssertionError("no mount of " + volume));
    }

    static List<String> paths(Ingress i) {
        return i.getSpec().getRules().getFirst().getHttp().getPaths().stream().map(HTTPIngressPath::getPath).toList();
    }

    @SuppressWarnings("unchecked")
    static Map<String, Object> map(Object o) {
        assertTrue(o instanceof Map, () -> "expected a map, got " + o);
        return (Map<String, Object>) o;
    }
}
