/**
 * The Mingjing plugin SDK: a module is one {@link io.mingjing.sdk.Module} extension returning a
 * {@link io.mingjing.sdk.ModuleManifest}. Portal pages are Qute templates in the jar's
 * {@code web/templates/}; static assets in {@code web/static/} are served at
 * {@code /t/{county}/m/{module}/static/…}. Only interfaces and records live here; the SDK depends on
 * the JDK and pf4j.
 */
package io.mingjing.sdk;
