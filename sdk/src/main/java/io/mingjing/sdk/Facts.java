package io.mingjing.sdk;

import java.util.List;

/**
 * The facts warning rules read (SDK 1.5): typed, read-only views of the county's data, one row per
 * entity, so a rule pack never touches a table. A CEL rule names a field as {@code fact.<name>}; a Java
 * rule reads the view ({@code v_fact_<fact>}, columns as listed) through {@link TenantContext#sql()}.
 * Amounts are yuan; times are instants (dates at 00:00 China time); a field may be null where the
 * entity has not got there yet (a labour application not yet declared), and a CEL comparison with a
 * null field is simply not a hit. Every fact also has {@code now}, the time of the evaluation.
 *
 * <p><b>Never in a fact:</b> reports (举报), their contents or who filed them, and names, phones or
 * ID numbers of anyone. Complaints appear only as counts per cadre; payees only as an opaque key.
 *
 * <p>Service applications (便民服务) join as the fact {@code service-application} when the service
 * feature documents its view; until then no rule can name it.
 */
public final class Facts {

    private Facts() {
    }

    /** The type of a fact's field, as CEL sees it: int, double, string, bool or google.protobuf.Timestamp. */
    public enum Type {
        INT, DOUBLE, STRING, BOOL, TIMESTAMP
    }

    /** @param column the view's column; @param about what it holds, for the rule catalogue */
    public record Field(String name, String column, Type type, String about) {
    }

    /**
     * @param name what {@link WarningRule#fact()} names
     * @param entity what one row is, and what its {@code entity_id} holds
     * @param timeField the field a backtest's period is over
     */
    public record Fact(String name, String view, String entity, String timeField, List<Field> fields) {

        public Fact {
            fields = List.copyOf(fields);
        }

        public Field field(String name) {
            return fields.stream().filter(f -> f.name().equals(name)).findFirst().orElse(null);
        }
    }

    /** Any 三资 approval (PAYMENT, LABOUR, PROCUREMENT, PROJECT, SEAL): entity id the approval's id. */
    public static final String APPROVAL = "approval";
    /** 务工: a LABOUR approval, its application (申请) and declaration (申报). Entity id the approval's id. */
    public static final String LABOUR = "labour";
    /** A payment: a PAYMENT or LABOUR approval and how it was paid. Entity id the approval's id. */
    public static final String PAYMENT = "payment";
    /** 用印: one use of a seal in the register, with its approval. Entity id the seal use's id. */
    public static final String SEAL_USE = "seal-use";
    /** 采购 and 工程: a PROCUREMENT or PROJECT approval with its quotes, award, contract and settlement. Entity id the approval's id. */
    public static final String PURCHASE = "purchase";
    /** An appeal other than a report: suggestions, complaints, inquiries. Entity id the tracking number. */
    public static final String APPEAL = "appeal";
    /** Complaints naming one staff account, as counts only. Entity id the staff username. */
    public static final String COMPLAINTS_NAMING = "complaints-naming";
    /** A village's 三务公开 in one calendar quarter (China time), as counts. Entity id {@code <village>:<yyyy>Q<n>}. */
    public static final String DISCLOSURE_COVERAGE = "disclosure-coverage";

    private static Field f(String name, String column, Type type, String about) {
        return new Field(name, column, type, about);
    }

    private static List<Field> common(Field... more) {
        List<Field> all = new java.util.ArrayList<>(List.of(
                f("village", "village", Type.STRING, "the village's 12-digit code"),
                f("town", "town", Type.STRING, "the town's 12-digit code"),
                f("state", "state", Type.STRING, "PENDING, AWAITING_INPUT, RETURNED, APPROVED, REJECTED, PAID"),
                f("amount", "amount", Type.DOUBLE, "the approval's amount (for labour: the wages planned, then declared)"),
                f("filedAt", "filed_at", Type.TIMESTAMP, "when it was filed"),
                f("approvedAt", "approved_at", Type.TIMESTAMP, "when its last step approved, else null")));
        all.addAll(List.of(more));
        return all;
    }

