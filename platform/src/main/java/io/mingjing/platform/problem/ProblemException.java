package io.mingjing.platform.problem;

import java.util.Map;

/** Thrown by services to answer with a specific problem; mapped by {@link ProblemMappers}. */
public class ProblemException extends RuntimeException {

    private final transient Problem problem;
    private final String retryAfter;

    public ProblemException(int status, String title, String detail) {
        this(new Problem("about:blank", title, status, detail, null), null);
    }

    public ProblemException(Problem problem, String retryAfter) {
        super(problem.detail(), null, false, false);
        this.problem = problem;
        this.retryAfter = retryAfter;
    }

    public static ProblemException invalid(int status, String detail, Map<String, String> errors) {
        return new ProblemException(new Problem("about:blank", status == 400 ? "Bad Request"
                : status == 409 ? "Conflict" : "Unprocessable Content",
                status, detail, errors), null);
    }

    public static ProblemException notFound(String detail) {
        return new ProblemException(404, "Not Found", detail);
    }

    public static ProblemException conflict(String detail) {
        return new ProblemException(409, "Conflict", detail);
    }

    public static ProblemException unavailable(String detail, int retryAfterSeconds) {
        return new ProblemException(new Problem("about:blank", "Service Unavailable", 503, detail, null),
                Integer.toString(retryAfterSeconds));
    }

    public Problem problem() {
        return problem;
    }

    public String retryAfter() {
        return retryAfter;
    }
}
