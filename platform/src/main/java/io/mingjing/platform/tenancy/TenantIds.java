package io.mingjing.platform.tenancy;

import java.util.regex.Pattern;

/** The one place that decides whether a text is a county id and how it maps to database names. */
public final class TenantIds {

    private static final Pattern ID = Pattern.compile("^[a-z][a-z0-9-]{1,30}$");

    private TenantIds() {
    }

    public static boolean isValid(String id) {
        return id != null && ID.matcher(id).matches();
    }

    /**
     * Schema and role of a county. Ids may hold '-', which is not allowed in ids' own alphabet as '_',
     * so mapping '-' to '_' stays one-to-one and the names never need quoting.
     */
    public static String schema(String id) {
        if (!isValid(id)) {
            throw new IllegalArgumentException("not a county id");
        }
        return "t_" + id.replace('-', '_');
    }

    /** The county's own database role: it owns the schema and every county transaction runs as it. */
    public static String role(String id) {
        return schema(id);
    }

    /**
     * The login role plugins' SQL runs as. Not a member of the county role: it reaches only what is
     * granted to it by name. 'tl_' can never be a county role, whose second character is '_'.
     */
    public static String pluginLogin(String id) {
        return "tl_" + schema(id).substring(2);
    }

    /** The role that owns modules' tables, and runs modules' changelogs; nobody logs in as it. */
    public static String pluginOwner(String id) {
        return "tp_" + schema(id).substring(2);
    }
}
