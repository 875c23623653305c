package io.mingjing.platform.identity;

/** Realm roles of a county realm, and the operator realm's one role. */
public final class Role {

    public static final String VILLAGER = "villager";
    public static final String CADRE = "cadre";
    public static final String SUPERVISOR = "supervisor";
    public static final String BOOKKEEPER = "bookkeeper";
    public static final String TOWN_OFFICIAL = "town-official";
    public static final String DEPARTMENT_STAFF = "department-staff";
    public static final String INSPECTOR = "inspector";
    public static final String TENANT_ADMIN = "tenant-admin";
    /** 村代办员: files service applications for their village's residents. */
    public static final String AGENT = "agent";
    public static final String OPERATOR = "operator";
    /** A built-in feature's menu entry for whoever has not logged in, e.g. "log in to tell us". */
    public static final String ANONYMOUS = "anonymous";

    /** Every role a county realm defines, in the order staff pages list them. */
    public static final java.util.List<String> COUNTY_ROLES = java.util.List.of(VILLAGER, CADRE, SUPERVISOR,
            BOOKKEEPER, TOWN_OFFICIAL, DEPARTMENT_STAFF, INSPECTOR, TENANT_ADMIN, AGENT);

    /** Every county role except villager. */
    public static final java.util.Set<String> STAFF_ROLES = java.util.Set.of(CADRE, SUPERVISOR, BOOKKEEPER,
            TOWN_OFFICIAL, DEPARTMENT_STAFF, INSPECTOR, TENANT_ADMIN, AGENT);

    private Role() {
    }
}
