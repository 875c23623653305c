package io.mingjing.platform.portal;

import io.mingjing.platform.approval.ApprovalKind;
import io.mingjing.platform.approval.ApprovalRequests;
import io.mingjing.platform.approval.ApprovalRequests.NewApproval;
import io.mingjing.platform.approval.ApprovalRequests.Party;
import io.mingjing.platform.approval.ApprovalRequests.StageForm;
import io.mingjing.platform.problem.ProblemException;
import jakarta.ws.rs.core.MultivaluedMap;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The fields of each filing and of each later stage's form, as the staff pages draw them (one
 * template for all) and read them back into the requests the API takes; the service checks them.
 * A list (workers, quotes) is a textarea of one entry a line, so a phone needs no script.
 */
public final class ApprovalForms {

    /** One choice of a select: its value and the words shown. */
    public record Option(String value, String label) {
    }

    /**
     * One input. {@code type} is text, textarea, decimal, number, date, tel or select; {@code label}
     * is the shown words when they are data (a worker's name), else the text key approval.field.{name}.
     */
    public record Field(String name, String type, boolean required, int max, String label, String value,
            List<Option> options) {
        public String id() {
            return "f-" + name.replace('.', '-');
        }
    }

    private ApprovalForms() {
    }

    private static Field field(String name, String type, boolean required, int max) {
        return new Field(name, type, required, max, null, null, List.of());
    }

    /** The filing's fields of a kind; {@code seals} only for SEAL, the village's seals. */
    static List<Field> filing(ApprovalKind kind, String village, List<Option> seals) {
        List<Field> f = new ArrayList<>();
        f.add(new Field("village", "village", true, 12, null, village, List.of()));
        f.add(field("title", "text", true, 100));
        switch (kind) {
            case PAYMENT -> f.addAll(List.of(field("amount", "decimal", true, 12), field("payeeName", "text", true, 50),
                    field("payeePhone", "tel", false, 11), field("purpose", "textarea", true, 500),
                    field("budgetLine", "text", true, 60)));
            case LABOUR -> f.addAll(List.of(field("workers", "textarea", true, 12000),
                    field("plannedStart", "date", true, 10), field("plannedEnd", "date", true, 10),
                    field("dailyRate", "decimal", true, 7), field("purpose", "textarea", true, 500)));
            case PROCUREMENT -> f.addAll(List.of(field("amount", "decimal", true, 12), field("need", "textarea", true, 1000)));
            case PROJECT -> f.addAll(List.of(field("amount", "decimal", true, 12), field("purpose", "textarea", true, 1000)));
            case SEAL -> f.addAll(List.of(field("document", "text", true, 200),
                    new Field("seal", "select", true, 0, null, null, seals), field("purpose", "textarea", true, 500)));
        }
        return f;
    }

    /** What the filing's page sent, as the API's filing. */
    static NewApproval filing(ApprovalKind kind, MultivaluedMap<String, String> form) {
        List<Party> workers = kind == ApprovalKind.LABOUR ? workers(text(form, "workers")) : null;
        Party payee = kind == ApprovalKind.PAYMENT ? new Party(text(form, "payeeName"), text(form, "payeePhone")) : null;
        return new NewApproval(kind, text(form, "village"), text(form, "title"), decimal(form, "amount"), payee,
                text(form, "purpose"), text(form, "budgetLine"), workers, date(form, "plannedStart"),
                date(form, "plannedEnd"), decimal(form, "dailyRate"), text(form, "need"), number(form, "seal"),
                text(form, "document"));
    }

    /** The fields of a later stage's form; a declaration asks the days of each worker of the filing. */
    static List<Field> stage(String section, Map<String, Object> filing) {
        List<Field> f = new ArrayList<>();
        switch (section) {
            case "declaration" -> {
                List<String> names = workerNames(filing);
                for (int i = 0; i < names.size(); i++) {
                    f.add(new Field("days." + i, "number", true, 3, names.get(i), null, List.of()));
                }
            }
            case "quotes" -> f.add(field("quotes", "textarea", true, 4000));
            case "award" -> f.addAll(List.of(field("supplier", "text", true, 100), field("amount", "decimal", true, 12)));
            case "contract" -> f.addAll(List.of(field("reference", "text", true, 64), field("supplier", "text", false, 100),
                    field("amount", "decimal", true, 12)));
            case "settlement" -> f.add(field("amount", "decimal", true, 12));
            default -> {
                f.add(field("note", "textarea", true, 2000));
                return f;
            }
        }
        f.add(field("note", "textarea", false, 2000));
        return f;
    }

