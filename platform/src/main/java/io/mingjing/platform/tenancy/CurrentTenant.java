package io.mingjing.platform.tenancy;

import jakarta.enterprise.context.RequestScoped;

/**
 * The county a request or a background task works for. Set once by {@link TenantPathFilter} from the
 * path, or by {@link TenantScope#run} for background work; empty means the platform registry.
 */
@RequestScoped
public class CurrentTenant {

    private String id;

    public String id() {
        return id;
    }

    void set(String id) {
        if (this.id != null && !this.id.equals(id)) {
            throw new IllegalStateException("county already chosen for this scope");
        }
        this.id = id;
    }

    public boolean isSet() {
        return id != null;
    }

    public String require() {
        if (id == null) {
            throw new IllegalStateException("no county in scope");
        }
        return id;
    }
}
