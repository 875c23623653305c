package io.mingjing.platform.resident;

import io.mingjing.platform.audit.AuditLog;
import io.mingjing.platform.identity.CountyRealms;
import io.mingjing.platform.identity.PortalSecrets;
import io.mingjing.platform.limit.ClientAddress;
import io.mingjing.platform.limit.RateLimits;
import io.mingjing.platform.problem.ProblemException;
import io.mingjing.platform.registry.Limit;
import io.mingjing.platform.secure.Codes;
import io.mingjing.platform.tenancy.CurrentTenant;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;

/**
 * A villager's first login: a one-time code (8 characters, no look-alikes, 30 days) printed by the
 * village on the household's card or sent by a channel, never derived from the ID number. The
 * villager activates the account with the code and a password of their own; guessing is bounded
 * by per-address and per-phone limits.
 */
@ApplicationScoped
public class Activations {

    /** A code as the import answers it once, for the village to print. */
    public record Code(String household, String name, String phone, String code, Instant expiresAt) {
    }

    private static final Duration VALID = Duration.ofDays(30);

    @Inject
    PortalSecrets secrets;
    @Inject
    CurrentTenant tenant;
    @Inject
    CountyRealms realms;
    @Inject
    RateLimits limits;
    @Inject
    ClientAddress address;
    @Inject
    AuditLog audit;

    Code issue(Resident r, String household) {
        String code = Codes.random(8);
        r.activationHash = hash(r.phone, code);
        r.activationExpiresAt = Instant.now().plus(VALID);
        return new Code(household, r.name, r.phone, code, r.activationExpiresAt);
    }

    /** A new code for a resident whose card was lost; the old one stops working. */
    @Transactional
    public Code reissue(String phone, String actor) {
        Resident r = Resident.find("phone", phone).firstResult();
        if (r == null || r.userId == null) {
            throw ProblemException.notFound("No resident with this phone has an account.");
        }
        Code code = issue(r, String.valueOf(r.householdId));
        audit.append(actor, "resident.activation-issued", "Resident", String.valueOf(r.id),
                r.phone.getBytes(StandardCharsets.UTF_8));
        return code;
    }

    /** Sets the villager's own password when the code is right; the code is spent. */
    @Transactional
    public void activate(String phone, String code, String password) {
        limits.spend(Limit.ACTIVATE_PER_ADDRESS, String.valueOf(address.get()));
        limits.spend(Limit.ACTIVATE_PER_ACCOUNT, "phone:" + phone);
        Resident r = phone == null ? null : Resident.find("phone", phone).firstResult();
        boolean valid = r != null && r.activationHash != null && code != null
                && r.activationExpiresAt.isAfter(Instant.now())
                && MessageDigest.isEqual(r.activationHash.getBytes(StandardCharsets.UTF_8),
                        hash(phone, code.strip().toUpperCase()).getBytes(StandardCharsets.UTF_8));
        if (!valid) {
            throw ProblemException.invalid(400, "The phone number and activation code do not match, or the code"
                    + " has expired; ask your village for a new card.", Map.of("code", "does not match"));
        }
        realms.setPassword(tenant.require(), r.userId, password);
        r.activationHash = null;
        r.activationExpiresAt = null;
        audit.append("resident:" + r.id, "resident.activated", "Resident", String.valueOf(r.id),
                r.phone.getBytes(StandardCharsets.UTF_8));
    }

    private String hash(String phone, String code) {
        return secrets.derive("activation:" + tenant.require() + ":" + phone + ":" + code);
    }
}
