package io.mingjing.platform.tenancy;

import io.quarkus.arc.Arc;
import io.quarkus.hibernate.orm.PersistenceUnitExtension;
import io.quarkus.hibernate.orm.runtime.tenant.TenantResolver;
import jakarta.enterprise.context.ApplicationScoped;

/** Tells Hibernate which county schema the current scope works in. */
@PersistenceUnitExtension
@ApplicationScoped
public class PathTenantResolver implements TenantResolver {

    /** Not a county id: sessions opened without a county get a connection that sees no county tables. */
    static final String NONE = "-";

    @Override
    public String getDefaultTenantId() {
        return NONE;
    }

    @Override
    public String resolveTenantId() {
        var request = Arc.container().requestContext();
        if (!request.isActive()) {
            return NONE;
        }
        CurrentTenant current = Arc.container().instance(CurrentTenant.class).get();
        return current.isSet() ? current.id() : NONE;
    }
}
