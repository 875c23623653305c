package io.mingjing.platform.warning;

import io.mingjing.sdk.Facts;
import java.time.Instant;
import java.util.List;

/**
 * Which rows of a fact an evaluation covers: the entities an event concerned (approvals by id, appeals
 * by tracking number), a village, a backtest's period, or everything.
 */
record Target(List<String> entities, List<Long> approvals, String village, Instant from, Instant to) {

    static final Target ALL = new Target(List.of(), List.of(), null, null, null);

    static Target approvals(List<Long> ids) {
        return new Target(List.of(), ids, null, null, null);
    }

    static Target entities(List<String> ids) {
        return new Target(ids, List.of(), null, null, null);
    }

    static Target village(String code) {
        return new Target(List.of(), List.of(), code, null, null);
    }

    static Target period(Instant from, Instant to) {
        return new Target(List.of(), List.of(), null, from, to);
    }

    boolean all() {
        return entities.isEmpty() && approvals.isEmpty() && village == null && from == null;
    }

    /** Whether this target can concern the fact at all (an approval's event says nothing of appeals). */
    boolean reaches(Facts.Fact fact) {
        if (!approvals.isEmpty()) {
            return switch (fact.name()) {
                case Facts.APPROVAL, Facts.LABOUR, Facts.PAYMENT, Facts.PURCHASE, Facts.SEAL_USE -> true;
                default -> false;
            };
        }
        if (!entities.isEmpty()) {
            return fact.name().equals(Facts.APPEAL);
        }
        if (village != null) {
            return fact.name().equals(Facts.DISCLOSURE_COVERAGE);
        }
        return true;
    }

    /** The fact's entity ids this target names, or null when it names none (seal uses are found by approval). */
    List<String> ids(Facts.Fact fact) {
        if (!entities.isEmpty()) {
            return entities;
        }
        return approvals.isEmpty() || fact.name().equals(Facts.SEAL_USE) ? null
                : approvals.stream().map(String::valueOf).toList();
    }

    /** The SQL condition on alias {@code f} (empty for all), its parameters appended in order. */
    String where(Facts.Fact fact, String alias, List<Object> params) {
        if (!approvals.isEmpty()) {
            params.add(approvals.toArray(Long[]::new));
            return fact.name().equals(Facts.SEAL_USE)
                    ? alias + ".entity_id IN (SELECT u.id::text FROM seal_use u WHERE u.approval_id = ANY (?))"
                    : alias + ".entity_id = ANY (?::text[])";
        }
        if (!entities.isEmpty()) {
            params.add(entities.toArray(String[]::new));
            return alias + ".entity_id = ANY (?)";
        }
        if (village != null) {
            params.add(village);
            return alias + ".village = ?";
        }
        if (from != null) {
            String column = fact.field(fact.timeField()).column();
            params.add(java.sql.Timestamp.from(from));
            params.add(java.sql.Timestamp.from(to));
            return alias + "." + column + " >= ? AND " + alias + "." + column + " < ?";
        }
        return "";
    }
}