    /** What a stage's page sent, as the API's stage form. */
    static StageForm stage(String section, Map<String, Object> filing, MultivaluedMap<String, String> form) {
        List<ApprovalRequests.WorkerDays> days = null;
        if ("declaration".equals(section)) {
            days = new ArrayList<>();
            List<String> names = workerNames(filing);
            for (int i = 0; i < names.size(); i++) {
                Long d = number(form, "days." + i);
                days.add(new ApprovalRequests.WorkerDays(names.get(i), d == null ? null : Math.toIntExact(d)));
            }
        }
        return new StageForm(text(form, "note"), decimal(form, "amount"), text(form, "supplier"),
                text(form, "reference"), "quotes".equals(section) ? quotes(text(form, "quotes")) : null, days);
    }

    private static List<String> workerNames(Map<String, Object> filing) {
        Object workers = filing == null ? null : filing.get("workers");
        List<String> names = new ArrayList<>();
        if (workers instanceof List<?> list) {
            for (Object w : list) {
                names.add(w instanceof Map<?, ?> m ? String.valueOf(m.get("name")) : String.valueOf(w));
            }
        }
        return names;
    }

    /** "张三 13800000001" a line; the phone is optional, a name may hold spaces. */
    static List<Party> workers(String lines) {
        List<Party> out = new ArrayList<>();
        for (String[] line : lines(lines)) {
            boolean phone = line.length > 1 && line[line.length - 1].matches("\\+?[0-9-]{5,}");
            out.add(new Party(String.join(" ", java.util.Arrays.copyOf(line, phone ? line.length - 1 : line.length)),
                    phone ? line[line.length - 1] : null));
        }
        return out;
    }

    /** "甲环保公司 17600" a line: the supplier, then its quote in yuan. */
    static List<ApprovalRequests.Quote> quotes(String lines) {
        List<ApprovalRequests.Quote> out = new ArrayList<>();
        List<String[]> all = lines(lines);
        for (int i = 0; i < all.size(); i++) {
            String[] line = all.get(i);
            if (line.length < 2) {
                throw ProblemException.invalid(400, "Each line is a supplier and its amount.",
                        Map.of("quotes[" + i + "]", "must be a supplier, a space, and the amount in yuan"));
            }
            out.add(new ApprovalRequests.Quote(String.join(" ", java.util.Arrays.copyOf(line, line.length - 1)),
                    decimal("quotes[" + i + "].amount", line[line.length - 1])));
        }
        return out;
    }

    private static List<String[]> lines(String text) {
        List<String[]> out = new ArrayList<>();
        if (text != null) {
            for (String line : text.split("\\R")) {
                if (!line.isBlank()) {
                    out.add(line.strip().split("[\\s\\u3000,，]+"));
                }
            }
        }
        return out;
    }

    private static String text(MultivaluedMap<String, String> form, String name) {
        String v = form.getFirst(name);
        return v == null || v.isBlank() ? null : v.strip();
    }

    private static BigDecimal decimal(MultivaluedMap<String, String> form, String name) {
        String v = text(form, name);
        return v == null ? null : decimal(name, v);
    }

    private static BigDecimal decimal(String name, String v) {
        try {
            return new BigDecimal(v);
        } catch (NumberFormatException e) {
            throw ProblemException.invalid(400, "Not a number.", Map.of(name, "must be yuan, e.g. 1650.00"));
        }
    }

    private static Long number(MultivaluedMap<String, String> form, String name) {
        String v = text(form, name);
        if (v == null) {
            return null;
        }
        if (!v.matches("[0-9]{1,9}")) {
            throw ProblemException.invalid(400, "Not a whole number.", Map.of(name, "must be a whole number"));
        }
        return Long.parseLong(v);
    }

    private static LocalDate date(MultivaluedMap<String, String> form, String name) {
        String v = text(form, name);
        try {
            return v == null ? null : LocalDate.parse(v);
        } catch (DateTimeParseException e) {
            throw ProblemException.invalid(400, "Not a date.", Map.of(name, "must be a date, e.g. 2024-05-20"));
        }
    }
}
