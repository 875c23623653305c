package io.mingjing.platform.portal;

import java.util.List;

/**
 * The hook through which enabled modules (plugins) add entries to a village's portal menu. The portal
 * calls {@link #entries} once per village page, on the request thread, for the county in the path.
 * The platform's default returns nothing; the plugin runtime provides its own bean to replace it.
 */
public interface PortalMenu {

    /** A menu entry: a label in the page's language and the path it opens (under /t/{tenant}/m/{module}/…). */
    record Entry(String label, String href) {
    }

    List<Entry> entries(String tenant, String village, String lang);
}
