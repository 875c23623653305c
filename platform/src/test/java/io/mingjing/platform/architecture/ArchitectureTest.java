package io.mingjing.platform.architecture;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;
import static org.junit.jupiter.api.Assertions.assertEquals;

import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.properties.CanBeAnnotated;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;
import jakarta.ws.rs.Path;
import java.io.IOException;
import java.nio.file.Files;
import java.util.List;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/** The platform's packages depend one way: the house stays a house as features are added. */
@AnalyzeClasses(packages = "io.mingjing.platform", importOptions = ImportOption.DoNotIncludeTests.class)
class ArchitectureTest {

    /** What every feature stands on; none of it may know a feature. */
    private static final String[] GROUND = { "..platform.problem..", "..platform.sql..", "..platform.csv..",
            "..platform.file..", "..platform.audit..", "..platform.registry..", "..platform.tenancy..",
            "..platform.identity..", "..platform.input..", "..platform.web..", "..platform.limit..", "..platform.event..", "..platform.jobs..",
            "..platform.feature..", "..platform.clock..", "..platform.secure..", "..platform.figure..", "..platform.workflow..",
            "..platform.sample..", "..platform.seed.." };
    private static final String[] FEATURES = { "..platform.appeal..", "..platform.cockpit..", "..platform.disclosure..",
            "..platform.payment..", "..platform.policy..", "..platform.notice..", "..platform.powerlist..",
            "..platform.villagepost..", "..platform.approval..", "..platform.warning..", "..platform.service..", "..platform.consultation..", "..platform.task..", "..platform.villagelog..", "..platform.branch..", "..platform.push..", "..platform.resident..", "..platform.staff..", "..platform.inbox..",
            "..platform.portal..", "..platform.plugin..", "..platform.descriptor..", "..platform.onboarding..",
            "..platform.console..", "..platform.admin..", "..platform.inspection.." };

    @ArchTest
    static final ArchRule packagesFormNoCycle = slices().matching("io.mingjing.platform.(*)..").should()
            .beFreeOfCycles();

    @ArchTest
    static final ArchRule theGroundKnowsNoFeature = noClasses().that().resideInAnyPackage(GROUND).should()
            .dependOnClassesThat().resideInAnyPackage(FEATURES);

    /** Resources answer HTTP; what they know is in services, which other packages call instead. */
    @ArchTest
    static final ArchRule resourcesAreNotCalledAsServices = noClasses().that().areNotAnnotatedWith(Path.class)
            .and().areNotNestedClasses().should().dependOnClassesThat(
                    JavaClass.Predicates.resideInAPackage("io.mingjing.platform..")
                            .and(CanBeAnnotated.Predicates.annotatedWith(Path.class)));

    private static final Pattern INLINE_NAME = Pattern.compile("\\bio\\.mingjing\\.platform\\.[a-z]+\\.[A-Z]");

    /** An import says what a class depends on; an inline fully-qualified name hides it. */
    @Test
    void noInlineFullyQualifiedNamesOfOurOwnClasses() throws IOException {
        List<String> found;
        try (Stream<java.nio.file.Path> files = Files.walk(java.nio.file.Path.of("src/main/java"))) {
            found = files.filter(f -> f.toString().endsWith(".java")).flatMap(ArchitectureTest::inlineNames).toList();
        }
        assertEquals(List.of(), found);
    }

    private static Stream<String> inlineNames(java.nio.file.Path file) {
        try {
            return Files.readAllLines(file).stream().filter(l -> !l.startsWith("import ") && !l.startsWith("package "))
                    .filter(l -> INLINE_NAME.matcher(l).find()).map(l -> file.getFileName() + ": " + l.strip());
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }
}
