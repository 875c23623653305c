package io.mingjing.sdk;

/**
 * An entry in the county portal's menu, linking to one of the module's pages.
 *
 * @param path relative to the module's portal root, e.g. {@code "/"} → {@code /t/{county}/m/{module}/}
 * @param role who sees the entry ({@link Roles#ANYONE} for everyone)
 */
public record MenuEntry(Names label, String path, String role) implements ModuleManifest.Part {
}
