package io.mingjing.platform.onboarding;

import io.mingjing.platform.registry.TenantStatus;
import io.mingjing.platform.registry.Tenant;
import com.fasterxml.jackson.annotation.JsonInclude;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/** A county as the operator API shows it. */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record TenantView(String id, String name, String regionCode, TenantStatus status, String failureReason,
        int schemaVersion, List<String> modules, Map<String, String> branding, Instant createdAt, Instant updatedAt,
        String adminUsername, String adminInitialPassword) {

    static TenantView of(Tenant t, List<String> modules) {
        return new TenantView(t.id, t.name, t.regionCode, t.status, t.failureReason, t.schemaVersion, modules,
                t.branding, t.createdAt, t.updatedAt, t.adminUsername, null);
    }

    /** Shown once, in the answer to the onboarding that set it. */
    TenantView withAdminPassword(String password) {
        return new TenantView(id, name, regionCode, status, failureReason, schemaVersion, modules, branding, createdAt,
                updatedAt, adminUsername, password);
    }
}
