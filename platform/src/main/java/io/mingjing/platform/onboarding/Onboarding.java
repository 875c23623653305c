package io.mingjing.platform.onboarding;

import io.mingjing.platform.registry.Limit;
import io.mingjing.platform.registry.ModuleEntry;
import io.mingjing.platform.registry.TenantRegistry;
import io.mingjing.platform.registry.TenantStatus;
import io.mingjing.platform.registry.Tenant;
import io.mingjing.platform.audit.AuditLog;
import io.mingjing.platform.audit.ProvinceLog;
import io.mingjing.platform.identity.CountyOidcResolver;
import io.mingjing.platform.identity.CountyRealms;
import io.mingjing.platform.identity.StaffPasswords;
import io.mingjing.platform.problem.ProblemException;
import io.mingjing.platform.tenancy.SchemaMigrator;
import io.mingjing.platform.tenancy.TenantScope;
import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.jboss.logging.Logger;

/**
 * Onboards a county: registry row → role and schema → county changelog → ACTIVE. Each step
 * converges, so a county left FAILED (or PROVISIONING by a crash) completes when asked again.
 */
@ApplicationScoped
public class Onboarding {

    private static final Logger LOG = Logger.getLogger(Onboarding.class);

    @Inject
    SchemaMigrator migrator;
    @Inject
    TenantRegistry registry;
    @Inject
    TenantScope scope;
    @Inject
    AuditLog audit;
    @Inject
    ProvinceLog province;
    @Inject
    CountyRealms realms;
    @Inject
    CountyOidcResolver oidc;

    /** What onboarding produced: the county and, once, the first admin's initial password. */
    public record Onboarded(Tenant tenant, String adminPassword) {
    }

    /**
     * @param permanentPassword keep the descriptor's admin password as is (demo counties) instead of
     *        making the admin change it at first login
     * @return the county, ACTIVE; a failure leaves it FAILED with the reason and throws a problem
     */
    public Onboarded onboard(OnboardingRequest request, String actor, boolean permanentPassword) {
        checkSemantics(request);
        registry.put(QuarkusTransaction.requiringNew().call(() -> claim(request)));
        String password = request.admin() != null && request.admin().password() != null ? request.admin().password()
                : StaffPasswords.generate();
        return new Onboarded(provision(request.id(), actor, password, !permanentPassword), password);
    }

    /**
     * Applies a changed description to an existing county (an unchanged one writes nothing to the
     * county) and converges its realm, which also brings back a realm lost with Keycloak's data.
     */
    public void update(OnboardingRequest request, String actor, boolean permanentPassword) {
        checkSemantics(request);
        boolean changed = QuarkusTransaction.requiringNew().call(() -> {
            Tenant t = Tenants.require(request.id());
            Tenant proposed = new Tenant();
            describe(proposed, request);
            if (sameDescription(t, proposed)) {
                return false;
            }
            describe(t, request);
            registry.put(t);
            return true;
        });
        QuarkusTransaction.requiringNew().run(() -> Tenants.enable(request.id(), request.modules()));
        realms.ensure(QuarkusTransaction.requiringNew().call(() -> Tenants.require(request.id())),
                request.admin() == null ? null : request.admin().password(), !permanentPassword);
        oidc.forget(request.id());
        if (changed) {
            record(request.id(), actor, "tenant.updated", request.toString());
        }
    }

    /** An operator's action on a county, in the county's chain and the province's. */
    private void record(String id, String actor, String action, String payload) {
        byte[] bytes = payload.getBytes(StandardCharsets.UTF_8);
        scope.run(id, () -> audit.append(actor, action, "Tenant", id, bytes));
        province.append(actor, action, "Tenant", id, bytes);
    }

    private static boolean sameDescription(Tenant a, Tenant b) {
        return Objects.equals(a.name, b.name) && Objects.equals(a.regionCode, b.regionCode)
                && Objects.equals(described(a.branding), described(b.branding)) && Objects.equals(a.adminUsername, b.adminUsername)
                && Objects.equals(a.adminEmail, b.adminEmail) && a.demo == b.demo
                && Objects.equals(a.limits, b.limits);
    }