    /** Every fact a rule may read, by name. */
    public static final List<Fact> ALL = List.of(
            new Fact(APPROVAL, "v_fact_approval", "an approval", "filedAt", common(
                    f("kind", "kind", Type.STRING, "PAYMENT, LABOUR, PROCUREMENT, PROJECT or SEAL"),
                    f("escalations", "escalations", Type.INT, "how often a step of it went overdue"),
                    f("openHours", "open_hours", Type.DOUBLE, "hours its open step has waited, 0 when none is open"))),
            new Fact(LABOUR, "v_fact_labour", "a labour approval", "filedAt", common(
                    f("plannedStart", "planned_start", Type.TIMESTAMP, "the first day of work applied for"),
                    f("plannedEnd", "planned_end", Type.TIMESTAMP, "the last day of work applied for"),
                    f("plannedDays", "planned_days", Type.INT, "days from the first to the last, inclusive"),
                    f("dailyRate", "daily_rate", Type.DOUBLE, "yuan a day per worker"),
                    f("workers", "workers", Type.INT, "how many workers it names"),
                    f("staffAmongWorkers", "staff_among_workers", Type.INT, "how many of the workers are the county's staff"),
                    f("declared", "declared", Type.BOOL, "the days worked were declared"),
                    f("declaredAt", "declared_at", Type.TIMESTAMP, "when the days worked were declared, else null"),
                    f("totalDays", "total_days", Type.INT, "worker-days declared, else null"),
                    f("wages", "wages", Type.DOUBLE, "wages declared, else null"),
                    f("workersElsewhere", "workers_elsewhere", Type.INT,
                            "how many of its workers are on another labour approval whose period overlaps"),
                    f("paidAt", "paid_at", Type.TIMESTAMP, "when the wages were paid, else null"))),
            new Fact(PAYMENT, "v_fact_payment", "a payment or labour approval", "filedAt", common(
                    f("kind", "kind", Type.STRING, "PAYMENT or LABOUR"),
                    f("payeeRef", "payee_ref", Type.STRING, "an opaque key of the payee, equal for equal payees"),
                    f("budgetLine", "budget_line", Type.STRING, "the budget line charged"),
                    f("paidAt", "paid_at", Type.TIMESTAMP, "when it was paid, else null"),
                    f("approverHousehold", "approver_household", Type.BOOL,
                            "a payee is of the household of a staff member who approved it"),
                    f("staffAmongPaid", "staff_among_paid", Type.INT, "how many payees are the county's staff"),
                    f("invoices", "invoices", Type.INT, "invoices attached"),
                    f("duplicateInvoices", "duplicate_invoices", Type.INT,
                            "invoices attached whose file is also attached to another approval"),
                    f("samePayeeCount30d", "same_payee_count_30d", Type.INT,
                            "payments to the same payee filed in the village in the 30 days up to this one, this one included"),
                    f("samePayeeSum30d", "same_payee_sum_30d", Type.DOUBLE, "their amounts added up"))),
            new Fact(SEAL_USE, "v_fact_seal_use", "a use of a seal", "usedAt", List.of(
                    f("village", "village", Type.STRING, "the village's 12-digit code"),
                    f("usedAt", "used_at", Type.TIMESTAMP, "when the use was registered"),
                    f("approvalState", "approval_state", Type.STRING, "the state of its approval"),
                    f("approvals", "approvals", Type.INT, "approving decisions on its approval"))),
            new Fact(PURCHASE, "v_fact_purchase", "a procurement or project approval", "filedAt", common(
                    f("kind", "kind", Type.STRING, "PROCUREMENT or PROJECT"),
                    f("quotes", "quotes", Type.INT, "quotes given, else 0"),
                    f("awardAmount", "award_amount", Type.DOUBLE, "the amount awarded or contracted, else null"),
                    f("awardedToStaff", "awarded_to_staff", Type.BOOL,
                            "the supplier awarded bears the name of a staff member of the village or its town"),
                    f("contractAmount", "contract_amount", Type.DOUBLE, "the contract's amount, else null"),
                    f("settlementAmount", "settlement_amount", Type.DOUBLE, "the settlement's amount, else null"),
                    f("overContractPct", "over_contract_pct", Type.DOUBLE,
                            "how far the settlement is above the contract, in %, else null"))),
            new Fact(APPEAL, "v_fact_appeal", "an appeal that is not a report", "filedAt", List.of(
                    f("village", "village", Type.STRING, "the village's 12-digit code"),
                    f("kind", "kind", Type.STRING, "SUGGESTION, COMPLAINT or INQUIRY"),
                    f("category", "category", Type.STRING, "its category's code"),
                    f("state", "state", Type.STRING, "where it stands"),
                    f("level", "level", Type.STRING, "VILLAGE, TOWN, DEPARTMENT"),
                    f("escalations", "escalations", Type.INT, "how often it went up or overdue"),
                    f("reopened", "reopened", Type.BOOL, "the appellant was not satisfied once"),
                    f("filedAt", "filed_at", Type.TIMESTAMP, "when it was filed"),
                    f("department", "department", Type.STRING, "the county department in charge: the appeal's, "
                            + "else its category's (SDK 1.7); a DEPARTMENT-tier warning goes to it"))),
            new Fact(COMPLAINTS_NAMING, "v_fact_complaints_naming", "a staff account named by complaints", "lastAt",
                    List.of(f("village", "village", Type.STRING, "the staff member's org unit"),
                            f("complaints30d", "complaints_30d", Type.INT, "complaints naming them in the last 30 days"),
                            f("complaints90d", "complaints_90d", Type.INT, "in the last 90 days"),
                            f("complaints365d", "complaints_365d", Type.INT, "in the last 365 days"),
                            f("lastAt", "last_at", Type.TIMESTAMP, "when the latest was filed"))),
            new Fact(DISCLOSURE_COVERAGE, "v_fact_disclosure_coverage", "a village in one quarter", "quarterEnd",
                    List.of(f("village", "village", Type.STRING, "the village's 12-digit code"),
                            f("quarter", "quarter", Type.STRING, "e.g. 2026Q3"),
                            f("quarterEnd", "quarter_end", Type.TIMESTAMP, "the first instant after the quarter"),
                            f("finance", "finance", Type.INT, "FINANCE disclosures published in the quarter"),
                            f("villageAffairs", "village_affairs", Type.INT, "VILLAGE disclosures published in it"),
                            f("party", "party", Type.INT, "PARTY disclosures published in it"))));

    /** @return the fact of this name, or null */
    public static Fact find(String name) {
        return ALL.stream().filter(f -> f.name().equals(name)).findFirst().orElse(null);
    }
}
