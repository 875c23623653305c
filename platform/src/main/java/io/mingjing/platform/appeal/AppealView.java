package io.mingjing.platform.appeal;

import io.mingjing.platform.clock.SlaState;
import com.fasterxml.jackson.annotation.JsonInclude;
import java.time.Instant;
import java.util.List;

/**
 * A case as its reader may see it: the appellant block is absent for readers who may not see them;
 * {@code next} lists the states the reader may move it to now.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record AppealView(String trackingNo, AppealKind kind, String category, String subject, String body,
        String village, AppealState state, HandlingLevel level, String department, SlaState sla, Instant dueAt,
        boolean supervised, String supervisionReason, boolean reopened, Boolean satisfied, String reply,
        String receiptHash, Instant createdAt, Appellant appellant, List<Step> timeline, List<Attachment> attachments,
        List<AppealState> next) {

    public record Appellant(String name, String phone, String channel, String filedBy) {
    }

    public record Step(Instant at, String actor, String action, AppealState state, String note) {
    }

    public record Attachment(long id, String kind, String contentType) {
    }

    /** @param next the states its reader may move it to now (a handler's steps, or RATED), or null in lists */
    static AppealView of(Appeal a, boolean withAppellant, boolean withTimeline, List<AppealState> next) {
        List<Step> steps = withTimeline ? AppealStep.<AppealStep>list("appealId = ?1 order by id", a.id).stream()
                .map(s -> new Step(s.at, s.actor, s.action, s.toState, s.note)).toList() : null;
        List<Attachment> files = withTimeline ? AppealAttachment.<AppealAttachment>list("appealId", a.id).stream()
                .map(f -> new Attachment(f.id, f.kind, f.contentType)).toList() : null;
        Appellant who = withAppellant ? new Appellant(a.appellantName, a.appellantPhone, a.channel, a.filedBy) : null;
        return new AppealView(a.trackingNo, a.kind, a.category, a.subject, a.body, a.village, a.state, a.level,
                a.department, a.sla, a.dueAt, a.supervised, a.supervisionReason, a.reopened, a.satisfied, a.reply,
                a.receiptHash, a.createdAt, who, steps, files, next);
    }

    /** Whether its reader may rate it now (问效). */
    public boolean rateable() {
        return next != null && next.contains(AppealState.RATED);
    }
}
