package io.mingjing.platform.approval;

import io.mingjing.platform.tenancy.TenantScope;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.stream.Stream;

/**
 * A county's own workflow definitions in its descriptor ({@code workflows/KIND.yaml}, in the shape of the
 * platform's defaults), applied before its demo approvals so those are filed under them.
 */
@ApplicationScoped
public class CountyWorkflows {

    @Inject
    TenantScope scope;
    @Inject
    Workflows workflows;

    /** @throws IllegalStateException naming the file and the fields of a definition that cannot run */
    public void apply(String tenant, Path county, String actor) throws IOException {
        Path dir = county.resolve("workflows");
        if (!Files.isDirectory(dir)) {
            return;
        }
        List<Path> files;
        try (Stream<Path> list = Files.list(dir)) {
            files = list.filter(f -> f.getFileName().toString().endsWith(".yaml")).sorted().toList();
        }
        for (Path f : files) {
            ApprovalKind kind = kindOf(f);
            WorkflowDefinition d = Workflows.YAML.readValue(f.toFile(), WorkflowDefinition.class);
            Workflows.requireValid(d, kind, f.toString());
            scope.run(tenant, () -> workflows.fromDescriptor(kind, d, actor));
        }
    }

    private static ApprovalKind kindOf(Path f) {
        String name = f.getFileName().toString().replaceFirst("\\.yaml$", "").toUpperCase(Locale.ROOT);
        try {
            return ApprovalKind.valueOf(name);
        } catch (IllegalArgumentException e) {
            throw new IllegalStateException(f + ": the file is named after no kind of approval; one of "
                    + List.of(ApprovalKind.values()));
        }
    }
}
