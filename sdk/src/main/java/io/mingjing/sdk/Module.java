package io.mingjing.sdk;

import org.pf4j.ExtensionPoint;

/**
 * The one extension point a plugin implements: it hands the platform its {@link ModuleManifest}.
 *
 * <p><b>Who calls it, when:</b> the platform's plugin runtime, once, right after it loaded and
 * started the plugin jar (at boot, or on a live install or upgrade), on the thread doing the
 * install. <b>Tenant:</b> none — the manifest is the same for every county; anything per county
 * comes through the {@link TenantContext} given to each callback. Keep it free of I/O.
 *
 * <pre>{@code
 * @Extension
 * public class HelloModule implements Module {
 *     public ModuleManifest manifest() {
 *         return ModuleManifest.of("hello", "1.0.0", new Names("你好", "Hello"), "Says hello.",
 *                 Setting.text("greeting", "你好", 50),
 *                 Route.get("/greeting", Roles.ANYONE,
 *                         (ctx, req) -> Reply.json(Map.of("text", ctx.settings().text("greeting")))));
 *     }
 * }
 * }</pre>
 */
public interface Module extends ExtensionPoint {

    ModuleManifest manifest();
}
