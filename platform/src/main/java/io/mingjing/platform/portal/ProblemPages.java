package io.mingjing.platform.portal;

import io.mingjing.platform.problem.Problem;
import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerResponseContext;
import jakarta.ws.rs.core.Cookie;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import org.jboss.resteasy.reactive.server.ServerResponseFilter;

/**
 * A browser on a portal page gets a problem as a page in plain words with a way back to the county's
 * home, not as JSON; the status stays. API clients keep getting {@code application/problem+json}.
 */
public class ProblemPages {

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance problem(Problem problem, String home, Texts texts, String said);
    }

    @ServerResponseFilter
    public void asPage(ContainerRequestContext request, ContainerResponseContext response) {
        String path = request.getUriInfo().getPath();
        boolean console = path.equals("/console") || path.startsWith("/console/");
        if (response.getEntity() instanceof Problem problem && (path.startsWith("/t/") || console)
                && wantsHtml(request)) {
            String[] segments = path.split("/");
            String home = console ? "/console" : segments.length > 2 ? "/t/" + segments[2] + "/" : "/";
            Texts texts = texts(request);
            response.setEntity(Templates.problem(problem, home, texts, said(problem, texts)).render(), null,
                    MediaType.TEXT_HTML_TYPE.withCharset("UTF-8"));
        }
    }

    /** The problem page has no {@link Page}; it speaks the language the reader chose like every portal page. */
    private static Texts texts(ContainerRequestContext request) {
        Cookie cookie = request.getCookies().get(PortalContext.LANG_COOKIE);
        return Texts.of(PortalContext.lang(cookie == null ? null : cookie.getValue(),
                request.getHeaderString(HttpHeaders.ACCEPT_LANGUAGE)));
    }

    /**
     * The detail is written in English for API clients; a Chinese page says what the status means in
     * Chinese instead, so the page stays in one language.
     */
    static String said(Problem problem, Texts texts) {
        if (texts.lang.equals("en") && problem.detail() != null) {
            return problem.detail();
        }
        String typed = problem.type() != null && problem.type().startsWith("urn:mingjing:")
                ? "problem." + problem.type().substring("urn:mingjing:".length()) : null;
        if (typed != null && texts.has(typed)) {
            return texts.get(typed);
        }
        String key = "problem.s" + problem.status();
        return texts.has(key) ? texts.get(key) : texts.get(problem.status() >= 500 ? "problem.s500" : "problem.s400");
    }

    private static boolean wantsHtml(ContainerRequestContext request) {
        return request.getAcceptableMediaTypes().stream().anyMatch(m -> m.isCompatible(MediaType.TEXT_HTML_TYPE)
                && !m.isWildcardType());
    }
}
