package io.mingjing.platform.task;

import java.time.Instant;
import java.util.List;

/** A task as its assigner, its assignee and the places above them see it. */
public record TaskView(long id, String title, String body, String unit, String town, String assignee,
        String assignerUnit, String assignedBy, String source, Instant deadline, String state, String sla,
        int escalations, Instant createdAt, Instant completedAt, String completedBy, String completionNote,
        List<FileView> files) {

    public record FileView(long id, String filename, String contentType, String sha256) {
    }

    public record Page(List<TaskView> items, Long next) {
    }

    /** One village's (or town's) tasks for the progress table of a town or the county. */
    public record Progress(String unit, String name, long total, long done, long open, long overdue, long doneLate) {
    }

    static TaskView of(Task t, List<FileView> files) {
        return new TaskView(t.id, t.title, t.body, t.unit, t.town, t.assigneeName, t.assignerUnit, t.assignedBy,
                t.source, t.deadline, t.state.name(), t.sla.name(), t.escalations, t.createdAt, t.completedAt,
                t.completedBy, t.completionNote, files);
    }
}
