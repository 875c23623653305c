package io.mingjing.platform.console;

import io.mingjing.platform.identity.CurrentCaller;
import io.mingjing.platform.portal.PortalContext;
import io.mingjing.platform.portal.Texts;
import io.mingjing.platform.web.CsrfTokens;
import io.vertx.core.http.HttpServerRequest;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;

/** Builds the {@link ConsolePage} of the current console request. */
@RequestScoped
public class ConsoleContext {

    @Inject
    CurrentCaller caller;
    @Inject
    HttpServerRequest request;
    @Inject
    CsrfTokens tokens;

    public ConsolePage page() {
        var cookie = request.getCookie(PortalContext.LANG_COOKIE);
        String lang = PortalContext.lang(cookie == null ? null : cookie.getValue(), request.getHeader("Accept-Language"));
        String query = request.query();
        return new ConsolePage(Texts.of(lang), caller.get(), query == null ? request.path() : request.path() + "?" + query,
                () -> tokens.token(CsrfTokens.CONSOLE));
    }

    /** The actor written into audit entries for the operator of this request. */
    public String actor() {
        return "operator:" + caller.get().displayName();
    }
}
