package io.mingjing.platform.descriptor;

import io.mingjing.platform.portal.DemoContent;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import io.mingjing.platform.appeal.DemoAppeals;
import io.mingjing.platform.approval.CountyWorkflows;
import io.mingjing.platform.approval.DemoApprovals;
import io.mingjing.platform.branch.DemoBranch;
import io.mingjing.platform.consultation.DemoConsultations;
import io.mingjing.platform.csv.CsvRows;
import io.mingjing.platform.inspection.DemoInspections;
import io.mingjing.platform.resident.ResidentImport;
import io.mingjing.platform.service.DemoServices;
import io.mingjing.platform.task.DemoTasks;
import io.mingjing.platform.villagelog.DemoVillageLog;
import io.mingjing.platform.staff.StaffService;
import io.mingjing.platform.orgunit.OrgUnitImport;
import io.mingjing.platform.onboarding.OnboardingRequest;
import io.mingjing.platform.onboarding.Onboarding;
import io.mingjing.platform.registry.TenantRegistry;
import io.mingjing.platform.registry.TenantStatus;
import io.mingjing.platform.seed.DemoSeed;
import io.mingjing.platform.tenancy.TenantScope;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.Validator;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
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
    static final String DEMO_PASSWORD = "demo123";
    private static final List<String> STAFF_HEADER = List.of("username", "name", "role", "orgUnit", "phone");
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
    DemoSeed seed;
    @Inject
    OrgUnitImport orgUnits;
    @Inject
    Validator validator;
    @Inject
    ResidentImport residents;
    @Inject
    StaffService staff;
    @Inject
    DemoContent demoContent;
    @Inject
    DemoAppeals demoAppeals;
    @Inject
    CountyWorkflows countyWorkflows;
    @Inject
    DemoApprovals demoApprovals;
    @Inject
    DemoServices demoServices;
    @Inject
    DemoVillageLog demoVillageLog;
    @Inject
    DemoBranch demoBranch;
    @Inject
    DemoTasks demoTasks;
    @Inject
    DemoConsultations demoConsultations;
    @Inject
    DemoInspections demoInspections;

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
                onboarding.onboard(request, ACTOR, true);
            } else {
                onboarding.update(request, ACTOR, true);
            }
            String id = request.id();
            seed.importOnce(id, county.resolve("org-units.csv"), "org-units.imported",
                    csv -> orgUnits.importCsv(csv, registry.regionCode(id), ACTOR));
            seed.importOnce(id, county.resolve("residents.csv"), "residents.imported",
                    csv -> residents.importCsv(id, csv, ACTOR, request.isDemo()));
            demoStaff(id, county.resolve("staff.csv"));
            demoContent.apply(id, county, ACTOR);
            demoAppeals.apply(id, county, ACTOR);
            countyWorkflows.apply(id, county, ACTOR);
            demoApprovals.apply(id, county, ACTOR);
            demoServices.apply(id, county, ACTOR);
            demoVillageLog.apply(id, county, ACTOR);
            demoBranch.apply(id, county, ACTOR);
            demoTasks.apply(id, county, ACTOR);
            demoConsultations.apply(id, county, ACTOR);
            demoInspections.apply(id, county, ACTOR);
        } catch (Exception e) {
            LOG.errorf("county descriptor %s not applied: %s", county, e.getMessage());
        }
    }

    /** Demo staff accounts ({@code username,name,role,orgUnit,phone}), all with the password demo123. */
    private void demoStaff(String id, Path file) throws IOException {
        if (!Files.isRegularFile(file)) {
            return;
        }
        List<List<String>> rows = CsvRows.read(Files.readAllBytes(file), STAFF_HEADER);
        scope.run(id, () -> rows.forEach(r -> staff.ensureDemo(new StaffService.NewStaff(r.get(0), r.get(1), r.get(2),
                r.get(3).isEmpty() ? null : r.get(3), r.get(4).isEmpty() ? null : r.get(4)), DEMO_PASSWORD, ACTOR)));
    }
}
