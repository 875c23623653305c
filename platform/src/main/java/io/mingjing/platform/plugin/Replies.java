package io.mingjing.platform.plugin;

import io.mingjing.platform.file.StoredFile;
import io.mingjing.platform.problem.ProblemException;
import io.mingjing.platform.web.BrowserPolicy;
import io.mingjing.sdk.Caller;
import io.mingjing.sdk.Reply;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.net.URI;
import java.util.Map;
import org.jboss.logging.Logger;

/** Turns a module's {@link Reply} into an HTTP response. */
final class Replies {

    private static final Logger LOG = Logger.getLogger(Replies.class);
    private static final MediaType HTML = MediaType.valueOf("text/html;charset=UTF-8");

    private Replies() {
    }

    /** What a page needs from the browser side: this browser's form token and the page policy. */
    record Browser(String csrf, BrowserPolicy policy, Map<String, String> brand) {
    }

    static Response toResponse(LoadedModule module, String county, Caller caller, Reply reply,
            Map<String, Object> settings, Browser browser) {
        return switch (reply) {
            case Reply.Json j -> Response.status(j.status()).type(MediaType.APPLICATION_JSON).entity(j.body()).build();
            case Reply.Page p -> page(render(module, county, caller, p, settings, browser), p, browser);
            case Reply.Bytes b -> StoredFile.fromModule(b.status(), b.contentType(), b.body(), b.headers());
            case Reply.Redirect r -> Response.seeOther(location(module, county, r.location())).build();
            case Reply.Problem p -> ModuleDispatch.problem(p);
        };
    }

    /** The page's own policy: what it declared it needs, for this page only. */
    private static Response page(String html, Reply.Page page, Browser browser) {
        String csp = browser.policy().csp(BrowserPolicy.imageOrigins(page.imageSources()));
        return Response.status(page.status()).type(HTML).entity(html).header("Content-Security-Policy", csp)
                .header("Permissions-Policy", BrowserPolicy.permissions(page.features())).build();
    }

    private static String render(LoadedModule module, String county, Caller caller, Reply.Page page,
            Map<String, Object> settings, Browser browser) {
        try {
            return ModuleDispatch.template(module, page.template()).data(ModuleDispatch.model(module, county, caller,
                    page.model(), settings, browser.csrf(), browser.brand())).render();
        } catch (ProblemException e) {
            throw e;
        } catch (RuntimeException e) {
            LOG.errorf(e, "module %s: page %s could not be rendered", module.id(), page.template());
            throw new ProblemException(500, "Module Error", "Module '" + module.id() + "' could not render page '"
                    + ModuleDispatch.shorten(page.template()) + "'; it has been logged.");
        }
    }

    private static URI location(LoadedModule module, String county, String location) {
        if (location.startsWith("https://") || location.startsWith("http://")) {
            return URI.create(location);
        }
        String relative = location.startsWith("/") ? location : "/" + location;
        return URI.create("/t/" + county + "/m/" + module.id() + relative);
    }
}
