package io.mingjing.platform.task;

import java.time.Instant;
import java.util.List;

/** What callers send about tasks. */
public final class TaskRequests {

    private TaskRequests() {
    }

    /**
     * One task per village and per person named.
     *
     * @param villages codes of villages (or towns) the work is for: their cadres (officials) do it
     * @param assignees staff usernames of people the work is for
     */
    public record NewTask(String title, String body, List<String> villages, List<String> assignees, Instant deadline) {
    }

    public record Completion(String note) {
    }
}
