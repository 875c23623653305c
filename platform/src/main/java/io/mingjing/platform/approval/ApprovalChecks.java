package io.mingjing.platform.approval;

import io.mingjing.platform.approval.ApprovalRequests.NewApproval;
import io.mingjing.platform.approval.ApprovalRequests.Party;
import io.mingjing.platform.approval.ApprovalRequests.StageForm;
import io.mingjing.platform.approval.ApprovalRequests.WorkerDays;
import io.mingjing.platform.problem.ProblemException;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** The rules of a filing and of each stage's form; every problem named by its field. */
final class ApprovalChecks {

    /** A village's single payment, budget or contract above 1亿 yuan is a typing error, not an approval. */
    static final BigDecimal MAX_AMOUNT = new BigDecimal("100000000");
    static final BigDecimal MAX_DAILY_RATE = new BigDecimal("5000");
    static final int MAX_WORKERS = 200;
    static final int MAX_PERIOD_DAYS = 366;
    static final ZoneId CHINA = ZoneId.of("Asia/Shanghai");

    private ApprovalChecks() {
    }

    /** @return the filing's section of {@code data}; throws a 400/422 problem naming every bad field */
    static Map<String, Object> filing(NewApproval r, LocalDate today) {
        Map<String, String> errors = new LinkedHashMap<>();
        text(errors, "title", r.title(), 100, true);
        Map<String, Object> f = new LinkedHashMap<>();
        switch (r.kind()) {
            case PAYMENT -> {
                amount(errors, "amount", r.amount(), true);
                party(errors, "payee", r.payee());
                text(errors, "purpose", r.purpose(), 500, true);
                text(errors, "budgetLine", r.budgetLine(), 60, true);
                f.put("payee", partyMap(r.payee()));
                f.put("purpose", r.purpose());
                f.put("budgetLine", r.budgetLine());
            }
            case LABOUR -> labour(errors, r, today, f);
            case PROCUREMENT -> {
                amount(errors, "amount", r.amount(), true);
                text(errors, "need", r.need(), 1000, true);
                f.put("need", r.need());
            }
            case PROJECT -> {
                amount(errors, "amount", r.amount(), true);
                text(errors, "purpose", r.purpose(), 1000, true);
                f.put("purpose", r.purpose());
            }
            case SEAL -> {
                if (r.seal() == null) {
                    errors.put("seal", "is required: which seal");
                }
                text(errors, "document", r.document(), 200, true);
                text(errors, "purpose", r.purpose(), 500, true);
                f.put("seal", r.seal());
                f.put("document", r.document());
                f.put("purpose", r.purpose());
            }
        }
        if (!errors.isEmpty()) {
            throw ProblemException.invalid(422, "The filing is not complete or not plausible.", errors);
        }
        return f;
    }

    private static void labour(Map<String, String> errors, NewApproval r, LocalDate today, Map<String, Object> f) {
        List<Party> workers = r.workers() == null ? List.of() : r.workers();
        if (workers.isEmpty() || workers.size() > MAX_WORKERS) {
            errors.put("workers", "needs 1 to " + MAX_WORKERS + " workers");
        }
        for (int i = 0; i < workers.size(); i++) {
            party(errors, "workers[" + i + "]", workers.get(i));
        }
        LocalDate start = r.plannedStart();
        LocalDate end = r.plannedEnd();
        if (start == null || start.isBefore(today.minusYears(1)) || start.isAfter(today.plusYears(1))) {
            errors.put("plannedStart", "is required, within a year of today");
        }
        if (end == null || start != null && (end.isBefore(start) || ChronoUnit.DAYS.between(start, end) + 1
                > MAX_PERIOD_DAYS)) {
            errors.put("plannedEnd", "is required, on or after plannedStart, at most " + MAX_PERIOD_DAYS + " days later");
        }
        if (r.dailyRate() == null || r.dailyRate().signum() <= 0 || r.dailyRate().compareTo(MAX_DAILY_RATE) > 0
                || r.dailyRate().scale() > 2) {
            errors.put("dailyRate", "must be above 0 and at most " + MAX_DAILY_RATE + " yuan a day, in fen at most");
        }
        text(errors, "purpose", r.purpose(), 500, true);
        f.put("workers", workers.stream().map(ApprovalChecks::partyMap).toList());
        f.put("plannedStart", String.valueOf(start));
        f.put("plannedEnd", String.valueOf(end));
        f.put("dailyRate", r.dailyRate());
        f.put("purpose", r.purpose());
    }

