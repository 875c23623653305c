package io.mingjing.platform.identity;

import io.mingjing.platform.registry.Tenant;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.annotation.PreDestroy;
import jakarta.ws.rs.WebApplicationException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.eclipse.microprofile.config.inject.ConfigProperty;
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

    @Inject
    PortalSecrets secrets;
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
            realm.setEnabled(tenant.status != io.mingjing.platform.registry.TenantStatus.SUSPENDED);
            realm(tenant.id).update(realm);
        }
        RealmResource r = realm(tenant.id);
        ensureRoles(r);
        ensureClient(r, portalClient(tenant));
        ensureClient(r, apiClient());
        ensureClient(r, cliClient());
        adaptUserProfile(r);
        if (tenant.adminUsername != null) {
            ensureUser(tenant.id, tenant.adminUsername, tenant.adminEmail, tenant.name + "管理员", Role.TENANT_ADMIN,
                    null, null, adminPassword, temporary);
        }
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
                    throw new IllegalStateException("Keycloak refused user " + username + ": HTTP " + response.getStatus());
                }
                String location = response.getLocation().getPath();
                id = location.substring(location.lastIndexOf('/') + 1);
            }
        } else {
            id = user.getId();
            r.users().get(id).update(user);
        }
        RoleRepresentation realmRole = r.roles().get(role).toRepresentation();
        r.users().get(id).roles().realmLevel().add(List.of(realmRole));
        if (password != null) {
            CredentialRepresentation credential = new CredentialRepresentation();
            credential.setType(CredentialRepresentation.PASSWORD);
            credential.setValue(password);
            credential.setTemporary(temporary);
            r.users().get(id).resetPassword(credential);
        }
        return id;
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
        realm.setBruteForceProtected(true);
        realm.setAccessTokenLifespan(300);
        realm.setRegistrationAllowed(false);
        realm.setAttributes(brandAttributes(tenant));
        return realm;
    }

    private static void ensureRoles(RealmResource r) {
        var existing = r.roles().list().stream().map(RoleRepresentation::getName).toList();
        for (String role : Role.COUNTY_ROLES) {
            if (!existing.contains(role)) {
                r.roles().create(new RoleRepresentation(role, null, false));
            }
        }
    }

    private static void ensureClient(RealmResource r, ClientRepresentation wanted) {
        List<ClientRepresentation> found = r.clients().findByClientId(wanted.getClientId());
        if (found.isEmpty()) {
            r.clients().create(wanted).close();
        } else {
            wanted.setId(found.get(0).getId());
            wanted.setProtocolMappers(null); // mappers are added at creation; updating them in place is not supported
            r.clients().get(wanted.getId()).update(wanted);
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
        c.setProtocolMappers(new ArrayList<>(List.of(orgUnitMapper())));
        return c;
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
