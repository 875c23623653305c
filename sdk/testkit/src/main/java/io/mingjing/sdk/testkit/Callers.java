package io.mingjing.sdk.testkit;

import io.mingjing.sdk.Caller;
import io.mingjing.sdk.Roles;
import java.util.Set;

/** Callers to test with, as the platform would authenticate them in the kit's county. */
public final class Callers {

    private Callers() {
    }

    public static Caller anonymous() {
        return Caller.ANONYMOUS;
    }

    public static Caller villager(String county, String name, String villageCode) {
        return new Caller("u-" + name, name, Set.of(Roles.VILLAGER), villageCode, county);
    }

    public static Caller cadre(String county, String name, String villageCode) {
        return new Caller("u-" + name, name, Set.of(Roles.CADRE), villageCode, county);
    }

    public static Caller admin(String county, String name) {
        return new Caller("u-" + name, name, Set.of(Roles.TENANT_ADMIN), null, county);
    }

    public static Caller with(String county, String name, String... roles) {
        return new Caller("u-" + name, name, Set.of(roles), null, county);
    }
}
