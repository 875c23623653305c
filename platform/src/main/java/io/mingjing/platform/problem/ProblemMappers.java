package io.mingjing.platform.problem;

import com.fasterxml.jackson.core.JsonParseException;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.exc.StreamConstraintsException;
import com.fasterxml.jackson.databind.exc.InvalidFormatException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import com.fasterxml.jackson.databind.exc.ValueInstantiationException;
import io.quarkus.security.AuthenticationFailedException;
import io.quarkus.security.ForbiddenException;
import io.quarkus.security.UnauthorizedException;
import io.quarkus.vertx.http.runtime.security.HttpAuthenticator;
import io.smallrye.mutiny.Uni;
import io.vertx.ext.web.RoutingContext;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.ConstraintViolationException;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.Response;
import java.io.IOException;
import java.sql.SQLException;
import java.util.Arrays;
import java.util.Map;
import java.util.TreeMap;
import org.jboss.logging.Logger;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

/** The one place exceptions become RFC 9457 responses: clear words, never a stack trace. */
public class ProblemMappers {

    private static final Logger LOG = Logger.getLogger(ProblemMappers.class);

    @ServerExceptionMapper
    public Response problem(ProblemException e) {
        Response.ResponseBuilder response = Response.status(e.problem().status()).type(Problem.PROBLEM_JSON)
                .entity(e.problem());
        if (e.retryAfter() != null) {
            response.header("Retry-After", e.retryAfter());
        }
        return response.build();
    }

    @ServerExceptionMapper
    public Response invalid(ConstraintViolationException e) {
        Map<String, String> errors = new TreeMap<>();
        for (ConstraintViolation<?> v : e.getConstraintViolations()) {
            errors.merge(field(v), v.getMessage(), (a, b) -> a + "; " + b);
        }
        return new Problem("about:blank", "Bad Request", 400, "The request has invalid fields.", errors).toResponse();
    }

    /** Named one by one: the REST layer has its own mappers for some of these, which answer no body. */
    @ServerExceptionMapper({ JsonProcessingException.class, JsonParseException.class, MismatchedInputException.class,
            InvalidFormatException.class, StreamConstraintsException.class, ValueInstantiationException.class })
    public Response malformed(JsonProcessingException e) {
        return JsonProblems.of(e).toResponse();
    }

    /**
     * The API answers a problem; the portal answers the county realm's challenge, which for the code
     * flow is a redirect to its login page, and the operator console the operator realm's.
     */
    @ServerExceptionMapper({ UnauthorizedException.class, AuthenticationFailedException.class })
    public Uni<Response> unauthorized(RoutingContext context) {
        HttpAuthenticator authenticator = context.get(HttpAuthenticator.class.getName());
        String path = context.normalizedPath();
        boolean console = path.equals("/console") || path.startsWith("/console/");
        if (authenticator != null && (path.startsWith("/t/") || console)) {
            return authenticator.getChallenge(context).map(challenge -> {
                Response.ResponseBuilder response = Response.status(challenge.status);
                challenge.getHeaders().forEach((name, value) -> response.header(name.toString(), value));
                return response.build();
            });
        }
        return Uni.createFrom().item(Response.fromResponse(Problem.of(401, "Unauthorized",
                "Log in, or send a valid bearer token.").toResponse()).header("WWW-Authenticate", "Bearer").build());
    }

    @ServerExceptionMapper
    public Response forbidden(ForbiddenException e) {
        return Problem.of(403, "Forbidden", "Your account may not do this.").toResponse();
    }

    @ServerExceptionMapper
    public Response web(WebApplicationException e) {
        if (e.getCause() instanceof JsonProcessingException json) {
            return malformed(json);
        }
        if (e.getResponse().getEntity() instanceof Problem problem) {
            return problem.toResponse();
        }
        int status = e.getResponse().getStatus();
        String title = e.getResponse().getStatusInfo().getReasonPhrase();
        String detail = switch (status) {
            case 404 -> "No such resource.";
            case 405 -> "This method is not allowed here.";
            case 406 -> "This resource cannot answer in the requested media type.";
            case 413 -> "The request body is too large.";
            case 415 -> "This media type is not accepted here.";
            default -> title;
        };
        return Problem.of(status, title, detail).toResponse();
    }

    @ServerExceptionMapper
    public Response unexpected(Throwable e) {
        if (databaseUnavailable(e)) {
            LOG.warnf("database unavailable: %s", e.getMessage());
            return Response.fromResponse(Problem.of(503, "Service Unavailable",
                    "The database cannot be reached right now; nothing was changed. Try again shortly.").toResponse())
                    .header("Retry-After", "10").build();
        }
        if (badValue(e)) {
            LOG.warnf("a value reached the database and was refused there: %s", e.getMessage());
            return Problem.of(400, "Bad Request", "A value in the request is not acceptable (too long, out of "
                    + "range, or not valid text); nothing was changed.").toResponse();
        }
        if (unreadableBody(e)) {
            LOG.debugf("unreadable request body: %s", e.getMessage());
            return Problem.of(400, "Bad Request", "The request's body cannot be read as the form it says it "
                    + "is (a multipart body without its closing boundary, say); nothing was changed.").toResponse();
        }
        LOG.error("unexpected error", e);
        return Problem.of(500, "Internal Server Error", "Something went wrong on our side; it has been logged.")
                .toResponse();
    }

    /** Connection failures (SQLState class 08, 57P0x, 55000) and pool timeouts mean "down", not "bug". */
    static boolean databaseUnavailable(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof SQLException sql && sql.getSQLState() != null) {
                String state = sql.getSQLState();
                if (state.startsWith("08") || state.startsWith("57P0") || state.equals("55000")) {
                    return true;
                }
            }
            if (t instanceof SQLException && String.valueOf(t.getMessage()).contains("Acquisition timeout")) {
                return true;
            }
        }
        return false;
    }

    /**
     * SQLState class 22 (data exception: value too long, out of range, invalid text) is bad input that
     * slipped past the checks in front; it must not read as a failure of ours.
     */
    static boolean badValue(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof SQLException sql && sql.getSQLState() != null && sql.getSQLState().startsWith("22")) {
                return true;
            }
        }
        return false;
    }

    /**
     * An I/O error while the framework reads a form or multipart body (it ends before its closing
     * boundary, or is not multipart at all) is the client's malformed request, not a failure of ours.
     */
    static boolean unreadableBody(Throwable e) {
        return e instanceof IOException && Arrays.stream(e.getStackTrace()).anyMatch(f -> f.getClassName()
                .startsWith("org.jboss.resteasy.reactive.server.handlers.FormBodyHandler")
                || f.getClassName().startsWith("org.jboss.resteasy.reactive.server.core.multipart."));
    }

    private static String field(ConstraintViolation<?> v) {
        String path = v.getPropertyPath().toString();
        // "onboard.request.branding.primaryColor" -> "branding.primaryColor"
        int dot = path.indexOf('.', path.indexOf('.') + 1);
        return dot > 0 ? path.substring(dot + 1) : path;
    }
}
