package io.mingjing.platform.descriptor;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import io.mingjing.platform.audit.AuditEntry;
import io.mingjing.platform.orgunit.OrgUnitImport;
import io.mingjing.platform.registry.Onboarding;
import io.mingjing.platform.registry.OnboardingRequest;
import io.mingjing.platform.registry.TenantRegistry;
import io.mingjing.platform.registry.TenantStatus;
import io.mingjing.platform.tenancy.TenantScope;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.Validator;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

/**
 * Applies {@code <dir>/<id>/tenant.yaml} (and {@code org-units.csv}) at startup, so a province can
 * keep its counties in git: missing counties are onboarded, existing ones updated, none deleted.
 */
@ApplicationScoped
public class Descriptors {

    private static final Logger LOG = Logger.getLogger(Descriptors.class);
    static final String ACTOR = "system:descriptor";
    private static final ObjectMapper YAML = YAMLMapper.builder()
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES).build();

    @ConfigProperty(name = "mingjing.tenants.dir")
    Optional<Path> dir;
    @Inject
    Onboarding onboarding;
    @Inject
    TenantRegistry registry;
    @Inject
    TenantScope scope;
    @Inject
    OrgUnitImport orgUnits;
    @Inject
    Validator validator;

    public void applyAll() {
        if (dir.isEmpty() || !Files.isDirectory(dir.get())) {
            return;
        }
        try (var counties = Files.list(dir.get())) {
            counties.filter(d -> Files.isRegularFile(d.resolve("tenant.yaml"))).sorted().forEach(this::apply);
        } catch (IOException e) {
            LOG.errorf("cannot read county descriptors in %s: %s", dir.get(), e.getMessage());
        }
    }

    void apply(Path county) {
        try {
            OnboardingRequest request = YAML.readValue(county.resolve("tenant.yaml").toFile(), OnboardingRequest.class);
            Set<ConstraintViolation<OnboardingRequest>> violations = validator.validate(request);
            if (!violations.isEmpty()) {
                LOG.errorf("%s/tenant.yaml is invalid: %s", county, violations.stream()
                        .map(v -> v.getPropertyPath() + " " + v.getMessage()).collect(Collectors.joining("; ")));
                return;
            }
            var entry = registry.find(request.id());
            if (entry.isEmpty() || entry.get().status() == TenantStatus.FAILED
                    || entry.get().status() == TenantStatus.PROVISIONING) {
                onboarding.onboard(request, ACTOR);
            } else {
                onboarding.update(request, ACTOR);
            }
            importOrgUnits(request.id(), county.resolve("org-units.csv"));
        } catch (Exception e) {
            LOG.errorf("county descriptor %s not applied: %s", county, e.getMessage());
        }
    }

    private void importOrgUnits(String id, Path csvFile) throws IOException {
        if (!Files.isRegularFile(csvFile)) {
            return;
        }
        byte[] csv = Files.readAllBytes(csvFile);
        String digest = AuditEntry.sha256(csv);
        String region = registry.regionCode(id);
        scope.run(id, () -> {
            // The same file again is not a new write: keep the audit chain free of no-op imports.
            if (AuditEntry.count("action = ?1 and payloadDigest = ?2", "org-units.imported", digest) == 0) {
                orgUnits.importCsv(csv, region, ACTOR);
            }
        });
    }
}
