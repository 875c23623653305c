package io.mingjing.platform.identity;

import io.mingjing.platform.registry.TenantRegistry;
import io.mingjing.platform.tenancy.TenantIds;
import io.mingjing.platform.tenancy.TenantPathFilter;
import io.quarkus.oidc.OidcRequestContext;
import io.quarkus.oidc.OidcTenantConfig;
import io.quarkus.oidc.TenantConfigResolver;
import io.quarkus.oidc.runtime.OidcTenantConfig.ApplicationType;
import io.smallrye.mutiny.Uni;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Maps a county path to that county's realm: bearer tokens on {@code /api/t/{id}/…}, the code flow
 * with a session cookie scoped to {@code /t/{id}} on the portal. Other paths use the operator realm.
 * A config is built once per county and dropped when the county changes.
 */
@ApplicationScoped
public class CountyOidcResolver implements TenantConfigResolver {

    @Inject
    TenantRegistry registry;
    @Inject
    PortalSecrets secrets;
    @ConfigProperty(name = "mingjing.keycloak.url")
    String keycloak;

    private final Map<String, OidcTenantConfig> configs = new ConcurrentHashMap<>();

    @Override
    public Uni<OidcTenantConfig> resolve(RoutingContext context, OidcRequestContext<OidcTenantConfig> request) {
        List<String> segments = Arrays.stream(context.normalizedPath().split("/")).filter(s -> !s.isEmpty()).toList();
        String id = TenantPathFilter.tenantSegment(segments);
        if (id == null) {
            return null;
        }
        if (!TenantIds.isValid(id) || registry.find(id).isEmpty()) {
            return null; // the path filter answers 404; no county realm is consulted for it
        }
        boolean portal = segments.get(0).equals("t");
        return Uni.createFrom().item(configs.computeIfAbsent((portal ? "portal-" : "api-") + id,
                key -> portal ? portal(id) : api(id)));
    }

    /** Called when a county is onboarded again, suspended or resumed. */
    public void forget(String id) {
        configs.remove("portal-" + id);
        configs.remove("api-" + id);
    }

    private String issuer(String id) {
        return keycloak + "/realms/" + CountyRealms.realmName(id);
    }

    /**
     * Tokens are verified locally against the realm's cached keys; one that fails is refused, never
     * sent to Keycloak for introspection, so forged tokens cost Keycloak nothing.
     */
    private OidcTenantConfig api(String id) {
        return OidcTenantConfig.authServerUrl(issuer(id)).tenantId("api-" + id)
                .applicationType(ApplicationType.SERVICE).clientId(CountyRealms.API)
                .token().allowJwtIntrospection(false).allowOpaqueTokenIntrospection(false).end().build();
    }

    private OidcTenantConfig portal(String id) {
        return OidcTenantConfig.authServerUrl(issuer(id)).tenantId("portal-" + id)
                .applicationType(ApplicationType.WEB_APP).clientId(CountyRealms.PORTAL)
                .credentials(secrets.portalSecret(id))
                .authentication().cookiePath("/t/" + id).end()
                // realm roles are in the access token only: portal pages decide with them too (F4)
                .roles().source(io.quarkus.oidc.runtime.OidcTenantConfig.Roles.Source.accesstoken).end()
                .logout().path("/t/" + id + "/logout").postLogoutPath("/t/" + id + "/").end().build();
    }
}
