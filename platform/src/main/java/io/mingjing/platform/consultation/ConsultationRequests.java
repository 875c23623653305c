package io.mingjing.platform.consultation;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/** What callers send about consultations. */
public final class ConsultationRequests {

    private ConsultationRequests() {
    }

    /** @param options what the ballot offers; none for 赞成/反对/弃权 */
    public record NewConsultation(String village, String title, String body, List<String> options) {
    }

    public record Voting(Instant until) {
    }

    public record NewComment(String body) {
    }

    public record Moderation(Boolean hidden, String note) {
    }

    /** @param choice the index of the chosen option */
    public record Ballot(Integer choice) {
    }

    /**
     * @param task when given, the resolution becomes a task of the village with this deadline
     * @param disclosure whether it becomes a draft of the village's disclosures (村务公开)
     */
    public record Resolution(String text, ResolutionTask task, Boolean disclosure) {
    }

    public record ResolutionTask(String title, LocalDate deadline) {
    }
}
