package io.mingjing.platform.plugin;

import io.mingjing.platform.identity.Caller;
import io.quarkus.security.identity.SecurityIdentity;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.Set;
import org.eclipse.microprofile.jwt.JsonWebToken;

/**
 * TEMPORARY until F2 produces {@link Caller} per request: builds one from the security identity.
 * The county is the realm that issued the token ({@code mingjing-<county>}); a token from another
 * county's realm, or from the operator realm, carries no county roles here.
 */
@ApplicationScoped
public class PluginCallers {

    private static final String REALM_PREFIX = "/realms/mingjing-";

    @Inject
    SecurityIdentity identity;

    public Caller caller() {
        if (identity.isAnonymous()) {
            return Caller.ANONYMOUS;
        }
        String county = null;
        String name = identity.getPrincipal().getName();
        String orgUnit = null;
        if (identity.getPrincipal() instanceof JsonWebToken jwt) {
            String issuer = jwt.getIssuer();
            int at = issuer == null ? -1 : issuer.indexOf(REALM_PREFIX);
            county = at < 0 ? null : issuer.substring(at + REALM_PREFIX.length());
            county = "platform".equals(county) ? null : county;
            name = jwt.getClaim("preferred_username") != null ? jwt.getClaim("preferred_username") : name;
            orgUnit = jwt.getClaim("org_unit");
        }
        return new Caller(identity.getPrincipal().getName(), name, Set.copyOf(identity.getRoles()), orgUnit, county);
    }

    /** The caller as a module in {@code county} sees it: a login of another county counts as anonymous. */
    io.mingjing.sdk.Caller forModule(String county) {
        Caller c = caller();
        if (c.anonymous()) {
            return io.mingjing.sdk.Caller.ANONYMOUS;
        }
        if (c.county() == null || !c.county().equals(county)) {
            // operators and other counties' accounts: known, but without roles in this county
            return new io.mingjing.sdk.Caller(c.userId(), c.displayName(), Set.of(), null, c.county());
        }
        return new io.mingjing.sdk.Caller(c.userId(), c.displayName(), c.roles(), c.orgUnit(), c.county());
    }
}
