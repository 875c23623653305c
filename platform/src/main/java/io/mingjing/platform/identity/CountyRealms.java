package io.mingjing.platform.identity;

import io.mingjing.platform.registry.TenantStatus;
import io.mingjing.platform.registry.Tenant;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.annotation.PreDestroy;
import jakarta.transaction.Status;
import jakarta.transaction.Synchronization;
import jakarta.transaction.TransactionSynchronizationRegistry;
import io.mingjing.platform.problem.ProblemException;
import jakarta.ws.rs.WebApplicationException;
import java.util.List;
import java.util.Map;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;
import org.keycloak.admin.client.Keycloak;
import org.keycloak.admin.client.KeycloakBuilder;
import org.keycloak.admin.client.resource.RealmResource;
import org.keycloak.representations.idm.ClientRepresentation;
import org.keycloak.representations.idm.CredentialRepresentation;
import org.keycloak.representations.idm.ProtocolMapperRepresentation;
import org.keycloak.representations.idm.RealmRepresentation;
import org.keycloak.representations.idm.RoleRepresentation;
import org.keycloak.representations.idm.UserRepresentation;
import org.keycloak.representations.userprofile.config.UPConfig;

/**
 * Creates and converges a county's Keycloak realm through the admin API: realm, roles, the three
 * clients, the {@code org_unit} claim and the first tenant admin. Every step checks before it
 * writes, so running it again never duplicates and never deletes.
 */
@ApplicationScoped
public class CountyRealms {

    public static final String PORTAL = "mingjing-portal";
    public static final String API = "mingjing-api";
    public static final String CLI = "mingjing-cli";
    /** The operator realm, and its client for the operator console's code flow. */
    public static final String OPERATOR_REALM = "mingjing-platform";
    public static final String CONSOLE = "mingjing-console";
    static final String PASSWORD_POLICY = "length(8) and maxLength(64) and notUsername() and notEmail()";

    private static final Logger LOG = Logger.getLogger(CountyRealms.class);

    @Inject
    PortalSecrets secrets;
    @Inject
    TransactionSynchronizationRegistry transactions;
    @ConfigProperty(name = "mingjing.keycloak.url")
    String keycloakUrl;
    @ConfigProperty(name = "mingjing.keycloak.admin-username")
    String adminUsername;
    @ConfigProperty(name = "mingjing.keycloak.admin-password")
    String adminPassword;
    @ConfigProperty(name = "mingjing.public-url")
    String publicUrl;
    @ConfigProperty(name = "mingjing.keycloak.cli-direct-grants", defaultValue = "true")
    boolean cliDirectGrants;
    /** Seconds an access token of a county realm is valid: how long a disabled account may still act. */
    @ConfigProperty(name = "mingjing.keycloak.token-seconds", defaultValue = "60")
    int tokenSeconds;

    // Our own client rather than the extension's request-scoped bean: onboarding also runs in
    // background work, where there is no request.
    private volatile Keycloak keycloak;

    private Keycloak keycloak() {
        if (keycloak == null) {
            synchronized (this) {
                if (keycloak == null) {
                    keycloak = KeycloakBuilder.builder().serverUrl(keycloakUrl).realm("master").clientId("admin-cli")
                            .username(adminUsername).password(adminPassword).build();
                }
            }
        }
        return keycloak;
    }

    @PreDestroy
    void close() {
        if (keycloak != null) {
            keycloak.close();
        }
    }

    public static String realmName(String tenantId) {
        return "mingjing-" + tenantId;
    }

    public RealmResource realm(String tenantId) {
        return keycloak().realm(realmName(tenantId));
    }

    /** Brings the county's realm to the described state; {@code adminPassword} null keeps an existing one. */
    public void ensure(Tenant tenant, String adminPassword, boolean temporary) {
        String name = realmName(tenant.id);
        RealmRepresentation realm = find(name);
        if (realm == null) {
            keycloak().realms().create(newRealm(tenant));
        } else {
            realm.setDisplayName(tenant.name);
            Map<String, String> attributes = realm.getAttributes() == null ? new java.util.HashMap<>()
                    : new java.util.HashMap<>(realm.getAttributes());
            attributes.putAll(brandAttributes(tenant));
            realm.setAttributes(attributes);
            realm.setEnabled(tenant.status != TenantStatus.SUSPENDED);
            secure(realm, tenant);
            realm(tenant.id).update(realm);
        }
        RealmResource r = realm(tenant.id);
        ensureRoles(r);
        ensureClient(r, portalClient(tenant), orgUnitMapper(), apiAudience());
        ensureClient(r, apiClient(), orgUnitMapper());
        ensureClient(r, cliClient(), orgUnitMapper(), apiAudience());
        adaptUserProfile(r);
        if (tenant.adminUsername != null) {
            ensureUser(tenant.id, tenant.adminUsername, tenant.adminEmail, tenant.name + "管理员", Role.TENANT_ADMIN,
                    null, null, adminPassword, temporary);
        }
    }