    /** Branding as a description gives it: the logo an admin uploaded is not part of it. */
    private static Map<String, String> described(Map<String, String> branding) {
        Map<String, String> copy = new LinkedHashMap<>(branding == null ? Map.of() : branding);
        copy.remove(CountyBranding.LOGO_URL);
        return copy;
    }

    public Onboarded retry(String id, String actor) {
        TenantStatus status = QuarkusTransaction.requiringNew().call(() -> {
            Tenant t = Tenants.require(id);
            if (t.status == TenantStatus.FAILED) {
                t.status = TenantStatus.PROVISIONING;
            }
            return t.status;
        });
        if (status != TenantStatus.PROVISIONING) {
            throw new ProblemException(422, "Invalid state", "County " + id + " is " + status + "; only a FAILED or"
                    + " PROVISIONING county can be retried.");
        }
        String password = StaffPasswords.generate();
        return new Onboarded(provision(id, actor, password, true), password);
    }

    /** Every county with its enabled modules, by id; what the operator API and console list. */
    public List<TenantView> counties() {
        return QuarkusTransaction.requiringNew().call(() -> {
            var modules = Tenants.enabledModules();
            return Tenant.<Tenant>listAll(io.quarkus.panache.common.Sort.by("id")).stream()
                    .map(t -> TenantView.of(t, modules.getOrDefault(t.id, List.of()))).toList();
        });
    }

    /** One county, or a 404 problem. */
    public TenantView county(String id) {
        return QuarkusTransaction.requiringNew().call(() -> TenantView.of(Tenants.require(id),
                Tenants.enabledModules().getOrDefault(id, List.of())));
    }

    /** A suspended county's portal and API answer 503, and its realm issues no token. */
    public TenantView suspend(String id, String actor) {
        return change(id, TenantStatus.ACTIVE, TenantStatus.SUSPENDED, "tenant.suspended", actor);
    }

    public TenantView resume(String id, String actor) {
        return change(id, TenantStatus.SUSPENDED, TenantStatus.ACTIVE, "tenant.resumed", actor);
    }

    private TenantView change(String id, TenantStatus from, TenantStatus to, String action, String actor) {
        Tenant t = QuarkusTransaction.requiringNew().call(() -> {
            Tenant row = Tenants.require(id);
            if (row.status == to) {
                return row;
            }
            if (row.status != from) {
                throw new ProblemException(422, "Invalid state",
                        "County '" + id + "' is " + row.status + "; it can only be changed to " + to + " from " + from + ".");
            }
            row.status = to;
            row.updatedAt = Instant.now();
            return row;
        });
        registry.put(t);
        realms.enable(id, to == TenantStatus.ACTIVE);
        oidc.forget(id);
        record(id, actor, action, to.name());
        return county(id);
    }

    private void checkSemantics(OnboardingRequest request) {
        Map<String, String> errors = new LinkedHashMap<>();
        String region = RegionCodes.problem(request.regionCode());
        if (region != null) {
            errors.put("regionCode", region);
        }
        List<String> modules = request.modules() == null ? List.of() : request.modules();
        List<String> known = QuarkusTransaction.requiringNew().call(() -> ModuleEntry.<ModuleEntry>listAll()
                .stream().map(m -> m.id).toList());
        for (int i = 0; i < modules.size(); i++) {
            if (!known.contains(modules.get(i))) {
                errors.put("modules[" + i + "]", "no module '" + modules.get(i) + "' is offered by this platform");
            }
        }
        if (request.limits() != null) {
            request.limits().keySet().stream().filter(k -> Limit.byKey(k).isEmpty()).forEach(k -> errors.put(
                    "limits." + k, "no such limit; known: " + Arrays.stream(Limit.values()).map(l -> l.key).toList()));
        }
        if (!errors.isEmpty()) {
            throw ProblemException.invalid(422, "The county cannot be onboarded as described.", errors);
        }
    }

