package io.mingjing.sdk;

/**
 * The roles a route or menu entry can require. Besides the county realm's roles there are two
 * pseudo-roles: {@link #ANYONE} (no login needed) and {@link #LOGGED_IN} (any account of this county).
 */
public interface Roles {

    String ANYONE = "anyone";
    String LOGGED_IN = "logged-in";

    String VILLAGER = "villager";
    String CADRE = "cadre";
    String SUPERVISOR = "supervisor";
    String BOOKKEEPER = "bookkeeper";
    String TOWN_OFFICIAL = "town-official";
    String DEPARTMENT_STAFF = "department-staff";
    String INSPECTOR = "inspector";
    String TENANT_ADMIN = "tenant-admin";
    /** 村代办员 (SDK 1.5): files service applications for the residents of their village and uploads their materials. */
    String AGENT = "agent";
}
