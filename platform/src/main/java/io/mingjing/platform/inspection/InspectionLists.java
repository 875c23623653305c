package io.mingjing.platform.inspection;

import io.mingjing.platform.inspection.InspectionAccess.Scope;
import io.mingjing.platform.inspection.InspectionView.SampleKind;
import io.mingjing.platform.inspection.InspectionView.ResultView;
import io.mingjing.platform.inspection.InspectionView.SampledRecord;
import io.mingjing.platform.inspection.InspectionView.RoundTally;
import io.mingjing.platform.inspection.InspectionView.InspectedVillageRow;
import io.mingjing.platform.inspection.InspectionView.VillageSample;
import io.mingjing.platform.orgunit.OrgUnit;
import io.mingjing.platform.orgunit.OrgUnitLevel;
import io.mingjing.platform.problem.ProblemException;
import io.mingjing.platform.sample.SampleSource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.TypedQuery;
import jakarta.transaction.Transactional;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

/** What a caller sees of rounds: only the villages within their places, and results and counts of those only. */
@ApplicationScoped
public class InspectionLists {

    static final int MAX_PAGE = 100;

    @Inject
    InspectionAccess access;
    @Inject
    InspectionKinds kinds;
    @Inject
    EntityManager em;

    /** Rounds with a village the caller sees, newest first, keyset pages. */
    @Transactional
    public InspectionView.RoundPage list(InspectionRound.State state, Long before, int limit) {
        if (limit < 1 || limit > MAX_PAGE) {
            throw ProblemException.invalid(400, "A page has 1 to " + MAX_PAGE + " rounds.", Map.of("limit",
                    "must be 1 to " + MAX_PAGE));
        }
        Scope s = access.scope();
        TypedQuery<InspectionRound> q = em.createQuery("select r from InspectionRound r where r.id < :before"
                + (state == null ? "" : " and r.state = :state")
                + " and exists (select 1 from InspectedVillage v where v.roundId = r.id and " + s.where() + ")"
                + " order by r.id desc", InspectionRound.class)
                .setParameter("before", before == null ? Long.MAX_VALUE : before).setMaxResults(limit + 1);
        if (state != null) {
            q.setParameter("state", state);
        }
        s.params().forEach(q::setParameter);
        List<InspectionRound> found = q.getResultList();
        List<InspectionRound> page = found.stream().limit(limit).toList();
        Map<Long, RoundTally> tallies = tallies(page.stream().map(r -> r.id).toList(), s);
        List<InspectionView> items = page.stream().map(r -> view(r, tallies.get(r.id), List.of())).toList();
        return new InspectionView.RoundPage(items, found.size() > limit ? items.getLast().id() : null);
    }

    /** A round with the villages the caller sees, in the order drawn. */
    @Transactional
    public InspectionView round(long id) {
        InspectionRound r = readable(id);
        List<InspectedVillage> villages = visible(r.id);
        Map<String, String> names = names(villages.stream().map(v -> v.village).toList());
        List<InspectedVillageRow> rows = villages.stream().map(v -> new InspectedVillageRow(v.village.strip(), names.get(v.village),
                v.town == null ? null : v.town.strip(), v.draw, v.result == null ? null : v.result.name(), v.version))
                .toList();
        return view(r, tally(villages), rows);
    }

    /** One village of a round: its drawn records with their links and receipts, and its results. */
    @Transactional
    public VillageSample village(long id, String village) {
        InspectionRound r = readable(id);
        InspectedVillage v = village == null || !village.matches("\\d{12}") ? null
                : InspectedVillage.<InspectedVillage>find("roundId = ?1 and village = ?2", r.id, village).firstResult();
        if (v == null || !access.sees(v)) {
            throw ProblemException.notFound("Village " + village + " is not in round " + id + ".");
        }
        List<String> order = List.of(r.kinds);
        List<SampledRecord> records = InspectionSample.<InspectionSample>list("roundId = ?1 and village = ?2", r.id,
                v.village).stream().sorted(Comparator.comparingInt((InspectionSample s) -> order.indexOf(s.kind))
                .thenComparingInt(s -> s.rank)).map(this::record).toList();
        List<ResultView> history = InspectionResult.<InspectionResult>list("roundId = ?1 and village = ?2 order by version desc",
                r.id, v.village).stream().map(InspectionLists::result).toList();
        OrgUnit unit = OrgUnit.findById(v.village);
        return new VillageSample(r.id, r.title, r.state.name(), r.periodFrom, r.periodTo, v.village.strip(),
                unit == null ? v.village : unit.name, v.town == null ? null : v.town.strip(), v.draw, records,
                history.isEmpty() ? null : history.getFirst(), history.size() > 1 ? history.subList(1, history.size())
                        : List.of(), access.mayRecord(r) && (r.state == InspectionRound.State.OPEN || v.version > 0));
    }

    /** What the new-round form offers the caller: the kinds, and the towns and villages of their places. */
    public record NewRoundForm(boolean mayOpen, boolean countyWide, List<SampleKind> kinds, List<TownChoice> towns) {
    }

