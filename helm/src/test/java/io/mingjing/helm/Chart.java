package io.mingjing.helm;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.marcnuri.helm.Helm;
import com.marcnuri.helm.LintResult;
import com.marcnuri.helm.TemplateCommand;
import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.KubernetesResource;
import io.fabric8.kubernetes.client.utils.KubernetesSerialization;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.UnaryOperator;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * The chart under test: lints and renders it with helm-java (Helm as a native library, no binary, no cluster)
 * and parses what it renders with fabric8's Kubernetes model.
 */
final class Chart {

    static final Path DIR = Path.of(System.getProperty("mingjing.chart.dir", "mingjing")).toAbsolutePath();
    static final Path HA_VALUES = DIR.resolve("ci/ha-values.yaml");
    static final Path MINIMAL_VALUES = DIR.resolve("ci/minimal-values.yaml");
    static final String RELEASE = "mj";
    static final String NAMESPACE = "mingjing";
    static final String FULLNAME = "mj-mingjing";
    /** Helm's library default is v1.20; the chart declares kubeVersion >=1.27. */
    static final String KUBE_VERSION = "1.31.0";

    static final KubernetesSerialization SERIALIZATION = new KubernetesSerialization();
    static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());

    private static final Pattern DOCUMENT_SEPARATOR = Pattern.compile("(?m)^---\\s*$");

    private Chart() {
    }

    /** {@code helm template} with the given values files (later ones win), plus optional tweaks. */
    static Rendered template(List<Path> valuesFiles, UnaryOperator<TemplateCommand> tweak) {
        TemplateCommand command = new Helm(DIR).template()
                .withName(RELEASE)
                .withNamespace(NAMESPACE)
                .withKubeVersion(KUBE_VERSION);
        for (Path values : valuesFiles) {
            command = command.withValuesFile(values);
        }
        return new Rendered(tweak.apply(command).call());
    }

    static Rendered template(Path... valuesFiles) {
        return template(List.of(valuesFiles), UnaryOperator.identity());
    }

    /**
     * {@code helm lint --strict} of the chart as it would be installed with {@code overlay}: helm-java lints the
     * chart's own values.yaml only, so the chart is copied and its values.yaml replaced by defaults + overlay
     * (merged as Helm merges: maps deeply, everything else replaced).
     */
    static LintResult lintStrict(Path overlay) {
        try {
            Path copy = Files.createTempDirectory("mingjing-chart-");
            try {
                copyTree(DIR, copy);
                if (overlay != null) {
                    JsonNode merged = merge(YAML.readTree(DIR.resolve("values.yaml").toFile()),
                            YAML.readTree(overlay.toFile()));
                    YAML.writeValue(copy.resolve("values.yaml").toFile(), merged);
                }
                return new Helm(copy).lint().strict().call();
            } finally {
                deleteTree(copy);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static JsonNode merge(JsonNode base, JsonNode overlay) {
        if (base instanceof ObjectNode b && overlay instanceof ObjectNode o) {
            o.properties().forEach(e -> b.set(e.getKey(), merge(b.get(e.getKey()), e.getValue())));
            return b;
        }
        return overlay;
    }

    private static void copyTree(Path from, Path to) throws IOException {
        try (Stream<Path> paths = Files.walk(from)) {
            for (Path p : (Iterable<Path>) paths::iterator) {
                Path target = to.resolve(from.relativize(p).toString());
                if (Files.isDirectory(p)) {
                    Files.createDirectories(target);
                } else {
                    Files.copy(p, target);
                }
            }
        }
    }

    static void deleteTree(Path dir) throws IOException {
        if (!Files.exists(dir)) {
            return;
        }
        try (Stream<Path> paths = Files.walk(dir)) {
            for (Path p : (Iterable<Path>) paths.sorted(Comparator.reverseOrder())::iterator) {
                Files.delete(p);
            }
        }
    }

    /** The manifests of one {@code helm template} run, parsed by fabric8. */
    record Rendered(String yaml, List<KubernetesResource> resources) {

        Rendered(String yaml) {
            this(yaml, parse(yaml));
        }

        private static List<KubernetesResource> parse(String yaml) {
            List<KubernetesResource> out = new ArrayList<>();
            for (String doc : DOCUMENT_SEPARATOR.split(yaml)) {
                boolean empty = doc.lines().map(String::strip).allMatch(l -> l.isEmpty() || l.startsWith("#"));
                if (!empty) {
                    out.add(SERIALIZATION.unmarshal(doc, KubernetesResource.class));
                }
            }
            return out;
        }

        <T extends HasMetadata> List<T> all(Class<T> type) {
            return resources.stream().filter(type::isInstance).map(type::cast).toList();
        }

        <T extends HasMetadata> Optional<T> find(Class<T> type) {
            List<T> all = all(type);
            if (all.size() > 1) {
                throw new AssertionError("more than one " + type.getSimpleName() + ": " + all.size());
            }
            return all.stream().findFirst();
        }

        <T extends HasMetadata> T one(Class<T> type) {
            return find(type).orElseThrow(() -> new AssertionError("no " + type.getSimpleName() + " rendered"));
        }

        <T extends HasMetadata> T named(Class<T> type, String name) {
            return all(type).stream().filter(r -> name.equals(r.getMetadata().getName())).findFirst()
                    .orElseThrow(() -> new AssertionError("no " + type.getSimpleName() + " " + name));
        }

        List<GenericKubernetesResource> custom(String kind) {
            return all(GenericKubernetesResource.class).stream().filter(r -> kind.equals(r.getKind())).toList();
        }

        List<HasMetadata> metadataResources() {
            return resources.stream().filter(HasMetadata.class::isInstance).map(HasMetadata.class::cast).toList();
        }
    }

    /**
     * Fields fabric8 did not recognise: its model keeps them in {@code additionalProperties} instead of failing.
     * Walks every model object reachable through getters and returns "path: field" for each unknown field.
     * Custom resources ({@link GenericKubernetesResource}) are all additionalProperties and are checked elsewhere.
     */
    static List<String> unknownFields(Object root, String rootPath) {
        List<String> found = new ArrayList<>();
        walk(root, rootPath, found, java.util.Collections.newSetFromMap(new IdentityHashMap<>()));
        return found;
    }

    private static void walk(Object node, String path, List<String> found, Set<Object> seen) {
        if (node == null || node instanceof GenericKubernetesResource) {
            return;
        }
        if (node instanceof Collection<?> c) {
            int i = 0;
            for (Object item : c) {
                walk(item, path + "[" + i++ + "]", found, seen);
            }
            return;
        }
        if (node instanceof Map<?, ?> m) {
            m.forEach((k, v) -> walk(v, path + "." + k, found, seen));
            return;
        }
        if (!node.getClass().getName().startsWith("io.fabric8.kubernetes.api.model") || !seen.add(node)) {
            return;
        }
        for (Method method : node.getClass().getMethods()) {
            if (method.getParameterCount() != 0 || Modifier.isStatic(method.getModifiers())
                    || !method.getName().startsWith("get") || method.getName().equals("getClass")
                    || method.getReturnType().isPrimitive()) {
                continue;
            }
            Object value;
            try {
                value = method.invoke(node);
            } catch (IllegalAccessException | InvocationTargetException e) {
                continue;
            }
            if (method.getName().equals("getAdditionalProperties")) {
                if (value instanceof Map<?, ?> extra && !extra.isEmpty()) {
                    extra.keySet().forEach(k -> found.add(path + ": " + k));
                }
                continue;
            }
            String property = Character.toLowerCase(method.getName().charAt(3)) + method.getName().substring(4);
            walk(value, path + "." + property, found, seen);
        }
    }
}
