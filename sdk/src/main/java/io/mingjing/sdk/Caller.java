package io.mingjing.sdk;

import java.util.Set;

/**
 * Who is calling, as the platform authenticated them. For jobs and listeners the caller is
 * {@link #SYSTEM}.
 *
 * @param userId the account's stable id, or null when anonymous
 * @param displayName name to show
 * @param roles the county realm's roles of this account ({@link Roles})
 * @param orgUnit 12-digit code of the village or town the account acts for, or null
 * @param county the county whose realm issued the login, or null
 */
public record Caller(String userId, String displayName, Set<String> roles, String orgUnit, String county) {

    public static final Caller ANONYMOUS = new Caller(null, "anonymous", Set.of(), null, null);
    public static final Caller SYSTEM = new Caller("system", "system", Set.of(), null, null);

    public Caller {
        roles = roles == null ? Set.of() : Set.copyOf(roles);
    }

    public boolean anonymous() {
        return userId == null;
    }

    public boolean hasRole(String role) {
        return Roles.ANYONE.equals(role) || (Roles.LOGGED_IN.equals(role) && !anonymous()) || roles.contains(role);
    }
}
