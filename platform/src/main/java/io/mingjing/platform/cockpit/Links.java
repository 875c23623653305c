package io.mingjing.platform.cockpit;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;

/** Where a figure drills down to: the list behind it, filtered the way the figure counts; residents get none. */
record Links(String base, String unit, boolean village, LocalDate[] period, boolean staff) {

    String of(String metric, String dim) {
        if (!staff) {
            return null;
        }
        return switch (metric) {
            case "approvals.kind", "approvals.paid", "approvals.step" -> base + "/staff/approvals?kind=" + q(dim);
            case "approvals.state" -> base + "/staff/approvals?state=" + q(dim);
            case "approvals.sla" -> base + "/staff/approvals?sla=" + q(dim);
            case "appeals.kind", "appeals.category", "appeals.sla", "appeals.state" ->
                appeals(metric.substring("appeals.".length()) + "=" + q(dim));
            case "disclosures.published" -> base + "/staff/disclosures";
            case "services.item", "services.state", "services.sla" -> base + "/staff/services";
            case "warnings.category", "warnings.colour", "warnings.rule", "warnings.false-alarm" -> warnings(
                    metric.equals("warnings.false-alarm") ? "rule" : metric.substring("warnings.".length()), dim);
            default -> null;
        };
    }

    String appeals(String filter) {
        return staff ? base + "/appeals?" + (filter.isEmpty() ? "" : filter + "&") + scope() : null;
    }

    /** The warnings list, narrowed to the figure's value and, for a village, to it (the list filters villages only). */
    String warnings(String filter, String value) {
        if (!staff) {
            return null;
        }
        String list = base + "/staff/warnings" + (filter == null ? "?" : "?" + filter + "=" + q(value) + "&");
        return list + (village ? "village=" + q(unit) : "");
    }

    String unit(String code) {
        return base + "/staff/cockpit?unit=" + q(code) + "&from=" + period[0] + "&to=" + period[1];
    }

    private String scope() {
        return "unit=" + q(unit) + "&from=" + period[0] + "&to=" + period[1];
    }

    private static String q(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8);
    }
}
