package io.mingjing.platform.feature;

import io.mingjing.sdk.Names;

/**
 * A page of the staff portal a feature contributes, listed on the staff home for the roles that may use it.
 *
 * @param path relative to the county's portal root, e.g. {@code /staff/approvals}
 * @param role the role that sees the entry (one of {@code io.mingjing.sdk.Roles})
 */
public record StaffPage(Names label, String path, String role) implements FeatureManifest.Part {
}