    /**
     * The operator console's confidential client in the operator realm, created or brought up to date;
     * an operator realm imported before the console existed gets it too. Its secret is derived, like a
     * county portal's, so every replica knows it.
     */
    public void ensureConsoleClient() {
        ClientRepresentation c = client(CONSOLE);
        c.setPublicClient(false);
        c.setSecret(secrets.consoleSecret());
        c.setStandardFlowEnabled(true);
        c.setDirectAccessGrantsEnabled(false);
        c.setRedirectUris(List.of(publicUrl + "/console", publicUrl + "/console/*"));
        c.setWebOrigins(List.of(publicUrl));
        c.setRootUrl(publicUrl + "/console/");
        c.setAttributes(new java.util.HashMap<>(Map.of("post.logout.redirect.uris", publicUrl + "/console/*")));
        ensureClient(keycloak().realm(OPERATOR_REALM), c);
    }

    /** Whether the county's realm exists and is enabled; null when it does not exist. */
    public Boolean realmEnabled(String tenantId) {
        RealmRepresentation realm = find(realmName(tenantId));
        return realm == null ? null : realm.isEnabled();
    }

    /** Suspension disables the realm: no new logins, no new tokens. */
    public void enable(String tenantId, boolean enabled) {
        RealmRepresentation realm = find(realmName(tenantId));
        if (realm != null && !Boolean.valueOf(enabled).equals(realm.isEnabled())) {
            realm.setEnabled(enabled);
            realm(tenantId).update(realm);
        }
    }

    /**
     * Creates the user if missing (or updates name, org unit and phone), grants the realm role and,
     * when a password is given, sets it. @return the Keycloak user id
     */
    public String ensureUser(String tenantId, String username, String email, String displayName, String role,
            String orgUnit, String phone, String password, boolean temporary) {
        RealmResource r = realm(tenantId);
        List<UserRepresentation> found = r.users().search(username, true);
        UserRepresentation user = found.isEmpty() ? new UserRepresentation() : found.get(0);
        user.setUsername(username);
        user.setEnabled(true);
        user.setFirstName(displayName);

        if (email != null) {
            user.setEmail(email);
            user.setEmailVerified(true);
        }
        Map<String, List<String>> attributes = user.getAttributes() == null ? new java.util.HashMap<>()
                : new java.util.HashMap<>(user.getAttributes());
        putAttribute(attributes, "org_unit", orgUnit);
        putAttribute(attributes, "phone", phone);
        user.setAttributes(attributes);
        String id;
        if (found.isEmpty()) {
            try (var response = r.users().create(user)) {
                if (response.getStatus() != 201) {
                    throw new ProblemException(422, "Unprocessable Content", "The account '" + username
                            + "' could not be created (identity server answered " + response.getStatus() + ").");
                }
                String location = response.getLocation().getPath();
                id = location.substring(location.lastIndexOf('/') + 1);
            }
            undoOnRollback(tenantId, id);
        } else {
            id = user.getId();
            r.users().get(id).update(user);
        }
        RoleRepresentation realmRole = r.roles().get(role).toRepresentation();
        r.users().get(id).roles().realmLevel().add(List.of(realmRole));
        if (password != null) {
            password(r, id, password, temporary);
        }
        return id;
    }

    /** A password the user must change at their next login (a tenant admin's reset). */
    public void resetPassword(String tenantId, String userId, String password) {
        password(realm(tenantId), userId, password, true);
    }

    /** The user's own new password; one the county's password policy refuses is a 400 on {@code password}. */
    public void setPassword(String tenantId, String userId, String password) {
        password(realm(tenantId), userId, password, false);
    }

    private static void password(RealmResource r, String userId, String password, boolean temporary) {
        CredentialRepresentation credential = new CredentialRepresentation();
        credential.setType(CredentialRepresentation.PASSWORD);
        credential.setValue(password);
        credential.setTemporary(temporary);
        try {
            r.users().get(userId).resetPassword(credential);
        } catch (WebApplicationException e) {
            if (e.getResponse().getStatus() != 400) {
                throw e;
            }
            throw ProblemException.invalid(400, "Choose another password.", Map.of("password",
                    "must be 8-64 characters and not the username or e-mail"));
        }
    }

