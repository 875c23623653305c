package io.mingjing.platform.audit;

import io.mingjing.platform.feature.DataBoundary;
import io.mingjing.platform.feature.Feature;
import io.mingjing.platform.feature.FeatureManifest;
import io.mingjing.sdk.Changelog;
import io.mingjing.sdk.ModuleManifest;
import io.mingjing.sdk.Names;
import jakarta.enterprise.context.ApplicationScoped;

/** 审计链: the public and the sealed hash chain every write appends to; never switched off. */
@ApplicationScoped
public class AuditFeature implements Feature {

    @Override
    public FeatureManifest manifest() {
        return FeatureManifest.of(ModuleManifest.of("audit", "1.0.0", new Names("审计链", "Audit trail"),
                "The county's public hash chain of every write, and the sealed chain of reports.",
                new Changelog("db/audit.xml")), FeatureManifest.ALWAYS_ON, null, "receipt.", DataBoundary.CLOSED);
    }
}