    public record TownChoice(String code, String name, List<VillageChoice> villages) {
    }

    public record VillageChoice(String code, String name) {
    }

    @Transactional
    public NewRoundForm form() {
        if (!access.mayOpen()) {
            return new NewRoundForm(false, false, List.of(), List.of());
        }
        String own = access.openerUnit();
        List<OrgUnit> towns = own == null ? OrgUnit.list("level = ?1 order by code", OrgUnitLevel.TOWN)
                : OrgUnit.list("code", own);
        Map<String, List<VillageChoice>> villages = OrgUnit.<OrgUnit>list("level = ?1 order by code", OrgUnitLevel.VILLAGE)
                .stream().filter(v -> v.parentCode != null).collect(Collectors.groupingBy(v -> v.parentCode,
                        Collectors.mapping(v -> new VillageChoice(v.code, v.name), Collectors.toList())));
        return new NewRoundForm(true, own == null, kinds(), towns.stream().map(t -> new TownChoice(t.code, t.name,
                villages.getOrDefault(t.code, List.of()))).toList());
    }

    /** The kinds a round may sample in this county, with their names. */
    public List<SampleKind> kinds() {
        return kinds.offered().stream().map(s -> new SampleKind(s.kind(), s.names().zh(), s.names().en())).toList();
    }

    /** The round if the caller sees one of its villages; otherwise it does not exist for them. */
    @Transactional
    public InspectionRound readable(long id) {
        InspectionRound r = InspectionRound.findById(id);
        if (r == null || !access.seesRound(r.id)) {
            throw ProblemException.notFound("No inspection round " + id + ".");
        }
        return r;
    }

    private List<InspectedVillage> visible(long roundId) {
        Scope s = access.scope();
        TypedQuery<InspectedVillage> q = em.createQuery("select v from InspectedVillage v where v.roundId = :round and "
                + s.where() + " order by v.draw", InspectedVillage.class).setParameter("round", roundId);
        s.params().forEach(q::setParameter);
        return q.getResultList();
    }

    private Map<Long, RoundTally> tallies(List<Long> rounds, Scope s) {
        if (rounds.isEmpty()) {
            return Map.of();
        }
        TypedQuery<InspectedVillage> q = em.createQuery("select v from InspectedVillage v where v.roundId in :rounds and "
                + s.where(), InspectedVillage.class).setParameter("rounds", rounds);
        s.params().forEach(q::setParameter);
        Map<Long, List<InspectedVillage>> byRound = q.getResultList().stream()
                .collect(Collectors.groupingBy(v -> v.roundId));
        Map<Long, RoundTally> out = new HashMap<>();
        byRound.forEach((round, villages) -> out.put(round, tally(villages)));
        return out;
    }

    private static RoundTally tally(List<InspectedVillage> villages) {
        Map<InspectionResult.Outcome, Long> by = villages.stream().filter(v -> v.result != null)
                .collect(Collectors.groupingBy(v -> v.result, Collectors.counting()));
        long recorded = villages.stream().filter(v -> v.version > 0).count();
        return new RoundTally(villages.size(), recorded, villages.size() - recorded,
                by.getOrDefault(InspectionResult.Outcome.PASS, 0L), by.getOrDefault(InspectionResult.Outcome.RECTIFY, 0L),
                by.getOrDefault(InspectionResult.Outcome.FAIL, 0L));
    }

    private InspectionView view(InspectionRound r, RoundTally tally, List<InspectedVillageRow> villages) {
        return new InspectionView(r.id, r.title, r.town == null ? null : r.town.strip(),
                r.openerUnit == null ? null : r.openerUnit.strip(), r.periodFrom, r.periodTo, List.of(r.kinds), r.perKind,
                r.sampleSize, r.seed, r.state.name(), r.openedBy, r.openedAt, r.closedBy, r.closedAt, r.closeNote,
                tally == null ? new RoundTally(0, 0, 0, 0, 0, 0) : tally, access.mayRecord(r), villages);
    }

    private SampledRecord record(InspectionSample s) {
        Optional<SampleSource> source = kinds.any(s.kind);
        String village = s.village.strip();
        return new SampledRecord(s.kind, s.recordId, s.at, s.title, s.rank,
                source.map(x -> x.page(s.recordId, village, s.at)).orElse(null),
                source.map(x -> x.api(s.recordId, village, s.at)).orElse(null), s.auditSeq, s.auditHash,
                source.map(x -> x.receiptPage(s.recordId)).orElse(null));
    }

    private static ResultView result(InspectionResult x) {
        return new ResultView(x.version, x.result.name(), x.correction, x.deadline, x.comment, x.reason, x.taskId,
                x.recordedBy, x.recordedAt);
    }

    private static Map<String, String> names(List<String> codes) {
        if (codes.isEmpty()) {
            return Map.of();
        }
        return OrgUnit.<OrgUnit>list("code in ?1", codes).stream().collect(Collectors.toMap(o -> o.code, o -> o.name,
                (a, b) -> a, HashMap::new));
    }
}