    /**
     * Keycloak takes no part in our transactions: an account created for a row that is then rolled
     * back (a later row of the same file was refused, the commit failed) is deleted again, so a
     * rejected file leaves no account behind.
     */
    private void undoOnRollback(String tenantId, String userId) {
        if (transactions.getTransactionStatus() != Status.STATUS_ACTIVE) {
            return;
        }
        transactions.registerInterposedSynchronization(new Synchronization() {
            @Override
            public void beforeCompletion() {
            }

            @Override
            public void afterCompletion(int status) {
                if (status != Status.STATUS_COMMITTED) {
                    deleteUser(tenantId, userId);
                }
            }
        });
    }

    private void deleteUser(String tenantId, String userId) {
        try (var response = realm(tenantId).users().delete(userId)) {
            if (response.getStatus() >= 300 && response.getStatus() != 404) {
                LOG.errorf("account %s of county %s outlived its rolled-back import: HTTP %d", userId, tenantId,
                        response.getStatus());
            }
        }
    }

    public void disableUser(String tenantId, String userId) {
        var user = realm(tenantId).users().get(userId);
        UserRepresentation rep = user.toRepresentation();
        rep.setEnabled(false);
        user.update(rep);
    }

    private static void putAttribute(Map<String, List<String>> attributes, String key, String value) {
        if (value != null && !value.isBlank()) {
            attributes.put(key, List.of(value));
        }
    }

    private RealmRepresentation find(String name) {
        try {
            return keycloak().realm(name).toRepresentation();
        } catch (WebApplicationException e) {
            if (e.getResponse().getStatus() == 404) {
                return null;
            }
            throw e;
        }
    }

    private RealmRepresentation newRealm(Tenant tenant) {
        RealmRepresentation realm = new RealmRepresentation();
        realm.setRealm(realmName(tenant.id));
        realm.setDisplayName(tenant.name);
        realm.setEnabled(true);
        realm.setSslRequired("external");
        realm.setLoginTheme("mingjing");
        realm.setInternationalizationEnabled(true);
        realm.setSupportedLocales(java.util.Set.of("zh-CN", "en"));
        realm.setDefaultLocale("zh-CN");
        realm.setRegistrationAllowed(false);
        realm.setAttributes(brandAttributes(tenant));
        secure(realm, tenant);
        return realm;
    }

    /**
     * Token lifetime, lockout and password rules of a county realm.
     * <ul>
     * <li>Access tokens live 60 s ({@code mingjing.keycloak.token-seconds}): a disabled account (or a
     * suspended county) is refused within a minute everywhere, with no revocation list to keep; the
     * portal refreshes its token quietly.</li>
     * <li>Lockout only after many failures and never for long, no permanent lockout and no
     * quick-login lock: usernames are phone numbers anyone can know, so a few wrong passwords must
     * not lock a villager or cadre out. Guessing stays useless through the password policy and
     * one-time activation codes instead of ID digits.</li>
     * <li>A password of 8-64 characters that is not the username or e-mail; demo counties keep their
     * documented short passwords and get no policy.</li>
     * </ul>
     */
    private void secure(RealmRepresentation realm, Tenant tenant) {
        realm.setAccessTokenLifespan(tokenSeconds);
        realm.setBruteForceProtected(true);
        realm.setPermanentLockout(false);
        realm.setFailureFactor(30);
        realm.setWaitIncrementSeconds(60);
        realm.setMaxFailureWaitSeconds(60);
        realm.setQuickLoginCheckMilliSeconds(0L);
        realm.setMinimumQuickLoginWaitSeconds(0);
        realm.setMaxDeltaTimeSeconds(15 * 60);
        realm.setPasswordPolicy(tenant.demo ? "" : PASSWORD_POLICY);
    }

    private static void ensureRoles(RealmResource r) {
        var existing = r.roles().list().stream().map(RoleRepresentation::getName).toList();
        for (String role : Role.COUNTY_ROLES) {
            if (!existing.contains(role)) {
                r.roles().create(new RoleRepresentation(role, null, false));
            }
        }
    }

    /** Creates or updates the client, then adds the mappers it lacks (by name; existing ones stay). */
    private static void ensureClient(RealmResource r, ClientRepresentation wanted, ProtocolMapperRepresentation... mappers) {
        List<ClientRepresentation> found = r.clients().findByClientId(wanted.getClientId());
        if (found.isEmpty()) {
            r.clients().create(wanted).close();
            found = r.clients().findByClientId(wanted.getClientId());
        } else {
            wanted.setId(found.get(0).getId());
            r.clients().get(wanted.getId()).update(wanted);
        }
        var client = r.clients().get(found.get(0).getId()).getProtocolMappers();
        var present = client.getMappers().stream().map(ProtocolMapperRepresentation::getName).toList();
        for (ProtocolMapperRepresentation m : mappers) {
            if (!present.contains(m.getName())) {
                client.createMapper(m).close();
            }
        }
    }

