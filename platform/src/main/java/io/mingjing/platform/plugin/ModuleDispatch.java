package io.mingjing.platform.plugin;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.mingjing.platform.problem.Problem;
import io.mingjing.platform.problem.ProblemException;
import io.mingjing.platform.tenancy.CurrentTenant;
import io.mingjing.platform.web.BrowserPolicy;
import io.mingjing.platform.web.CsrfTokens;
import io.mingjing.sdk.Caller;
import io.mingjing.platform.registry.TenantRegistry;
import io.mingjing.sdk.Reply;
import io.mingjing.sdk.Request;
import io.mingjing.sdk.Route;
import io.quarkus.qute.Template;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.io.IOException;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Serves {@code /api/t/{county}/m/{module}/…} and {@code /t/{county}/m/{module}/…}: finds the module
 * (404 unless it runs and is enabled in this county), its route and the caller's right to it, then
 * runs the handler through {@link ModuleCalls} and turns its {@link Reply} into HTTP.
 */
@ApplicationScoped
public class ModuleDispatch {

    @Inject
    CurrentTenant tenant;
    @Inject
    PluginCatalogue catalogue;
    @Inject
    ModuleStates states;
    @Inject
    ModuleEnabling enabling;
    @Inject
    ModuleCalls calls;
    @Inject
    PluginCallers callers;
    @Inject
    ObjectMapper json;
    @Inject
    CsrfTokens csrf;
    @Inject
    BrowserPolicy policy;
    @Inject
    TenantRegistry registry;

    Response dispatch(boolean portal, String method, String moduleId, String path, UriInfo uri, HttpHeaders headers,
            byte[] body) {
        String county = tenant.require();
        LoadedModule module = enabledModule(county, moduleId);
        String relative = "/" + (path == null ? "" : path);
        if (portal && "GET".equals(method) && relative.startsWith("/static/")) {
            return StaticAssets.serve(module, relative.substring("/static/".length()));
        }
        enabling.ensureMigrated(module, county);
        LoadedModule.Match match = module.route(method, portal, relative).orElseThrow(() -> noRoute(module, portal,
                relative));
        Caller caller = callers.forModule(county);
        checkRole(match.route(), caller);
        Request request = new Request(method, relative, match.params(), uri.getQueryParameters(),
                lowerCase(headers), contentType(headers), body, parse(headers, body));
        Reply reply = calls.call(module, county, caller, ctx -> match.route().handler().handle(ctx, request),
                r -> r != null && r.status() < 400);
        if (reply == null) {
            throw new ProblemException(500, "Module Error", "Module '" + module.id() + "' returned no reply.");
        }
        return Replies.toResponse(module, county, caller, reply, states.get(county, module.id()).settings(),
                new Replies.Browser(portal ? csrf.token(county) : "", policy, portal ? brand(county) : Map.of()));
    }

    /**
     * The county's frame for a module's page: its name, colour (validated), platform name, motto and
     * the way back to its portal, as {@code brand.*} in the page's model.
     */
    private Map<String, String> brand(String county) {
        var d = registry.describe(county);
        String color = d.branding().getOrDefault("primaryColor", "");
        Map<String, String> brand = new HashMap<>();
        brand.put("name", d.name());
        brand.put("color", color.matches("^#[0-9a-fA-F]{3,8}$") ? color : "#b03a2e");
        brand.put("platformName", d.branding().getOrDefault("platformName", ""));
        brand.put("motto", d.branding().getOrDefault("motto", ""));
        brand.put("portal", "/t/" + county + "/");
        return Map.copyOf(brand);
    }

    private LoadedModule enabledModule(String county, String moduleId) {
        LoadedModule module = catalogue.find(moduleId).orElse(null);
        ModuleStates.State state = module == null ? null : states.get(county, moduleId);
        if (state == null || !state.enabled() || !state.allowed()) {
            throw ProblemException.notFound("No module '" + shorten(moduleId) + "' in county '" + county + "'.");
        }
        return module;
    }

    private static ProblemException noRoute(LoadedModule module, boolean portal, String relative) {
        boolean otherMethod = module.manifest().routes().stream().anyMatch(r -> r.portal() == portal
                && r.match(r.method(), portal, relative) != null);
        return otherMethod ? new ProblemException(405, "Method Not Allowed", "This method is not allowed here.")
                : ProblemException.notFound("Module '" + module.id() + "' has no page or resource '" + shorten(relative)
                        + "'.");
    }

    private static void checkRole(Route route, Caller caller) {
        if (caller.hasRole(route.role())) {
            return;
        }
        if (caller.anonymous()) {
            throw new io.quarkus.security.UnauthorizedException();
        }
        throw new ProblemException(403, "Forbidden", "Your account may not do this: it needs the role '"
                + route.role() + "' in this county.");
    }

    private Object parse(HttpHeaders headers, byte[] body) {
        MediaType type = headers.getMediaType();
        if (body == null || body.length == 0 || type == null || !type.getSubtype().endsWith("json")) {
            return null;
        }
        try {
            return json.readValue(body, Object.class);
        } catch (IOException e) {
            throw ProblemException.invalid(400, "The body is not valid JSON.", Map.of("body", "is not valid JSON"));
        }
    }

    private static String contentType(HttpHeaders headers) {
        return headers.getMediaType() == null ? null : headers.getMediaType().toString();
    }

    private static Map<String, String> lowerCase(HttpHeaders headers) {
        Map<String, String> map = new HashMap<>();
        headers.getRequestHeaders().forEach((k, v) -> {
            if (!k.equalsIgnoreCase("authorization") && !k.equalsIgnoreCase("cookie") && !v.isEmpty()) {
                map.put(k.toLowerCase(), v.get(0));
            }
        });
        return map;
    }

    static String shorten(String s) {
        return s.length() > 60 ? s.substring(0, 60) + "…" : s;
    }

    /** Unused model keys stay out of templates' way; the platform's come last so a module cannot fake them. */
    static Map<String, Object> model(LoadedModule module, String county, Caller caller, Map<String, Object> own,
            Map<String, Object> settings, String csrf, Map<String, String> brand) {
        Map<String, Object> model = new LinkedHashMap<>(own == null ? Map.of() : own);
        String base = "/t/" + county + "/m/" + module.id();
        model.put("county", county);
        model.put("module", module.id());
        model.put("base", base);
        model.put("api", "/api" + base);
        model.put("static", base + "/static");
        model.put("caller", caller);
        model.put("loggedIn", !caller.anonymous() && county.equals(caller.county()));
        model.put("settings", io.mingjing.sdk.Settings.of(module.manifest(), settings).values());
        model.put("csrf", csrf);
        model.put("brand", brand);
        return model;
    }

    static Template template(LoadedModule module, String name) {
        Template t = module.pages().getTemplate(name);
        if (t == null) {
            throw new ProblemException(500, "Module Error", "Module '" + module.id() + "' has no page template '"
                    + shorten(name) + "'.");
        }
        return t;
    }

    static Response problem(Reply.Problem p) {
        return new Problem("about:blank", p.title(), p.status(), p.detail(), p.errors()).toResponse();
    }
}
