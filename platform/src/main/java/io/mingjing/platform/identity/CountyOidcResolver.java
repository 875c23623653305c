package io.mingjing.platform.identity;

import io.mingjing.platform.registry.TenantRegistry;
import io.mingjing.platform.tenancy.CountyPath;
import io.quarkus.oidc.OidcRequestContext;
import io.quarkus.oidc.OidcTenantConfig;
import io.quarkus.oidc.TenantConfigResolver;
import io.quarkus.oidc.runtime.OidcTenantConfig.ApplicationType;
import io.smallrye.mutiny.Uni;
import io.smallrye.mutiny.infrastructure.Infrastructure;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Maps a county path to that county's realm: bearer tokens on {@code /api/t/{id}/…}, the code flow
 * with a session cookie scoped to {@code /t/{id}} on the portal. Other paths use the operator realm.
 * A county path never falls back to the operator realm: an unknown county gets a disabled config
 * (no identity at all), and a non-canonical one never gets here ({@link CountyPath}). A config is
 * built once per county and dropped when the county changes.
 */
@ApplicationScoped
public class CountyOidcResolver implements TenantConfigResolver {

    @Inject
    TenantRegistry registry;
    @Inject
    PortalSecrets secrets;
    @Inject
    CountyRealms realms;
    @ConfigProperty(name = "mingjing.keycloak.url")
    String keycloak;

    private static final String CONSOLE = "console";

    private static final OidcTenantConfig NO_REALM = OidcTenantConfig.builder().tenantId("no-county")
            .tenantEnabled(false).build();

    private final Map<String, OidcTenantConfig> configs = new ConcurrentHashMap<>();

    @Override
    public Uni<OidcTenantConfig> resolve(RoutingContext context, OidcRequestContext<OidcTenantConfig> request) {
        CountyPath path = CountyPath.of(context.request().path());
        if (isConsole(context.request().path())) {
            return console();
        }
        if (!path.isCounty() && !path.invalid()) {
            return null;
        }
        String id = path.county();
        if (path.invalid() || registry.find(id).isEmpty()) {
            return Uni.createFrom().item(NO_REALM); // the path filter answers 404
        }
        return Uni.createFrom().item(configs.computeIfAbsent((path.api() ? "api-" : "portal-") + id,
                key -> path.api() ? api(id) : portal(id)));
    }

    /** The operator console's pages: {@code /console} and below. */
    public static boolean isConsole(String path) {
        return path != null && (path.equals("/console") || path.startsWith("/console/"));
    }

    /**
     * The operator realm's code flow, with its own session cookie on {@code /console}. The console's
     * client is made sure of once, on a worker thread (the admin API blocks), before the first login.
     */
    private Uni<OidcTenantConfig> console() {
        OidcTenantConfig known = configs.get(CONSOLE);
        if (known != null) {
            return Uni.createFrom().item(known);
        }
        return Uni.createFrom().item(() -> configs.computeIfAbsent(CONSOLE, key -> {
            realms.ensureConsoleClient();
            return consoleConfig();
        })).runSubscriptionOn(Infrastructure.getDefaultWorkerPool());
    }

    private OidcTenantConfig consoleConfig() {
        return OidcTenantConfig.authServerUrl(keycloak + "/realms/" + CountyRealms.OPERATOR_REALM).tenantId(CONSOLE)
                .applicationType(ApplicationType.WEB_APP).clientId(CountyRealms.CONSOLE)
                .credentials(secrets.consoleSecret())
                .authentication().cookiePath("/console").end()
                .token().refreshExpired(true).end()
                .roles().source(io.quarkus.oidc.runtime.OidcTenantConfig.Roles.Source.accesstoken).end()
                .logout().path("/console/logout").postLogoutPath("/console/").end().build();
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
     * sent to Keycloak for introspection, so forged tokens cost Keycloak nothing. Only access tokens
     * ({@code typ: Bearer}) for the API audience are accepted, which only the county's portal and CLI
     * clients put in their tokens: an ID token, or a token minted for another client of the realm
     * (account console, admin-cli), is refused.
     */
    private OidcTenantConfig api(String id) {
        return OidcTenantConfig.authServerUrl(issuer(id)).tenantId("api-" + id)
                .applicationType(ApplicationType.SERVICE).clientId(CountyRealms.API)
                .token().allowJwtIntrospection(false).allowOpaqueTokenIntrospection(false)
                .tokenType("Bearer").audience(CountyRealms.API).end().build();
    }

    private OidcTenantConfig portal(String id) {
        return OidcTenantConfig.authServerUrl(issuer(id)).tenantId("portal-" + id)
                .applicationType(ApplicationType.WEB_APP).clientId(CountyRealms.PORTAL)
                .credentials(secrets.portalSecret(id))
                .authentication().cookiePath("/t/" + id).end()
                // access tokens live 60 s (a disabled account is out within a minute): refresh quietly
                .token().refreshExpired(true).end()
                // realm roles are in the access token only: portal pages decide with them too (F4)
                .roles().source(io.quarkus.oidc.runtime.OidcTenantConfig.Roles.Source.accesstoken).end()
                .logout().path("/t/" + id + "/logout").postLogoutPath("/t/" + id + "/").end().build();
    }
}
