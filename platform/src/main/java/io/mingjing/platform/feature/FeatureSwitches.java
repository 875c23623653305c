package io.mingjing.platform.feature;

import java.util.Map;

/**
 * Whether a county has switched a built-in feature off, answered from memory on every request. The
 * registry's {@code tenant_module} rows say it (no row means on); the module runtime, which keeps
 * them cached for plugins anyway, provides the bean, so features and the portal ask here without
 * knowing the runtime.
 */
public interface FeatureSwitches {

    /** @return false only when a county admin or the operator switched the module off in the county */
    boolean on(String county, String module);

    /**
     * The settings a county admin stored for a built-in feature (validated against its manifest's
     * settings when stored); keys never set are absent, so the feature applies its manifest's default.
     */
    default Map<String, Object> settings(String county, String feature) {
        return Map.of();
    }
}
