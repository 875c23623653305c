package io.mingjing.platform.warning;

import dev.cel.common.CelAbstractSyntaxTree;
import dev.cel.common.ast.CelConstant;
import dev.cel.common.ast.CelExpr;
import io.mingjing.sdk.Facts;
import io.mingjing.sdk.Settings;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * A checked CEL expression as a SQL condition over its fact's view (alias {@code f}), so that a full
 * evaluation is one set-based statement per fact instead of a row-by-row loop. Thresholds become bind
 * parameters, never text. It covers comparisons, arithmetic, logic, the conditional, {@code in} a list,
 * timestamps and durations; for anything else {@link #of} answers null and the rule runs in Java.
 * Null fields behave as in CEL: a comparison with one is no hit.
 */
final class CelSql {

    /** @param where the condition; @param params its bind values in order; @param fields the fact's fields it reads */
    record Condition(String where, List<Object> params, Set<String> fields) {
    }

    private static final Map<String, String> BINARY = Map.ofEntries(Map.entry("_&&_", "AND"), Map.entry("_||_", "OR"),
            Map.entry("_==_", "="), Map.entry("_!=_", "<>"), Map.entry("_<_", "<"), Map.entry("_<=_", "<="),
            Map.entry("_>_", ">"), Map.entry("_>=_", ">="), Map.entry("_+_", "+"), Map.entry("_-_", "-"),
            Map.entry("_*_", "*"), Map.entry("_/_", "/"), Map.entry("_%_", "%"));

    private final Facts.Fact fact;
    private final Settings thresholds;
    private final List<Object> params = new ArrayList<>();
    private final Set<String> fields = new LinkedHashSet<>();

    private CelSql(Facts.Fact fact, Settings thresholds) {
        this.fact = fact;
        this.thresholds = thresholds;
    }

    /** @return the condition, or null when the expression uses what SQL here does not say */
    static Condition of(CelAbstractSyntaxTree ast, Facts.Fact fact, Settings thresholds) {
        CelSql t = new CelSql(fact, thresholds);
        try {
            String sql = t.sql(ast.getExpr());
            return new Condition("COALESCE((" + sql + "), false)", List.copyOf(t.params), Set.copyOf(t.fields));
        } catch (Unsupported e) {
            return null;
        }
    }

    private static final class Unsupported extends RuntimeException {
        Unsupported() {
            super(null, null, false, false);
        }
    }

    private String sql(CelExpr e) {
        return switch (e.exprKind().getKind()) {
            case CONSTANT -> constant(e.constant());
            case IDENT -> ident(e.ident().name());
            case CALL -> call(e);
            default -> throw new Unsupported();
        };
    }

    private String constant(CelConstant c) {
        return switch (c.getKind()) {
            case INT64_VALUE -> Long.toString(c.int64Value());
            case DOUBLE_VALUE -> Double.isFinite(c.doubleValue()) ? "(" + c.doubleValue() + ")::float8" : unsupported();
            case BOOLEAN_VALUE -> c.booleanValue() ? "TRUE" : "FALSE";
            case STRING_VALUE -> bind(c.stringValue(), "text");
            case NULL_VALUE -> "NULL";
            default -> unsupported();
        };
    }

    private String ident(String name) {
        if (name.equals("now")) {
            return "now()";
        }
        if (name.startsWith("fact.")) {
            Facts.Field f = fact.field(name.substring(5));
            if (f == null) {
                return unsupported();
            }
            fields.add(f.name());
            return "f." + f.column();
        }
        if (name.startsWith("threshold.")) {
            Object v = thresholds.values().get(name.substring(10));
            return switch (v) {
                case Number n -> bind(n.longValue(), "bigint");
                case Boolean b -> bind(b, "boolean");
                case String s -> bind(s, "text");
                case null, default -> unsupported();
            };
        }
        return unsupported();
    }

    private String call(CelExpr e) {
        String fn = e.call().function();
        List<CelExpr> args = e.call().args();
        if (e.call().target().isPresent()) {
            return unsupported();
        }
        String op = BINARY.get(fn);
        if (op != null && args.size() == 2) {
            if (op.equals("/") || op.equals("%")) { // CEL errs on a zero divisor, which is no hit; SQL would fail the statement
                return "(" + sql(args.get(0)) + " " + op + " NULLIF(" + sql(args.get(1)) + ", 0))";
            }
            return "(" + sql(args.get(0)) + " " + op + " " + sql(args.get(1)) + ")";
        }
        return switch (fn) {
            case "!_" -> "(NOT " + sql(args.get(0)) + ")";
            case "-_" -> "(-" + sql(args.get(0)) + ")";
            case "_?_:_" -> "(CASE WHEN " + sql(args.get(0)) + " THEN " + sql(args.get(1)) + " ELSE " + sql(args.get(2))
                    + " END)";
            case "@in" -> in(args);
            case "hours" -> "make_interval(hours => (" + sql(args.get(0)) + ")::int)";
            // a CEL day is 24 hours, never a calendar day: an interval of time alone is also added without a
            // time zone lookup, which a day part needs for every row
            case "days" -> "make_interval(secs => (" + sql(args.get(0)) + ")::float8 * 86400)";
            case "double" -> "(" + sql(args.get(0)) + ")::float8";
            default -> unsupported();
        };
    }

    private String in(List<CelExpr> args) {
        CelExpr list = args.get(1);
        if (list.exprKind().getKind() != CelExpr.ExprKind.Kind.LIST || list.list().elements().isEmpty()) {
            return unsupported();
        }
        List<String> items = list.list().elements().stream().map(this::sql).toList();
        return "(" + sql(args.get(0)) + " IN (" + String.join(", ", items) + "))";
    }

    private String bind(Object value, String type) {
        params.add(value);
        return "?::" + type;
    }

    private static String unsupported() {
        throw new Unsupported();
    }
}
