package io.mingjing.platform.villagelog;

import java.time.Instant;
import java.util.List;

/** An entry as its readers see it: the words as written (JSON and pages escape them on output). */
public record VillageLogView(long id, String village, String author, String body, String place, List<String> tags,
        boolean open, Instant at, List<Long> photos) {

    public record Page(List<VillageLogView> items, Long next) {
    }

    /** @param place where it happened; @param tags at most 10, each at most 20 characters; @param open residents read it */
    public record NewEntry(String village, String body, String place, List<String> tags, Boolean open, Instant at) {
    }
}
