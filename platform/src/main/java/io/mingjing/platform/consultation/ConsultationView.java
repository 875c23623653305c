package io.mingjing.platform.consultation;

import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * A consultation as its readers see it; comment bodies are the words as written (JSON escapes them,
 * pages escape them as HTML). Hidden comments show their note instead of their words, except to the committee.
 */
public record ConsultationView(long id, String village, String title, String body, List<String> options, String state,
        boolean byResidents, int supportersNeeded, long supporters, Instant createdAt, Instant votingFrom,
        Instant votingUntil, Integer quorumPercent, Integer passPercent, Map<String, Object> result, String resolution,
        Instant resolvedAt, Long taskId, Long disclosureId, Boolean voted, List<Comment> comments) {

    /** Ballots per option of a counted vote, in the options' order; empty before the count. */
    @SuppressWarnings("unchecked")
    public List<Map.Entry<String, Object>> counts() {
        return result == null ? List.of() : List.copyOf(((Map<String, Object>) result.get("counts")).entrySet());
    }

    /** "cast / eligible" of a counted vote. */
    public String turnout() {
        return result == null ? "" : result.get("cast") + " / " + result.get("eligible");
    }

    public boolean passed() {
        return result != null && Boolean.TRUE.equals(result.get("passed"));
    }

    public record Comment(long id, String author, String body, Instant at, boolean hidden, String moderationNote) {
    }

    public record Summary(long id, String village, String title, String state, Instant createdAt, Instant votingUntil) {
    }

    public record Page(List<Summary> items, Long next) {
    }
}
