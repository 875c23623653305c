package io.mingjing.platform.cockpit;

import io.mingjing.platform.cockpit.CockpitView.Headline;
import io.mingjing.platform.figure.Figures;
import io.mingjing.platform.portal.Texts;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** The cockpit's headline numbers, from the sums of the unit's metrics. */
final class Headlines {

    private Headlines() {
    }

    static List<Headline> of(Map<String, List<Figures.Row>> m, long covered, int villages, Texts t, Links links,
            boolean staff) {
        List<Headline> out = new ArrayList<>();
        long appeals = Cockpit.sum(rows(m, "appeals.kind"), "appeals.kind", null);
        out.add(new Headline("appeals", t.get("cockpit.h.appeals"), Long.toString(appeals), links.appeals("")));
        if (staff) {
            out.add(new Headline("red", t.get("cockpit.h.red"),
                    Long.toString(Cockpit.sum(rows(m, "appeals.sla"), "appeals.sla", "RED")), links.appeals("sla=RED")));
            long satisfied = Cockpit.sum(rows(m, "appeals.rated"), "appeals.rated", "satisfied");
            long rated = satisfied + Cockpit.sum(rows(m, "appeals.rated"), "appeals.rated", "unsatisfied");
            out.add(new Headline("satisfaction", t.get("cockpit.h.satisfaction"),
                    rated == 0 ? "—" : Math.round(100.0 * satisfied / rated) + "%", null));
            out.add(new Headline("hours", t.get("cockpit.h.hours"), average(rows(m, "appeals.closed")), null));
            out.add(new Headline("supervised", t.get("cockpit.h.supervised"),
                    Long.toString(Cockpit.sum(rows(m, "appeals.supervised"), "appeals.supervised", null)), null));
        }
        out.add(new Headline("approvals", t.get("cockpit.h.approvals"),
                Long.toString(Cockpit.sum(rows(m, "approvals.kind"), "approvals.kind", null)),
                staff ? links.base() + "/staff/approvals" : null));
        if (staff) {
            out.add(new Headline("amount", t.get("cockpit.h.amount"), yuan(Cockpit.amount(rows(m, "approvals.kind"),
                    "approvals.kind")), null));
            out.add(new Headline("paid", t.get("cockpit.h.paid"), yuan(Cockpit.amount(rows(m, "approvals.paid"),
                    "approvals.paid")), links.base() + "/staff/approvals?state=PAID"));
            out.add(new Headline("benefits", t.get("cockpit.h.benefits"), yuan(Cockpit.amount(rows(m, "payments.programme"),
                    "payments.programme")), null));
        }
        out.add(new Headline("coverage", t.get("cockpit.h.coverage"), covered + " / " + villages, null));
        if (staff) {
            long raised = Cockpit.sum(rows(m, "warnings.colour"), "warnings.colour", null);
            long handled = Cockpit.sum(rows(m, "warnings.disposition"), "warnings.disposition", null);
            long falseAlarms = Cockpit.sum(rows(m, "warnings.false-alarm"), "warnings.false-alarm", null);
            out.add(new Headline("warnings", t.get("cockpit.h.warnings"), Long.toString(raised), links.warnings(null, null)));
            out.add(new Headline("warnings-red", t.get("cockpit.h.warnings-red"), Long.toString(Cockpit.sum(
                    rows(m, "warnings.colour"), "warnings.colour", "RED")), links.warnings("colour", "RED")));
            out.add(new Headline("false-alarms", t.get("cockpit.h.false-alarms"),
                    handled == 0 ? "—" : Math.round(100.0 * falseAlarms / handled) + "%", null));
        }
        if (staff) {
            long applied = Cockpit.sum(rows(m, "services.state"), "services.state", null);
            long good = Cockpit.sum(rows(m, "services.rated"), "services.rated", "good");
            long rated = Cockpit.sum(rows(m, "services.rated"), "services.rated", null);
            out.add(new Headline("services", t.get("cockpit.h.services"), Long.toString(applied),
                    links.base() + "/staff/services"));
            out.add(new Headline("services-hours", t.get("cockpit.h.services-hours"), average(rows(m, "services.closed")),
                    null));
            out.add(new Headline("services-good", t.get("cockpit.h.services-good"),
                    rated == 0 ? "—" : Math.round(100.0 * good / rated) + "%", null));
        }
        if (m.containsKey("reports.kind")) {
            out.add(new Headline("reports", t.get("cockpit.h.reports"),
                    Long.toString(Cockpit.sum(rows(m, "reports.kind"), "reports.kind", null)), null));
        }
        return out;
    }

    private static List<Figures.Row> rows(Map<String, List<Figures.Row>> m, String metric) {
        return m.getOrDefault(metric, List.of());
    }

    private static String average(List<Figures.Row> rows) {
        long n = rows.stream().mapToLong(Figures.Row::n).sum();
        if (n == 0) {
            return "—";
        }
        BigDecimal hours = rows.stream().map(Figures.Row::total).reduce(BigDecimal.ZERO, BigDecimal::add);
        return hours.divide(BigDecimal.valueOf(n), 1, RoundingMode.HALF_UP).toPlainString() + " h";
    }

    static String yuan(BigDecimal amount) {
        return "¥" + String.format("%,.2f", amount);
    }
}