    private Tenant claim(OnboardingRequest request) {
        Tenant t = Tenant.findById(request.id(), jakarta.persistence.LockModeType.PESSIMISTIC_WRITE);
        if (t != null && t.status != TenantStatus.FAILED && t.status != TenantStatus.PROVISIONING) {
            throw ProblemException.conflict("County '" + request.id() + "' already exists (" + t.status + ").");
        }
        boolean created = t == null;
        if (created) {
            t = new Tenant();
            t.id = request.id();
            t.createdAt = Instant.now();
        }
        describe(t, request);
        t.status = TenantStatus.PROVISIONING;
        t.failureReason = null;
        if (created) {
            t.persist();
        }
        Tenants.enable(t.id, request.modules());
        return t;
    }

    /** Copies what the operator may change; used by onboarding and descriptor updates. */
    static void describe(Tenant t, OnboardingRequest request) {
        t.name = request.name();
        t.regionCode = request.regionCode();
        String uploadedLogo = t.branding == null ? null : t.branding.get(CountyBranding.LOGO_URL);
        t.branding = Tenants.branding(request.branding());
        if (uploadedLogo != null) {
            t.branding.put(CountyBranding.LOGO_URL, uploadedLogo);
        }
        t.demo = request.isDemo();
        t.limits = request.limits() == null ? new java.util.LinkedHashMap<>() : new java.util.LinkedHashMap<>(request.limits());
        if (request.admin() != null) {
            t.adminUsername = request.admin().username();
            t.adminEmail = request.admin().email();
        }
        t.updatedAt = Instant.now();
    }

    private Tenant provision(String id, String actor, String adminPassword, boolean temporary) {
        try {
            long t0 = System.nanoTime();
            int version = migrator.migrateTenant(id);
            long t1 = System.nanoTime();
            realms.ensure(QuarkusTransaction.requiringNew().call(() -> Tenants.require(id)), adminPassword, temporary);
            long t2 = System.nanoTime();
            oidc.forget(id);
            record(id, actor, "tenant.onboarded", "schemaVersion=" + version);
            Tenant t = QuarkusTransaction.requiringNew().call(() -> {
                Tenant row = Tenants.require(id);
                row.status = TenantStatus.ACTIVE;
                row.schemaVersion = version;
                row.failureReason = null;
                row.updatedAt = Instant.now();
                return row;
            });
            registry.put(t);
            LOG.infof("county %s onboarded at schema version %d: schema %d ms, realm %d ms", id, version,
                    (t1 - t0) / 1_000_000, (t2 - t1) / 1_000_000);
            return t;
        } catch (Exception e) {
            String reason = reason(e);
            LOG.warnf("onboarding of county %s failed: %s", id, reason);
            markFailed(id, reason, actor);
            throw ProblemException.unavailable("Onboarding of county '" + id + "' failed: " + reason
                    + " It is left FAILED; POST it again, or POST /api/platform/tenants/" + id + "/retry.", 10);
        }
    }

    /** Left FAILED, which only the province's chain records: the county may have no schema yet. */
    private void markFailed(String id, String reason, String actor) {
        try {
            registry.put(QuarkusTransaction.requiringNew().call(() -> {
                Tenant row = Tenants.require(id);
                row.status = TenantStatus.FAILED;
                row.failureReason = reason;
                row.updatedAt = Instant.now();
                return row;
            }));
            province.append(actor, "tenant.failed", "Tenant", id, reason.getBytes(StandardCharsets.UTF_8));
        } catch (RuntimeException e) {
            LOG.warnf("could not record the failure of county %s: %s", id, e.getMessage());
        }
    }

    /** The deepest message: the database's own words are the most useful to an operator. */
    static String reason(Throwable e) {
        String message = e.getMessage();
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t.getMessage() != null && !t.getMessage().isBlank()) {
                message = t.getMessage();
            }
        }
        message = message == null ? e.getClass().getSimpleName() : message.strip();
        return message.length() > 500 ? message.substring(0, 500) + "…" : message;
    }
}
