package io.mingjing.platform.portal;

import io.mingjing.platform.feature.Features;
import io.mingjing.platform.identity.CurrentCaller;
import io.mingjing.platform.orgunit.OrgUnit;
import io.mingjing.platform.registry.TenantRegistry;
import io.mingjing.platform.tenancy.CurrentTenant;
import io.mingjing.platform.web.CsrfTokens;
import io.vertx.core.http.HttpServerRequest;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;

/** Builds the {@link Page} of the current portal request: county, branding, language, caller. */
@RequestScoped
public class PortalContext {

    public static final String LANG_COOKIE = "mj_lang";
    public static final String VILLAGE_COOKIE = "mj_village";

    @Inject
    CurrentTenant tenant;
    @Inject
    TenantRegistry registry;
    @Inject
    CurrentCaller caller;
    @Inject
    HttpServerRequest request;
    @Inject
    CsrfTokens tokens;
    @Inject
    Features features;

    public Page page(OrgUnit village) {
        var county = registry.describe(tenant.require());
        String path = request.path();
        String query = request.query();
        return new Page(tenant.require(), county.name(), county.branding(), Texts.of(lang()), caller.get(),
                village == null ? null : village.code, village == null ? null : village.name,
                query == null ? path : path + "?" + query, () -> tokens.token(tenant.require()),
                feature -> features.isOn(tenant.require(), feature));
    }

    public String lang() {
        var c = request.getCookie(LANG_COOKIE);
        return lang(c == null ? null : c.getValue(), request.getHeader("Accept-Language"));
    }

    /** The reader's choice (the language cookie) wins over the browser's Accept-Language; else Chinese. */
    public static String lang(String cookie, String acceptLanguage) {
        if (cookie != null) {
            return "en".equals(cookie) ? "en" : "zh";
        }
        return acceptLanguage != null && acceptLanguage.toLowerCase().startsWith("en") ? "en" : "zh";
    }

    /** The village this browser last opened in this county, if it still exists. */
    public String rememberedVillage() {
        var c = request.getCookie(VILLAGE_COOKIE);
        return c != null && c.getValue().matches("\\d{12}") ? c.getValue() : null;
    }
}