    private ClientRepresentation portalClient(Tenant tenant) {
        ClientRepresentation c = client(PORTAL);
        c.setPublicClient(false);
        c.setSecret(secrets.portalSecret(tenant.id));
        c.setStandardFlowEnabled(true);
        c.setDirectAccessGrantsEnabled(false);
        c.setRedirectUris(List.of(publicUrl + "/t/" + tenant.id + "/*"));
        c.setWebOrigins(List.of(publicUrl));
        c.setRootUrl(publicUrl + "/t/" + tenant.id + "/");
        // the login page's way back to the portal and to the activation page (the theme reads it)
        c.setBaseUrl(publicUrl + "/t/" + tenant.id + "/");
        Map<String, String> attributes = brandAttributes(tenant);
        attributes.put("post.logout.redirect.uris", publicUrl + "/t/" + tenant.id + "/*");
        c.setAttributes(attributes);
        return c;
    }

    /** What the {@code mingjing} login theme reads to brand a county's login page. */
    private static Map<String, String> brandAttributes(Tenant tenant) {
        Map<String, String> attributes = new java.util.HashMap<>();
        attributes.put("mingjing.color", tenant.branding.getOrDefault("primaryColor", "#b03a2e"));
        attributes.put("mingjing.platformName", tenant.branding.getOrDefault("platformName", ""));
        attributes.put("mingjing.motto", tenant.branding.getOrDefault("motto", ""));
        return attributes;
    }

    private static ClientRepresentation apiClient() {
        ClientRepresentation c = client(API);
        c.setBearerOnly(true);
        c.setPublicClient(false);
        c.setStandardFlowEnabled(false);
        return c;
    }

    private ClientRepresentation cliClient() {
        ClientRepresentation c = client(CLI);
        c.setPublicClient(true);
        c.setStandardFlowEnabled(false);
        c.setDirectAccessGrantsEnabled(cliDirectGrants);
        return c;
    }

    private static ClientRepresentation client(String clientId) {
        ClientRepresentation c = new ClientRepresentation();
        c.setClientId(clientId);
        c.setName(clientId);
        c.setEnabled(true);
        c.setProtocol("openid-connect");
        return c;
    }

    /**
     * Names the API as the audience of access tokens of the portal and the CLI client, so the API can
     * refuse tokens minted for any other client of the realm.
     */
    private static ProtocolMapperRepresentation apiAudience() {
        ProtocolMapperRepresentation m = new ProtocolMapperRepresentation();
        m.setName("api-audience");
        m.setProtocol("openid-connect");
        m.setProtocolMapper("oidc-audience-mapper");
        m.setConfig(Map.of("included.client.audience", API, "access.token.claim", "true", "id.token.claim", "false",
                "introspection.token.claim", "true"));
        return m;
    }

    /** Puts the user's {@code org_unit} attribute into access and ID tokens. */
    private static ProtocolMapperRepresentation orgUnitMapper() {
        ProtocolMapperRepresentation m = new ProtocolMapperRepresentation();
        m.setName("org_unit");
        m.setProtocol("openid-connect");
        m.setProtocolMapper("oidc-usermodel-attribute-mapper");
        m.setConfig(Map.of("user.attribute", "org_unit", "claim.name", "org_unit", "jsonType.label", "String",
                "access.token.claim", "true", "id.token.claim", "true", "userinfo.token.claim", "true"));
        return m;
    }

    /**
     * Keycloak's declarative user profile drops unknown attributes and asks every user for a first
     * name, last name and e-mail. Villagers have a phone and a (single) Chinese name: org_unit and
     * phone are admin-managed attributes, and only the name is asked for.
     */
    private static void adaptUserProfile(RealmResource r) {
        UPConfig config = r.users().userProfile().getConfiguration();
        boolean changed = config.getUnmanagedAttributePolicy() != UPConfig.UnmanagedAttributePolicy.ADMIN_EDIT;
        config.setUnmanagedAttributePolicy(UPConfig.UnmanagedAttributePolicy.ADMIN_EDIT);
        for (var attribute : config.getAttributes()) {
            if (List.of("email", "lastName").contains(attribute.getName()) && attribute.getRequired() != null) {
                attribute.setRequired(null);
                changed = true;
            }
        }
        if (changed) {
            r.users().userProfile().update(config);
        }
    }
}
