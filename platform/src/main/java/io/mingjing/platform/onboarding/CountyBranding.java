package io.mingjing.platform.onboarding;

import io.mingjing.platform.audit.AuditLog;
import io.mingjing.platform.file.FileKinds;
import io.mingjing.platform.identity.CountyOidcResolver;
import io.mingjing.platform.identity.CountyRealms;
import io.mingjing.platform.problem.ProblemException;
import io.mingjing.platform.registry.CountyLogo;
import io.mingjing.platform.registry.Tenant;
import io.mingjing.platform.registry.TenantRegistry;
import io.mingjing.platform.secure.Digests;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.mingjing.platform.tenancy.TenantScope;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * A county admin's branding of their portal and login page: name, colour, platform name, motto and
 * logo. The registry holds it (as onboarding wrote it) and the county's realm repeats what its login
 * theme shows. A county kept in a descriptor gets the descriptor's words back when it is applied again.
 */
@ApplicationScoped
public class CountyBranding {

    /** A logo is shown 40 px high on a cheap phone: a few dozen kilobytes is plenty. */
    public static final int MAX_LOGO_BYTES = 200 * 1024;
    /** The branding key the portal's layout reads the logo's address from. */
    public static final String LOGO_URL = "logoUrl";

    @Inject
    TenantRegistry registry;
    @Inject
    CountyRealms realms;
    @Inject
    CountyOidcResolver oidc;
    @Inject
    TenantScope scope;
    @Inject
    AuditLog audit;

    /** The county's name and branding words; validated by the caller against {@link OnboardingRequest}'s rules. */
    public void rebrand(String id, String name, OnboardingRequest.Branding words, String actor) {
        Tenant t = QuarkusTransaction.requiringNew().call(() -> {
            Tenant row = Tenants.require(id);
            Map<String, String> branding = new LinkedHashMap<>(Tenants.branding(words));
            keep(row.branding, branding, "logo");
            keep(row.branding, branding, LOGO_URL);
            row.name = name;
            row.branding = branding;
            row.updatedAt = Instant.now();
            return row;
        });
        registry.put(t);
        realms.ensure(t, null, true);
        oidc.forget(id);
        scope.run(id, () -> audit.append(actor, "tenant.branded", "Tenant", id,
                (name + " " + t.branding).getBytes(StandardCharsets.UTF_8)));
    }

    private static void keep(Map<String, String> from, Map<String, String> to, String key) {
        if (from != null && from.get(key) != null) {
            to.put(key, from.get(key));
        }
    }

    /**
     * Stores the logo if its bytes are a JPEG, PNG or WebP image (never what its name or type claims)
     * of at most {@link #MAX_LOGO_BYTES}; the portal then links it by digest.
     */
    public void setLogo(String id, byte[] data, String actor) {
        if (data == null || data.length == 0) {
            throw ProblemException.invalid(400, "Choose an image file.", Map.of("logo", "is empty"));
        }
        if (data.length > MAX_LOGO_BYTES) {
            throw ProblemException.invalid(413, "The logo is too large.", Map.of("logo", "must be at most "
                    + MAX_LOGO_BYTES / 1024 + " KB"));
        }
        FileKinds.require(data, FileKinds.PHOTOS, "logo");
        String digest = Digests.sha256Hex(data);
        Tenant t = QuarkusTransaction.requiringNew().call(() -> {
            Tenant row = Tenants.require(id);
            CountyLogo logo = CountyLogo.findById(id);
            boolean created = logo == null;
            if (created) {
                logo = new CountyLogo();
                logo.tenantId = id;
            }
            logo.data = data;
            logo.digest = digest;
            logo.updatedAt = Instant.now();
            if (created) {
                logo.persist();
            }
            Map<String, String> branding = new LinkedHashMap<>(row.branding);
            branding.put(LOGO_URL, "/t/" + id + "/logo?v=" + digest.substring(0, 12));
            row.branding = branding;
            row.updatedAt = Instant.now();
            return row;
        });
        registry.put(t);
        scope.run(id, () -> audit.append(actor, "tenant.logo", "Tenant", id, data));
    }

    public Optional<CountyLogo> logo(String id) {
        return QuarkusTransaction.requiringNew().call(() -> CountyLogo.<CountyLogo>findByIdOptional(id));
    }
}
