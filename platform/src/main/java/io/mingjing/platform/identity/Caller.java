package io.mingjing.platform.identity;

import io.mingjing.sdk.Roles;
import java.util.Set;

/**
 * Who is calling, for which county, acting for which org unit. Injected per request; anonymous
 * callers have no user id, no roles and no org unit.
 *
 * @param userId the Keycloak subject, or null when anonymous
 * @param displayName name to show and to record in the audit chain
 * @param roles realm roles
 * @param orgUnit 12-digit code of the village or town the account belongs to (token claim
 *        {@code org_unit}), or null for county-wide staff and operators
 * @param county the county whose realm issued the token, or null (operator, anonymous)
 */
public record Caller(String userId, String displayName, Set<String> roles, String orgUnit, String county) {

    public static final Caller ANONYMOUS = new Caller(null, "anonymous", Set.of(), null, null);

    public boolean anonymous() {
        return userId == null;
    }

    public boolean hasRole(String role) {
        return roles.contains(role);
    }

    /** Whether a menu entry or page for {@code role} is for this caller, counting the SDK's pseudo-roles. */
    public boolean fits(String role) {
        return switch (role) {
            case Roles.ANYONE -> true;
            case Roles.LOGGED_IN -> !anonymous();
            case Role.ANONYMOUS -> anonymous();
            default -> hasRole(role);
        };
    }

    public boolean isStaff() {
        return roles.stream().anyMatch(Role.STAFF_ROLES::contains);
    }

    /** The actor written into audit entries: realm-qualified, never a personal number. */
    public String actor() {
        if (anonymous()) {
            return "anonymous";
        }
        return (county == null ? "platform" : county) + ":" + displayName;
    }
}
