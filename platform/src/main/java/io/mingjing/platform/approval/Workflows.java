package io.mingjing.platform.approval;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import io.mingjing.platform.audit.AuditLog;
import io.mingjing.platform.problem.ProblemException;
import io.mingjing.platform.tenancy.CurrentTenant;
import io.quarkus.runtime.Startup;
import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Collectors;

/**
 * The county's workflow definitions, one version after another per kind. The platform ships a default
 * per kind ({@code approval/definitions/KIND.yaml}, checked when the platform starts: an invalid one
 * stops it with the reason); a county's first approval of a kind stores the default as version 1, and
 * a county replaces it with a new version through the admin API or its descriptor. An approval keeps
 * the version it was filed under to its end.
 */
@ApplicationScoped
@Startup
public class Workflows {

    static final ObjectMapper YAML = YAMLMapper.builder().enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .build().findAndRegisterModules();
    static final String DESCRIPTOR = "descriptor";
    static final ObjectMapper JSON = JsonMapper.builder().build().findAndRegisterModules();

    /** A stored version. */
    public record Version(ApprovalKind kind, int version, String source, String createdBy, Instant createdAt,
            WorkflowDefinition definition) {
    }

    @Inject
    EntityManager em;
    @Inject
    CurrentTenant tenant;
    @Inject
    AuditLog audit;

    private final Map<ApprovalKind, WorkflowDefinition> defaults = new EnumMap<>(ApprovalKind.class);
    /** Versions never change once stored: "county/KIND/version" → definition. */
    private final Map<String, WorkflowDefinition> cache = new ConcurrentHashMap<>();

    @PostConstruct
    void loadDefaults() {
        for (ApprovalKind k : ApprovalKind.values()) {
            String path = "approval/definitions/" + k + ".yaml";
            try (InputStream in = Workflows.class.getClassLoader().getResourceAsStream(path)) {
                if (in == null) {
                    throw new IllegalStateException("the default workflow " + path + " is missing");
                }
                WorkflowDefinition d = YAML.readValue(in, WorkflowDefinition.class);
                requireValid(d, k, path);
                defaults.put(k, d);
            } catch (IOException e) {
                throw new IllegalStateException("the default workflow " + path + " cannot be read: " + e.getMessage(), e);
            }
        }
    }

    /** Refuses a definition that cannot run, naming every field that is wrong. */
    static void requireValid(WorkflowDefinition d, ApprovalKind kind, String where) {
        Map<String, String> errors = d == null ? Map.of("", "is empty") : d.problems();
        if (errors.isEmpty() && d.kind() != kind) {
            errors = Map.of("kind", "must be " + kind + " here, not " + d.kind());
        }
        if (!errors.isEmpty()) {
            throw new IllegalStateException("invalid workflow definition " + where + ": " + errors.entrySet().stream()
                    .map(e -> e.getKey() + " " + e.getValue()).collect(Collectors.joining("; ")));
        }
    }

    /** Reads a definition sent as YAML or JSON, or a 422 with the field paths of what is wrong. */
    static WorkflowDefinition parse(byte[] body, ApprovalKind kind) {
        WorkflowDefinition d;
        try {
            d = YAML.readValue(body, WorkflowDefinition.class); // YAML reads JSON too
        } catch (IOException e) {
            throw ProblemException.invalid(400, "The definition cannot be read: " + firstLine(e.getMessage()),
                    Map.of("body", "must be a workflow definition in YAML or JSON"));
        }
        if (d == null) {
            throw ProblemException.invalid(400, "The definition is empty.", Map.of("body", "is required"));
        }
        Map<String, String> errors = new LinkedHashMap<>(d.problems());
        if (d.kind() != null && d.kind() != kind) {
            errors.put("kind", "must be " + kind + ", the kind in the path");
        }
        if (!errors.isEmpty()) {
            throw ProblemException.invalid(422, "The workflow definition cannot run.", errors);
        }
        return d;
    }

    private static String firstLine(String s) {
        return s == null ? "" : s.lines().findFirst().orElse("");
    }

    public WorkflowDefinition defaultOf(ApprovalKind kind) {
        return defaults.get(kind);
    }

