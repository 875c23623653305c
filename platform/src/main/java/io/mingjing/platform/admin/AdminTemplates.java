package io.mingjing.platform.admin;

import io.mingjing.platform.feature.Features;
import io.mingjing.platform.portal.Page;
import io.quarkus.arc.Arc;
import io.quarkus.qute.TemplateExtension;

/** What the admin console's layout asks of a page beyond the portal's {@link Page}. */
@TemplateExtension
public final class AdminTemplates {

    private AdminTemplates() {
    }

    /**
     * Whether the menu links the warning thresholds page: only where the warnings feature exists on this
     * platform and the county has it on.
     */
    static boolean warningRules(Page p) {
        Features features = Arc.container().instance(Features.class).get();
        return features.find(AdminAccess.WARNINGS_FEATURE).isPresent()
                && features.isOn(p.tenant(), AdminAccess.WARNINGS_FEATURE);
    }
}
