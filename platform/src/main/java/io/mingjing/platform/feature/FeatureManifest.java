package io.mingjing.platform.feature;

import io.mingjing.sdk.ModuleManifest;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * Everything a built-in feature contributes, in the shape of a plugin's {@link ModuleManifest} (id,
 * names, settings, roles, menu entries, changelog) plus what only the core has: portal columns, staff
 * pages, a demo seed, its text keys and the rule for what plugins may read of its data.
 *
 * @param module id, version, names, description, settings, role uses, menu entries and changelog; the
 *        changelog is the feature's own file under {@code db/}, included from {@code db/tenant.xml}
 * @param optional whether a county admin may switch it off (appeals, the audit trail and the like may not)
 * @param demoSeed where its demo data lives, e.g. {@code tenants/<id>/appeals.yaml}; null when it has none
 * @param textPrefix the prefix of its keys in {@code portal/texts_*.properties}, e.g. {@code appeal.}
 * @param boundary what a plugin's SQL may read of the feature's tables
 */
public record FeatureManifest(ModuleManifest module, boolean optional, String demoSeed, String textPrefix,
        DataBoundary boundary, List<PortalColumn> columns, List<StaffPage> staffPages) {

    public static final boolean OPTIONAL = true;
    public static final boolean ALWAYS_ON = false;

    public FeatureManifest {
        Objects.requireNonNull(module, "module");
        Objects.requireNonNull(boundary, "boundary");
        columns = List.copyOf(columns);
        staffPages = List.copyOf(staffPages);
    }

    /** One part only a built-in feature has: a portal column or a staff page. */
    public sealed interface Part permits PortalColumn, StaffPage {
    }

    public static FeatureManifest of(ModuleManifest module, boolean optional, String demoSeed, String textPrefix,
            DataBoundary boundary, Part... parts) {
        List<PortalColumn> columns = new ArrayList<>();
        List<StaffPage> pages = new ArrayList<>();
        for (Part part : parts) {
            switch (part) {
                case PortalColumn c -> columns.add(c);
                case StaffPage s -> pages.add(s);
            }
        }
        return new FeatureManifest(module, optional, demoSeed, textPrefix, boundary, columns, pages);
    }

    public String id() {
        return module.id();
    }
}