    /** The version new approvals of this kind start with; the default becomes version 1 on first use. */
    @Transactional(Transactional.TxType.MANDATORY)
    public Version current(ApprovalKind kind) {
        Version v = latest(kind);
        if (v != null) {
            return v;
        }
        store(kind, 1, "default", "system:default", defaults.get(kind));
        return latest(kind);
    }

    /** The version an approval was filed under. */
    @Transactional(Transactional.TxType.MANDATORY)
    public WorkflowDefinition version(ApprovalKind kind, int version) {
        return cache.computeIfAbsent(tenant.require() + "/" + kind + "/" + version, key -> {
            String body = (String) em.createNativeQuery("SELECT body FROM approval_definition WHERE kind = ?1 "
                    + "AND version = ?2").setParameter(1, kind.name()).setParameter(2, version).getSingleResult();
            return read(body);
        });
    }

    /** Every kind's current version, the default for a kind the county has not used yet (version 0). */
    @Transactional
    public List<Version> all() {
        return Arrays.stream(ApprovalKind.values()).map(k -> {
            Version v = latest(k);
            return v != null ? v : new Version(k, 0, "default", "system:default", null, defaults.get(k));
        }).toList();
    }

    /** A new version of a kind's definition, if it differs from the current one; @return the current version */
    @Transactional
    public Version replace(ApprovalKind kind, WorkflowDefinition d, String source, String actor) {
        requireValid(d, kind, source);
        Version now = latest(kind);
        WorkflowDefinition before = now == null ? defaults.get(kind) : now.definition();
        if (before.equals(d)) {
            return now != null ? now : current(kind);
        }
        int version = now == null ? 1 : now.version() + 1;
        store(kind, version, source, actor, d);
        audit.append(actor, "approval-definition.replaced", "WorkflowDefinition", kind + "/" + version,
                write(d).getBytes(StandardCharsets.UTF_8));
        return latest(kind);
    }

    /**
     * A county descriptor's definition: a new version when the file changed since it was last applied,
     * so booting again with the same file writes nothing and does not undo an admin's later edit.
     */
    @Transactional
    public Version fromDescriptor(ApprovalKind kind, WorkflowDefinition d, String actor) {
        requireValid(d, kind, "the county descriptor's " + kind + ".yaml");
        @SuppressWarnings("unchecked")
        List<String> last = em.createNativeQuery("SELECT body FROM approval_definition WHERE kind = ?1 AND source = "
                + "?2 ORDER BY version DESC LIMIT 1").setParameter(1, kind.name()).setParameter(2, DESCRIPTOR)
                .getResultList();
        if (!last.isEmpty() && read(last.get(0)).equals(d)) {
            return current(kind);
        }
        return replace(kind, d, DESCRIPTOR, actor);
    }

    private Version latest(ApprovalKind kind) {
        @SuppressWarnings("unchecked")
        List<Object[]> rows = em.createNativeQuery("SELECT version, source, created_by, created_at, body FROM "
                + "approval_definition WHERE kind = ?1 ORDER BY version DESC LIMIT 1", Object[].class)
                .setParameter(1, kind.name()).getResultList();
        if (rows.isEmpty()) {
            return null;
        }
        Object[] r = rows.get(0);
        int version = ((Number) r[0]).intValue();
        WorkflowDefinition d = cache.computeIfAbsent(tenant.require() + "/" + kind + "/" + version,
                key -> read((String) r[4]));
        return new Version(kind, version, (String) r[1], (String) r[2], instant(r[3]), d);
    }

    private void store(ApprovalKind kind, int version, String source, String actor, WorkflowDefinition d) {
        em.createNativeQuery("INSERT INTO approval_definition (kind, version, body, source, created_by, created_at) "
                + "VALUES (?1, ?2, ?3, ?4, ?5, ?6) ON CONFLICT DO NOTHING").setParameter(1, kind.name())
                .setParameter(2, version).setParameter(3, write(d)).setParameter(4, source).setParameter(5, actor)
                .setParameter(6, Timestamp.from(Instant.now())).executeUpdate();
    }

    private static Instant instant(Object o) {
        return o instanceof Instant i ? i : o instanceof Timestamp t ? t.toInstant()
                : o instanceof OffsetDateTime odt ? odt.toInstant() : null;
    }

    private static WorkflowDefinition read(String body) {
        try {
            return JSON.readValue(body, WorkflowDefinition.class);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static String write(WorkflowDefinition d) {
        try {
            return JSON.writeValueAsString(d);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
