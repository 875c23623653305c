package io.mingjing.platform.onboarding;

import io.mingjing.platform.registry.TenantModule;
import io.mingjing.platform.registry.Tenant;
import io.mingjing.platform.problem.ProblemException;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/** Registry queries shared by onboarding, the operator API and descriptors. */
final class Tenants {

    private Tenants() {
    }

    static Tenant require(String id) {
        Tenant t = Tenant.findById(id);
        if (t == null) {
            throw ProblemException.notFound("No county '" + id + "'.");
        }
        return t;
    }

    static Map<String, String> branding(OnboardingRequest.Branding b) {
        Map<String, String> map = new LinkedHashMap<>();
        if (b != null) {
            putIfSet(map, "primaryColor", b.primaryColor());
            putIfSet(map, "motto", b.motto());
            putIfSet(map, "platformName", b.platformName());
            putIfSet(map, "logo", b.logo());
        }
        return map;
    }

    private static void putIfSet(Map<String, String> map, String key, String value) {
        if (value != null && !value.isBlank()) {
            map.put(key, value);
        }
    }

    /**
     * Marks modules enabled; never disables one a county admin switched on. A plugin module's tables
     * are created by the plugin runtime before it first serves the county (ModuleEnabling).
     */
    static void enable(String tenantId, List<String> modules) {
        if (modules == null) {
            return;
        }
        for (String moduleId : modules) {
            var key = new TenantModule.Key(tenantId, moduleId);
            TenantModule tm = TenantModule.findById(key);
            boolean created = tm == null;
            if (created) {
                tm = new TenantModule();
                tm.key = key;
            }
            tm.enabled = true;
            tm.updatedAt = Instant.now();
            // persisted once complete: the insert may be flushed at once, before later field writes
            if (created) {
                tm.persist();
            }
        }
    }

    /** Enabled module ids per county, in one query. */
    static Map<String, List<String>> enabledModules() {
        return TenantModule.<TenantModule>list("enabled = true order by key.moduleId").stream()
                .collect(Collectors.groupingBy(tm -> tm.key.tenantId(),
                        Collectors.mapping(tm -> tm.key.moduleId(), Collectors.toList())));
    }
}
