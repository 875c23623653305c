package io.mingjing.platform.identity;

import io.mingjing.platform.problem.ProblemException;
import io.quarkus.security.identity.SecurityIdentity;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import java.util.Set;
import org.eclipse.microprofile.jwt.JsonWebToken;

/**
 * The caller of this request, from its token (or a person a county's system work acts as). Which
 * places a caller may act on is {@code orgunit.Places}; this class knows no feature.
 */
@RequestScoped
public class CurrentCaller {

    @Inject
    SecurityIdentity identity;

    private Caller caller;

    public Caller get() {
        if (caller == null) {
            caller = build();
        }
        return caller;
    }

    /**
     * For system work inside a {@code TenantScope} (a county descriptor's demo cases): the rest of this
     * request acts as the given person of that county, with the same checks as their own requests.
     */
    public void actAs(Caller person) {
        caller = person;
    }

    private Caller build() {
        if (identity.isAnonymous() || !(identity.getPrincipal() instanceof JsonWebToken jwt)) {
            return Caller.ANONYMOUS;
        }
        String name = jwt.getClaim("preferred_username");
        return new Caller(jwt.getSubject(), name == null ? jwt.getName() : name, Set.copyOf(identity.getRoles()),
                jwt.getClaim("org_unit"), countyOf(jwt.getIssuer()));
    }

    /** The county whose realm issued the token, from the issuer {@code …/realms/mingjing-<id>}. */
    static String countyOf(String issuer) {
        String marker = "/realms/mingjing-";
        int i = issuer == null ? -1 : issuer.lastIndexOf(marker);
        return i < 0 ? null : issuer.substring(i + marker.length());
    }

    public void requireRole(String... roles) {
        for (String role : roles) {
            if (get().hasRole(role)) {
                return;
            }
        }
        throw new ProblemException(403, "Forbidden", "Your account may not do this.");
    }

}
