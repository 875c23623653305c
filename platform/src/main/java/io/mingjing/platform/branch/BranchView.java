package io.mingjing.platform.branch;

import java.time.Instant;
import java.util.List;

/** A branch meeting as its members see it, and what they send. */
public record BranchView(long id, String village, String title, Instant heldAt, String minutes, String recordedBy,
        List<FileView> files, long likes, boolean liked, List<Comment> comments) {

    public record FileView(long id, String filename, String contentType) {
    }

    public record Comment(long id, String author, String body, Instant at) {
    }

    public record Summary(long id, String title, Instant heldAt, long likes) {
    }

    public record Page(List<Summary> items, Long next) {
    }

    public record Member(String userId, String village, String kind, String name) {
    }

    /** @param resident a resident's phone (their account); @param staff a staff username — one of the two */
    public record NewMember(String village, String resident, String staff) {
    }

    public record NewMeeting(String village, String title, Instant heldAt, String minutes) {
    }

    public record NewComment(String body) {
    }
}
