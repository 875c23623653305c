package io.mingjing.platform.inspection;

import java.time.LocalDate;
import java.util.List;

/** What callers send about inspection rounds. */
public final class InspectionRequests {

    private InspectionRequests() {
    }

    /**
     * A round over {@code from}–{@code to} (days, both inclusive) sampling up to {@code perKind} records of
     * each kind from each village: the villages named, or {@code sample} of them drawn at random from the
     * caller's places ({@code town} narrows an inspector's draw to one town).
     */
    public record NewRound(String title, LocalDate from, LocalDate to, List<String> kinds, Integer perKind,
            String town, Integer sample, List<String> villages) {
    }

    /**
     * A village's result: PASS (合格), RECTIFY (需整改, with the correction and its deadline) or FAIL (不合格);
     * {@code reason} is required when it amends a result already recorded.
     */
    public record VillageResult(String result, String correction, LocalDate deadline, String comment, String reason) {
    }

    public record Closing(String note) {
    }
}
