package io.mingjing.platform.approval;

import io.mingjing.platform.clock.SlaState;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/** One approval as staff see it: the one form with all its sections, where it stands, and its timeline. */
public record ApprovalView(long id, ApprovalKind kind, String village, String town, String title, BigDecimal amount,
        ApprovalState state, int definitionVersion, String stage, String step, String stepRole, int seq, int required,
        long approvals, List<String> waitingFor, SlaState sla, Instant dueAt, int escalations, String filedBy,
        Instant createdAt, Instant paidAt, String bankRef, Long disclosureId, Map<String, Object> data,
        List<StageView> stages, List<Line> timeline, List<FileView> attachments) {

    /** One row of a staff list. */
    public record Item(long id, ApprovalKind kind, String village, String title, BigDecimal amount, ApprovalState state,
            int seq, SlaState sla, Instant dueAt, Instant createdAt) {
    }

    /** A page of a list, newest first; {@code next} is the {@code before} of the following page, or null. */
    public record Page(List<Item> items, Long next) {
    }

    public record StageView(String id, String name, String form, boolean current, boolean done, List<String> steps) {
    }

    public record Line(Instant at, String actor, String action, String note, int seq) {
    }

    public record FileView(long id, String kind, String filename, String contentType, String sha256) {
    }
}
