package io.mingjing.platform.admin;

import io.mingjing.platform.identity.Caller;
import io.mingjing.platform.identity.CurrentCaller;
import io.mingjing.platform.identity.Role;
import io.mingjing.platform.portal.Page;
import io.mingjing.platform.portal.PortalContext;
import io.mingjing.platform.problem.ProblemException;
import io.mingjing.platform.tenancy.CurrentTenant;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;

/**
 * Who may use a county's admin console: that county's tenant admin, logged in through that county's
 * realm. Every admin page asks here first.
 */
@RequestScoped
public class AdminAccess {

    /**
     * Where the warning thresholds page lives (built with the warnings feature), relative to the county's
     * portal root; the menu links it when the county has that feature on.
     */
    public static final String WARNING_RULES = "/staff/warnings/rules";
    public static final String WARNINGS_FEATURE = "warnings";

    @Inject
    CurrentCaller caller;
    @Inject
    CurrentTenant tenant;
    @Inject
    PortalContext ctx;

    /** The page of an admin console request; a 403 for anyone but this county's tenant admin. */
    public Page page() {
        Caller c = caller.get();
        if (!c.hasRole(Role.TENANT_ADMIN) || !tenant.require().equals(c.county())) {
            throw new ProblemException(403, "Forbidden", "Only this county's administrators use its admin console.");
        }
        return ctx.page(null);
    }

    public String actor() {
        return caller.get().actor();
    }

    public String county() {
        return tenant.require();
    }
}
