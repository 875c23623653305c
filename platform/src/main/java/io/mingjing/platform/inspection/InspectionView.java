package io.mingjing.platform.inspection;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/** A round as the caller may see it: only the villages within the caller's places, and counts of those only. */
public record InspectionView(long id, String title, String town, String openerUnit, LocalDate from, LocalDate to,
        List<String> kinds, int perKind, Integer sample, String seed, String state, String openedBy, Instant openedAt,
        String closedBy, Instant closedAt, String closeNote, RoundTally tally, boolean mayRecord, List<InspectedVillageRow> villages) {

    /** Results among the villages shown: how many, with a result, without one yet, and of each outcome. */
    public record RoundTally(long villages, long recorded, long pending, long pass, long rectify, long fail) {
    }

    public record InspectedVillageRow(String village, String name, String town, int draw, String result, int version) {
    }

    public record RoundPage(List<InspectionView> items, Long next) {
    }

    /** A kind of record a round may sample in this county. */
    public record SampleKind(String kind, String zh, String en) {
    }

    /** One village of a round: its drawn records, its current result and every earlier version. */
    public record VillageSample(long round, String roundTitle, String roundState, LocalDate from, LocalDate to,
            String village, String name, String town, int draw, List<SampledRecord> records, ResultView result,
            List<ResultView> history, boolean mayRecord) {
    }

    /**
     * A drawn record: where to read it (portal page, API), and its receipt when drawn (the latest public
     * audit entry about it, checked by {@code /api/t/{t}/audit/verify}).
     */
    public record SampledRecord(String kind, String id, Instant at, String title, int rank, String page, String api,
            Long receiptSeq, String receiptHash, String receiptPage) {
    }

    public record ResultView(int version, String result, String correction, LocalDate deadline, String comment,
            String reason, Long task, String recordedBy, Instant recordedAt) {
    }
}