    /** The planned wages of a labour filing: workers × days of the period × daily rate. */
    static BigDecimal plannedWages(NewApproval r) {
        long days = ChronoUnit.DAYS.between(r.plannedStart(), r.plannedEnd()) + 1;
        return r.dailyRate().multiply(BigDecimal.valueOf(days * r.workers().size()));
    }

    /**
     * A stage's form; for a declaration also the wages it declares (the approval's amount from then on).
     *
     * @return the form's section of {@code data}
     */
    static Map<String, Object> form(String section, StageForm form, Approval a, Map<String, String> errors) {
        Map<String, Object> f = new LinkedHashMap<>();
        if (form == null) {
            errors.put("body", "is required");
            return f;
        }
        text(errors, "note", form.note(), 2000, false);
        f.put("note", form.note());
        switch (section) {
            case "declaration" -> declaration(form, a, errors, f);
            case "quotes" -> {
                List<ApprovalRequests.Quote> quotes = form.quotes() == null ? List.of() : form.quotes();
                if (quotes.isEmpty() || quotes.size() > 20) {
                    errors.put("quotes", "needs 1 to 20 quotes");
                }
                for (int i = 0; i < quotes.size(); i++) {
                    text(errors, "quotes[" + i + "].supplier", quotes.get(i).supplier(), 100, true);
                    amount(errors, "quotes[" + i + "].amount", quotes.get(i).amount(), true);
                }
                f.put("quotes", quotes);
            }
            case "award", "contract", "settlement" -> {
                amount(errors, "amount", form.amount(), true);
                text(errors, "supplier", form.supplier(), 100, "award".equals(section));
                text(errors, "reference", form.reference(), 64, "contract".equals(section));
                f.put("amount", form.amount());
                f.put("supplier", form.supplier());
                f.put("reference", form.reference());
            }
            default -> text(errors, "note", form.note(), 2000, true);
        }
        return f;
    }

    /** Days per worker named in the application, none more than the period holds. */
    private static void declaration(StageForm form, Approval a, Map<String, String> errors, Map<String, Object> f) {
        Map<String, Object> filing = a.section("filing");
        LocalDate start = LocalDate.parse((String) filing.get("plannedStart"));
        LocalDate end = LocalDate.parse((String) filing.get("plannedEnd"));
        long period = ChronoUnit.DAYS.between(start, end) + 1;
        List<?> workers = (List<?>) filing.get("workers");
        List<String> names = workers.stream().map(w -> String.valueOf(((Map<?, ?>) w).get("name"))).toList();
        List<WorkerDays> days = form.days() == null ? List.of() : form.days();
        if (days.isEmpty()) {
            errors.put("days", "needs the days worked of each worker");
        }
        long total = 0;
        for (int i = 0; i < days.size(); i++) {
            WorkerDays d = days.get(i);
            if (d == null || d.name() == null || !names.contains(d.name())) {
                errors.put("days[" + i + "].name", "must be one of the workers of the application: " + names);
            }
            if (d == null || d.days() == null || d.days() < 0 || d.days() > period) {
                errors.put("days[" + i + "].days", "must be 0 to " + period + ", the days from " + start + " to " + end);
            } else {
                total += d.days();
            }
        }
        BigDecimal rate = new BigDecimal(String.valueOf(filing.get("dailyRate")));
        f.put("days", days);
        f.put("totalDays", total);
        f.put("wages", rate.multiply(BigDecimal.valueOf(total)));
    }

    static void amount(Map<String, String> errors, String field, BigDecimal v, boolean required) {
        if (v == null) {
            if (required) {
                errors.put(field, "is required");
            }
        } else if (v.signum() <= 0 || v.compareTo(MAX_AMOUNT) > 0 || v.scale() > 2) {
            errors.put(field, "must be above 0 and at most " + MAX_AMOUNT.toPlainString() + " yuan, in fen at most");
        }
    }

    private static void party(Map<String, String> errors, String field, Party p) {
        if (p == null) {
            errors.put(field, "is required: name and phone");
            return;
        }
        text(errors, field + ".name", p.name(), 50, true);
        if (p.phone() != null && !p.phone().matches("1[3-9][0-9]{9}")) {
            errors.put(field + ".phone", "must be an 11-digit mobile number");
        }
    }

    private static Map<String, Object> partyMap(Party p) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("name", p == null ? null : p.name());
        m.put("phone", p == null ? null : p.phone());
        return m;
    }

    static void text(Map<String, String> errors, String field, String v, int max, boolean required) {
        if (v == null || v.isBlank()) {
            if (required) {
                errors.put(field, "is required");
            }
        } else if (v.length() > max) {
            errors.put(field, "must be at most " + max + " characters");
        }
    }
}
