package io.mingjing.platform.registry;

public enum TenantStatus {
    PROVISIONING, ACTIVE, SUSPENDED, FAILED
}
