package io.mingjing.platform.warning;

import dev.cel.common.CelAbstractSyntaxTree;
import dev.cel.common.CelFunctionDecl;
import dev.cel.common.CelIssue;
import dev.cel.common.CelOverloadDecl;
import dev.cel.common.CelValidationResult;
import dev.cel.common.ast.CelExpr;
import dev.cel.common.types.CelType;
import dev.cel.common.types.SimpleType;
import dev.cel.compiler.CelCompiler;
import dev.cel.compiler.CelCompilerBuilder;
import dev.cel.compiler.CelCompilerFactory;
import dev.cel.runtime.CelEvaluationException;
import dev.cel.runtime.CelFunctionBinding;
import dev.cel.runtime.CelRuntime;
import dev.cel.runtime.CelRuntimeFactory;
import io.mingjing.sdk.Facts;
import io.mingjing.sdk.Setting;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Future;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * CEL for warning rules: checks an expression against its fact's declared fields and the rule's
 * thresholds, and bounds its cost, which cel-java does not: at most {@link #MAX_LENGTH} characters,
 * {@link #MAX_NODES} nodes and {@link #MAX_DEPTH} levels, no comprehensions (the macros all, exists,
 * map, filter — the only loops CEL has), so evaluation is linear in a small tree; and every evaluation
 * in Java runs on a small bounded pool under {@link #TIMEOUT}.
 */
final class RuleCel {

    static final int MAX_LENGTH = 2000;
    static final int MAX_NODES = 200;
    static final int MAX_DEPTH = 24;
    static final Duration TIMEOUT = Duration.ofMillis(200);

    private static final CelRuntime RUNTIME = CelRuntimeFactory.standardCelRuntimeBuilder()
            .addFunctionBindings(CelFunctionBinding.from("hours_int", Long.class, Duration::ofHours),
                    CelFunctionBinding.from("days_int", Long.class, Duration::ofDays))
            .build();
    private static final ExecutorService POOL = new ThreadPoolExecutor(2, 2, 0, TimeUnit.SECONDS,
            new LinkedBlockingQueue<>(1000), Thread.ofPlatform().daemon().name("warning-cel-", 0).factory(),
            new ThreadPoolExecutor.AbortPolicy());

    private RuleCel() {
    }

    /** What is wrong with an expression, at a place: 1-based line and column. */
    static final class Invalid extends RuntimeException {
        final int line;
        final int column;

        Invalid(String message, int line, int column) {
            super(message);
            this.line = line;
            this.column = column;
        }

        String position() {
            return "line " + line + ", column " + column;
        }
    }

    /** A checked expression, its program and the names it reads. */
    record Compiled(CelAbstractSyntaxTree ast, CelRuntime.Program program, String text) {
    }

    static Compiled compile(String expression, Facts.Fact fact, List<Setting> thresholds) {
        if (expression == null || expression.isBlank()) {
            throw new Invalid("is empty", 1, 1);
        }
        if (expression.length() > MAX_LENGTH) {
            throw new Invalid("is longer than " + MAX_LENGTH + " characters", 1, MAX_LENGTH + 1);
        }
        CelValidationResult result = compiler(fact, thresholds).compile(expression);
        if (result.hasError()) {
            CelIssue issue = result.getErrors().get(0);
            int line = issue.getSourceLocation().getLine();
            int column = issue.getSourceLocation().getColumn();
            throw new Invalid(explain(issue.getMessage(), expression, line, column, fact), line, column + 1);
        }
        try {
            CelAbstractSyntaxTree ast = result.getAst();
            bound(ast, ast.getExpr(), 1, new int[1]);
            return new Compiled(ast, RUNTIME.createProgram(ast), expression);
        } catch (dev.cel.common.CelValidationException | CelEvaluationException e) {
            throw new Invalid(e.getMessage(), 1, 1);
        }
    }

    private static final java.util.regex.Pattern NAME = java.util.regex.Pattern.compile("(fact|threshold)\\.([A-Za-z_][A-Za-z0-9_]*)");

    /** CEL says "undeclared reference to 'fact'" for an unknown field: name the field instead. */
    private static String explain(String message, String expression, int line, int column, Facts.Fact fact) {
        if (!message.startsWith("undeclared reference")) {
            return message;
        }
        if (message.matches("undeclared reference to '(all|exists|exists_one|map|filter)'.*")) {
            return "uses a loop (all, exists, map, filter): rules compare values, they do not loop";
        }
        String text = expression.lines().skip(Math.max(0, line - 1)).findFirst().orElse("");
        var m = NAME.matcher(text);
        if (column >= 0 && column < text.length() && m.find(column) && m.start() == column) {
            return m.group(1).equals("fact") ? "the fact '" + fact.name() + "' has no field '" + m.group(2) + "'"
                    : "the rule has no threshold '" + m.group(2) + "'";
        }
        return message;
    }

    private static CelCompiler compiler(Facts.Fact fact, List<Setting> thresholds) {
        CelCompilerBuilder b = CelCompilerFactory.standardCelCompilerBuilder().setResultType(SimpleType.BOOL)
                .addVar("now", SimpleType.TIMESTAMP)
                .addFunctionDeclarations(
                        CelFunctionDecl.newFunctionDeclaration("hours",
                                CelOverloadDecl.newGlobalOverload("hours_int", SimpleType.DURATION, SimpleType.INT)),
                        CelFunctionDecl.newFunctionDeclaration("days",
                                CelOverloadDecl.newGlobalOverload("days_int", SimpleType.DURATION, SimpleType.INT)));
        for (Facts.Field f : fact.fields()) {
            b.addVar("fact." + f.name(), type(f.type()));
        }
        for (Setting s : thresholds) {
            b.addVar("threshold." + s.key(), switch (s) {
                case Setting.Number n -> SimpleType.INT;
                case Setting.Flag g -> SimpleType.BOOL;
                default -> SimpleType.STRING;
            });
        }
        return b.build();
    }

    static CelType type(Facts.Type t) {
        return switch (t) {
            case INT -> SimpleType.INT;
            case DOUBLE -> SimpleType.DOUBLE;
            case STRING -> SimpleType.STRING;
            case BOOL -> SimpleType.BOOL;
            case TIMESTAMP -> SimpleType.TIMESTAMP;
        };
    }

    private static void bound(CelAbstractSyntaxTree ast, CelExpr e, int depth, int[] nodes) {
        if (++nodes[0] > MAX_NODES) {
            throw at(ast, e, "has more than " + MAX_NODES + " parts: it would cost too much to run for every record");
        }
        if (depth > MAX_DEPTH) {
            throw at(ast, e, "nests deeper than " + MAX_DEPTH + " levels");
        }
        switch (e.exprKind().getKind()) {
            case COMPREHENSION -> throw at(ast, e, "uses a loop (all, exists, map, filter): rules compare values, they do not loop");
            case CALL -> {
                if (e.call().target().isPresent()) {
                    bound(ast, e.call().target().get(), depth + 1, nodes);
                }
                for (CelExpr arg : e.call().args()) {
                    bound(ast, arg, depth + 1, nodes);
                }
            }
            case LIST -> {
                for (CelExpr el : e.list().elements()) {
                    bound(ast, el, depth + 1, nodes);
                }
            }
            case SELECT -> bound(ast, e.select().operand(), depth + 1, nodes);
            default -> {
            }
        }
    }

    static Invalid at(CelAbstractSyntaxTree ast, CelExpr e, String message) {
        var loc = ast.getSource().getOffsetLocation(ast.getSource().getPositionsMap().getOrDefault(e.id(), 0));
        return loc.map(l -> new Invalid(message, l.getLine(), l.getColumn() + 1)).orElse(new Invalid(message, 1, 1));
    }

    /**
     * Evaluates on the bounded pool: a hit, a miss, or a miss when a field it needs is null (the fact
     * has not got there yet). An expression that overruns {@link #TIMEOUT} is an error for the caller.
     */
    static List<Boolean> evaluate(Compiled c, List<Map<String, Object>> inputs) {
        Future<List<Boolean>> f = POOL.submit(() -> {
            List<Boolean> out = new ArrayList<>(inputs.size());
            for (Map<String, Object> in : inputs) {
                out.add(one(c, in));
            }
            return out;
        });
        try {
            return f.get(TIMEOUT.toMillis() * Math.max(1, inputs.size() / 100 + 1), TimeUnit.MILLISECONDS);
        } catch (TimeoutException e) {
            f.cancel(true);
            throw new IllegalStateException("the rule ran longer than allowed and was stopped");
        } catch (ExecutionException e) {
            throw new IllegalStateException("the rule failed: " + e.getCause().getMessage());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted");
        }
    }

    private static boolean one(Compiled c, Map<String, Object> in) {
        try {
            return Boolean.TRUE.equals(c.program().eval(in));
        } catch (CelEvaluationException e) {
            return false; // a field it needs is null: not a hit
        }
    }
}
