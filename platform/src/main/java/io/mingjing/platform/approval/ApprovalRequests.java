package io.mingjing.platform.approval;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/** What staff send: a filing, a decision, a stage's form, a payment. */
public final class ApprovalRequests {

    private ApprovalRequests() {
    }

    /** A payee or a worker; the phone ties them to resident data (for 回避) and never leaves the county. */
    public record Party(String name, String phone) {
    }

    /**
     * A filing. Which fields count depends on the kind: PAYMENT payee, amount, purpose, budgetLine;
     * LABOUR workers, plannedStart, plannedEnd, dailyRate, purpose; PROCUREMENT need and amount (the
     * estimate); PROJECT purpose and amount (the budget); SEAL seal, document, purpose.
     */
    public record NewApproval(ApprovalKind kind, String village, String title, BigDecimal amount, Party payee,
            String purpose, String budgetLine, List<Party> workers, LocalDate plannedStart, LocalDate plannedEnd,
            BigDecimal dailyRate, String need, Long seal, String document) {
    }

    public enum Action {
        APPROVE, REJECT, RETURN
    }

    /** @param seq the step's number as the approver saw it: a step decided meanwhile answers 409 */
    public record Decision(Action action, Integer seq, String note) {
    }

    public record Quote(String supplier, BigDecimal amount) {
    }

    public record WorkerDays(String name, Integer days) {
    }

    /**
     * A later stage's form: declaration (days), quotes (quotes), award (supplier, amount), contract
     * (reference, amount), settlement (amount), tender/progress/acceptance (note).
     */
    public record StageForm(String note, BigDecimal amount, String supplier, String reference, List<Quote> quotes,
            List<WorkerDays> days) {
    }

    /** 非现金支付: the bank's reference of the transfer, and when it was made (now when absent). */
    public record Payment(String bankRef, Instant paidAt) {
    }

    public record Resubmission(String note) {
    }
}
