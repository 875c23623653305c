package io.mingjing.platform.seed;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import io.mingjing.platform.audit.AuditLog;
import io.mingjing.platform.tenancy.TenantScope;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.function.Consumer;

/**
 * A county descriptor's file under {@code tenants/<county>/}, applied through a feature's own services
 * once per version of the file: the audit chain records its bytes under the feature's action, and the
 * same bytes again are not a new write. The features' demo seeds stand on this; the descriptor that
 * calls them is above them all.
 */
@ApplicationScoped
public class DemoSeed {

    /** Strict, so a misspelt key in a demo file fails its county's boot log instead of seeding less. */
    private static final ObjectMapper YAML = YAMLMapper.builder()
            .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES).build().findAndRegisterModules();

    @Inject
    TenantScope scope;
    @Inject
    AuditLog audit;

    /**
     * Reads {@code file} as {@code type} and, unless the chain records this version under {@code action},
     * runs {@code body} over it in the county's scope and audits the file as {@code actor}.
     *
     * @return whether it was applied now (not when the file is absent or this version was applied before)
     */
    public <T> boolean apply(String county, Path file, Class<T> type, String action, String actor, Consumer<T> body)
            throws IOException {
        if (!Files.isRegularFile(file)) {
            return false;
        }
        byte[] bytes = Files.readAllBytes(file);
        T content = YAML.readValue(bytes, type);
        return scope.call(county, () -> {
            if (audit.records(action, bytes)) {
                return false;
            }
            body.accept(content);
            audit.append(actor, action, "Descriptor", file.getFileName().toString(), bytes);
            return true;
        });
    }

    /** {@code file} read as {@code type}, or null where the county has no such file. */
    public static <T> T read(Path file, Class<T> type) throws IOException {
        return Files.isRegularFile(file) ? YAML.readValue(file.toFile(), type) : null;
    }

    /**
     * Hands {@code file}'s bytes to an importer that audits them itself under {@code action}, unless the
     * chain records this version already.
     */
    public void importOnce(String county, Path file, String action, Consumer<byte[]> importer) throws IOException {
        if (!Files.isRegularFile(file)) {
            return;
        }
        byte[] bytes = Files.readAllBytes(file);
        scope.run(county, () -> {
            if (!audit.records(action, bytes)) {
                importer.accept(bytes);
            }
        });
    }

    /** A list a demo file left out is an empty one. */
    public static <T> List<T> each(List<T> items) {
        return items == null ? List.of() : items;
    }
}
