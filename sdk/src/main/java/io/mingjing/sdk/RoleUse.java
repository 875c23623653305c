package io.mingjing.sdk;

/**
 * A county role the module relies on, and what for — shown to the tenant admin who enables it.
 * Roles are the county realm's roles ({@link Roles}); a module does not invent roles.
 */
public record RoleUse(String role, String purpose) implements ModuleManifest.Part {
}
