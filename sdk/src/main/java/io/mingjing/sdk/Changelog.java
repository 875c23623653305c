package io.mingjing.sdk;

/**
 * The module's Liquibase changelog (XML, YAML or SQL), a resource path inside the plugin jar.
 *
 * <p><b>Who runs it, when:</b> the platform, when a tenant admin enables the module for a county,
 * and again for every county that has it enabled when a newer plugin version is installed — on the
 * thread handling that request, before the module serves the county. <b>Tenant:</b> one county at a
 * time: it runs as the county's plugin owner role, which may create objects in the county's schema
 * but reads nothing of the county's own (not even the {@code v_} views: no foreign keys to county
 * tables; keep codes), with {@code search_path} set to the county's schema, so write table names
 * unqualified. Its bookkeeping lives in {@code <prefix>databasechangelog}; every object it creates
 * (tables, views, sequences, functions, types) must start with {@link ModuleManifest#tablePrefix()}
 * ({@code market_listing}), or the migration is refused. What it creates, the module's SQL may read
 * and write (see {@link TenantContext#sql()}).
 *
 * <pre>{@code
 * <changeSet id="1" author="vendor">
 *   <createTable tableName="market_listing"> … </createTable>
 * </changeSet>
 * }</pre>
 */
public record Changelog(String path) implements ModuleManifest.Part {
}
