package io.mingjing.platform.inspection;

import io.mingjing.platform.audit.AuditLog;
import io.mingjing.platform.event.DomainEvents;
import io.mingjing.platform.feature.FeatureSwitches;
import io.mingjing.platform.identity.Caller;
import io.mingjing.platform.identity.CurrentCaller;
import io.mingjing.platform.inspection.InspectionRequests.NewRound;
import io.mingjing.platform.inspection.InspectionRequests.VillageResult;
import io.mingjing.platform.inspection.InspectionResult.Outcome;
import io.mingjing.platform.input.Text;
import io.mingjing.platform.orgunit.OrgUnit;
import io.mingjing.platform.orgunit.OrgUnitLevel;
import io.mingjing.platform.orgunit.Places;
import io.mingjing.platform.problem.Problem;
import io.mingjing.platform.problem.ProblemException;
import io.mingjing.platform.sample.SampleSource;
import io.mingjing.platform.task.TaskFeature;
import io.mingjing.platform.task.TaskService;
import io.mingjing.platform.tenancy.CurrentTenant;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.transaction.Transactional;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * 电子抽检: an inspector (or a town official within the town) opens a round over a period, the platform
 * draws the villages and their records reproducibly, and a result is recorded per village — amended
 * only with a reason; 需整改 becomes the village's task. The round closes when every village has a
 * result, or when its recorder closes it. Every write is audited and recorded as an event.
 */
@ApplicationScoped
public class InspectionService {

    static final int MAX_PER_KIND = 20;
    static final int DEFAULT_PER_KIND = 5;
    static final int MAX_VILLAGES = 500;
    static final int MAX_DAYS = 3 * 366;
    static final String ENTITY = "InspectionRound";

    @Inject
    CurrentCaller caller;
    @Inject
    CurrentTenant tenant;
    @Inject
    Places places;
    @Inject
    InspectionAccess access;
    @Inject
    InspectionKinds kinds;
    @Inject
    InspectionDraw draw;
    @Inject
    AuditLog audit;
    @Inject
    DomainEvents events;
    @Inject
    TaskService tasks;
    @Inject
    FeatureSwitches switches;
    @Inject
    EntityManager em;

    /** Opens a round and draws it: all of it or, on any problem with the request, nothing. */
    @Transactional
    public InspectionRound open(NewRound r) {
        access.requireOpener();
        if (r == null) {
            throw ProblemException.invalid(400, "The body must be a round.", Map.of("body", "is required"));
        }
        Caller c = caller.get();
        InspectionRound round = new InspectionRound();
        round.title = r.title() == null || r.title().isBlank() ? "电子抽检" : text(r.title(), "title", 100, false);
        period(r.from(), r.to());
        round.periodFrom = r.from();
        round.periodTo = r.to();
        List<SampleSource> sources = sources(r.kinds());
        round.kinds = sources.stream().map(SampleSource::kind).toArray(String[]::new);
        round.perKind = perKind(r.perKind());
        round.openerUnit = access.openerUnit();
        round.town = town(r.town());
        List<OrgUnit> named = named(r, round.town);
        round.sampleSize = named == null ? sampleSize(r.sample(), round.town) : null;
        round.seed = InspectionDraw.seed();
        round.state = InspectionRound.State.OPEN;
        round.openedBy = c.actor();
        round.openerUserId = c.userId();
        round.openedAt = Instant.now();
        round.persist();
        drawVillages(round, named);
        sources.forEach(s -> draw.records(round, s));
        audit.append(c.actor(), "inspection.opened", ENTITY, round.id.toString(), drawn(round));
        InspectionEvents.record(events, "inspection.opened", round, Map.of("villages", villageCount(round)));
        return round;
    }

    private void drawVillages(InspectionRound round, List<OrgUnit> named) {
        if (named == null) {
            draw.villages(round, round.sampleSize);
            return;
        }
        for (int i = 0; i < named.size(); i++) {
            InspectedVillage v = new InspectedVillage();
            v.roundId = round.id;
            v.village = named.get(i).code;
            v.town = named.get(i).parentCode;
            v.draw = i + 1;
            v.persist();
        }
        em.flush();
    }

    /**
     * A village's result, first or amended (then with a reason). 需整改 assigns the correction to the
     * village as a task when the result becomes 需整改 and the county has tasks on.
     */
    @Transactional
    public InspectionResult record(long id, String village, VillageResult r) {
        InspectionRound round = lockRound(id);
        InspectedVillage v = lockVillage(round, village);
        access.requireRecorder(round);
        if (r == null) {
            throw ProblemException.invalid(400, "The body must be a result.", Map.of("body", "is required"));
        }
        if (round.state == InspectionRound.State.CLOSED && v.version == 0) {
            throw new ProblemException(422, "Invalid transition", "Round " + id + " is closed: " + v.village.strip()
                    + " was not inspected in it.");
        }
        InspectionResult result = result(r, v);
        Caller c = caller.get();
        boolean becameRectify = result.result == Outcome.RECTIFY && v.result != Outcome.RECTIFY;
        if (becameRectify && switches.on(tenant.require(), TaskFeature.ID)) {
            result.taskId = tasks.forVillage(v.village, taskTitle(round), taskBody(round, result), result.deadline,
                    "inspection:" + round.id, round.openerUnit, c).id;
        }
        result.roundId = round.id;
        result.village = v.village;
        result.version = v.version + 1;
        result.recordedBy = c.actor();
        result.recorderUserId = c.userId();
        result.recordedAt = Instant.now();
        result.persist();
        v.result = result.result;
        v.version = result.version;
        String action = result.version == 1 ? "inspection.recorded" : "inspection.amended";
        audit.append(c.actor(), action, ENTITY, round.id + "/" + v.village.strip(), payload(result));
        InspectionEvents.result(events, round, v, result);
        if (round.state == InspectionRound.State.OPEN && InspectedVillage.count("roundId = ?1 and version = 0", round.id) == 0) {
            close(round, c, null, false);
        }
        return result;
    }

    /** Closed by its recorder before every village has a result; those without one stay without. */
    @Transactional
    public InspectionRound close(long id, String note) {
        InspectionRound round = lockRound(id);
        access.requireRecorder(round);
        if (round.state == InspectionRound.State.CLOSED) {
            throw new ProblemException(422, "Invalid transition", "Round " + id + " is closed already.");
        }
        close(round, caller.get(), note == null || note.isBlank() ? null : text(note, "note", 2000, true), true);
        return round;
    }

    private void close(InspectionRound round, Caller c, String note, boolean early) {
        round.state = InspectionRound.State.CLOSED;
        round.closedBy = c.actor();
        round.closedAt = Instant.now();
        round.closeNote = note;
        long missing = InspectedVillage.count("roundId = ?1 and version = 0", round.id);
        audit.append(c.actor(), "inspection.closed", ENTITY, round.id.toString(), ("closed\nwithout result=" + missing
                + "\nnote=" + note).getBytes(StandardCharsets.UTF_8));
        InspectionEvents.record(events, "inspection.closed", round, Map.of("villages", villageCount(round),
                "withoutResult", missing, "byHand", early));
    }

    private InspectionRound lockRound(long id) {
        InspectionRound round = em.find(InspectionRound.class, id, LockModeType.PESSIMISTIC_WRITE);
        if (round == null || !access.seesRound(round.id)) {
            throw ProblemException.notFound("No inspection round " + id + ".");
        }
        return round;
    }

    private InspectedVillage lockVillage(InspectionRound round, String village) {
        InspectedVillage v = village == null || !village.matches("\\d{12}") ? null : InspectedVillage.<InspectedVillage>find(
                "roundId = ?1 and village = ?2", round.id, village).withLock(LockModeType.PESSIMISTIC_WRITE).firstResult();
        if (v == null || !access.sees(v)) {
            throw ProblemException.notFound("Village " + village + " is not in round " + round.id + ".");
        }
        return v;
    }

    private static InspectionResult result(VillageResult r, InspectedVillage v) {
        InspectionResult out = new InspectionResult();
        out.result = outcome(r.result());
        out.comment = r.comment() == null || r.comment().isBlank() ? null : text(r.comment(), "comment", 2000, true);
        if (out.result == Outcome.FAIL && out.comment == null) {
            throw ProblemException.invalid(422, "Say why the village failed.", Map.of("comment", "is required for FAIL"));
        }
        if (out.result == Outcome.RECTIFY) {
            out.correction = text(r.correction(), "correction", 2000, true);
            out.deadline = deadline(r.deadline());
        } else if (r.correction() != null || r.deadline() != null) {
            throw ProblemException.invalid(422, "A correction and its deadline belong to RECTIFY only.", Map.of(
                    r.correction() != null ? "correction" : "deadline", "only with result RECTIFY"));
        }
        if (v.version > 0) {
            out.reason = text(r.reason(), "reason", 2000, true);
        }
        return out;
    }

    private static Outcome outcome(String text) {
        try {
            return Outcome.valueOf(text == null ? "" : text.strip().toUpperCase());
        } catch (IllegalArgumentException e) {
            throw ProblemException.invalid(422, "Unknown result.", Map.of("result", "must be PASS, RECTIFY or FAIL"));
        }
    }

    private static LocalDate deadline(LocalDate d) {
        LocalDate today = InspectionDraw.today();
        if (d == null || !d.isAfter(today) || d.isAfter(today.plusDays(365))) {
            throw ProblemException.invalid(422, "The deadline is not plausible.", Map.of("deadline",
                    "must be a day from tomorrow to a year from today"));
        }
        return d;
    }

    private static void period(LocalDate from, LocalDate to) {
        if (from == null || to == null) {
            throw ProblemException.invalid(422, "Say the period the round inspects.", Map.of(from == null ? "from" : "to",
                    "is required"));
        }
        if (to.isBefore(from)) {
            throw ProblemException.invalid(422, "The period ends before it begins.", Map.of("to", "must not be before from"));
        }
        if (to.isAfter(InspectionDraw.today())) {
            throw ProblemException.invalid(422, "A period still to come has no records.", Map.of("to",
                    "must not be after today"));
        }
        if (from.plusDays(MAX_DAYS).isBefore(to)) {
            throw ProblemException.invalid(422, "The period is too long.", Map.of("to", "at most " + MAX_DAYS
                    + " days after from"));
        }
    }

    private List<SampleSource> sources(List<String> requested) {
        if (requested == null || requested.isEmpty()) {
            throw ProblemException.invalid(422, "Say which kinds of record to sample.", Map.of("kinds",
                    "name at least one of " + offeredKinds()));
        }
        Map<String, SampleSource> offered = kinds.offered().stream().collect(Collectors.toMap(SampleSource::kind,
                s -> s, (a, b) -> a, LinkedHashMap::new));
        Set<SampleSource> chosen = new LinkedHashSet<>();
        for (int i = 0; i < requested.size(); i++) {
            String k = requested.get(i) == null ? "" : requested.get(i).strip().toUpperCase();
            SampleSource s = offered.get(k);
            if (s == null) {
                throw ProblemException.invalid(422, "Unknown kind of record.", Map.of("kinds[" + i + "]",
                        "must be one of " + offered.keySet()));
            }
            chosen.add(s);
        }
        return chosen.stream().sorted((a, b) -> Integer.compare(InspectionKinds.rank(a.kind()),
                InspectionKinds.rank(b.kind()))).toList();
    }

    private String offeredKinds() {
        return kinds.offered().stream().map(SampleSource::kind).toList().toString();
    }

    private static int perKind(Integer n) {
        if (n == null) {
            return DEFAULT_PER_KIND;
        }
        if (n < 1 || n > MAX_PER_KIND) {
            throw ProblemException.invalid(422, "Records per kind are 1 to " + MAX_PER_KIND + ".", Map.of("perKind",
                    "must be 1 to " + MAX_PER_KIND));
        }
        return n;
    }

    /** The town an inspector narrows the draw to, or a town official's own (another town is outside their places). */
    private String town(String code) {
        String own = access.openerUnit();
        if (code == null || code.isBlank()) {
            return own;
        }
        OrgUnit u = code.matches("\\d{12}") ? OrgUnit.findById(code) : null;
        if (u == null || u.level != OrgUnitLevel.TOWN) {
            throw ProblemException.invalid(422, "Unknown town.", Map.of("town", "must be the code of a town of this county"));
        }
        if (own != null && !own.equals(u.code)) {
            throw forbidden("town", u.code);
        }
        return u.code;
    }

    /** The villages named, in order, each within the caller's places (and the town given); null when none are. */
    private List<OrgUnit> named(NewRound r, String town) {
        if (r.villages() == null || r.villages().isEmpty()) {
            if (r.sample() == null) {
                throw ProblemException.invalid(422, "Name the villages or say how many to draw.", Map.of("sample",
                        "is required when no villages are named"));
            }
            return null;
        }
        if (r.sample() != null) {
            throw ProblemException.invalid(422, "Name the villages or draw them, not both.", Map.of("sample",
                    "must be absent when villages are named"));
        }
        Set<String> unique = new LinkedHashSet<>(r.villages());
        if (unique.size() > MAX_VILLAGES) {
            throw ProblemException.invalid(422, "Too many villages.", Map.of("villages", "at most " + MAX_VILLAGES));
        }
        List<OrgUnit> out = new ArrayList<>();
        int i = 0;
        for (String code : unique) {
            String field = "villages[" + i++ + "]";
            OrgUnit u = code == null || !code.matches("\\d{12}") ? null : OrgUnit.findById(code);
            if (u == null || u.level != OrgUnitLevel.VILLAGE) {
                throw ProblemException.invalid(422, "Unknown village.", Map.of(field, "must be the code of a village of this county"));
            }
            if (!places.mayActOn(u.code)) {
                throw forbidden(field, u.code);
            }
            if (town != null && !town.equals(u.parentCode)) {
                throw ProblemException.invalid(422, "A village outside the town given.", Map.of(field, "is not in town " + town));
            }
            out.add(u);
        }
        return out;
    }

    private static int sampleSize(Integer n, String town) {
        long available = town == null ? OrgUnit.count("level", OrgUnitLevel.VILLAGE)
                : OrgUnit.count("level = ?1 and parentCode = ?2", OrgUnitLevel.VILLAGE, town);
        if (n < 1) {
            throw ProblemException.invalid(422, "Draw at least one village.", Map.of("sample", "must be at least 1"));
        }
        if (n > available) {
            throw ProblemException.invalid(422, "There are fewer villages to draw from.", Map.of("sample", "at most "
                    + available + (town == null ? " (the county's villages)" : " (the villages of town " + town + ")")));
        }
        return n;
    }

    private static ProblemException forbidden(String field, String code) {
        return new ProblemException(new Problem("about:blank", "Forbidden", 403, "Your account inspects only within its"
                + " own places: " + code + " is outside them.", Map.of(field, "is outside your town")), null);
    }

    static String text(String text, String field, int max, boolean lineBreaks) {
        String problem = text == null || text.isBlank() ? "is required" : text.strip().length() > max
                ? "must be at most " + max + " characters" : Text.problem(text, lineBreaks);
        if (problem != null) {
            throw ProblemException.invalid(422, "The " + field + " is missing or not acceptable.", Map.of(field, problem));
        }
        return text.strip();
    }

    private static long villageCount(InspectionRound round) {
        return InspectedVillage.count("roundId", round.id);
    }

    private static String taskTitle(InspectionRound round) {
        String t = "整改：" + round.title;
        return t.length() > 100 ? t.substring(0, 100) : t;
    }

    private static String taskBody(InspectionRound round, InspectionResult r) {
        return "电子抽检 #" + round.id + "（" + round.periodFrom + " 至 " + round.periodTo + "）需整改：\n" + r.correction
                + (r.comment == null ? "" : "\n\n" + r.comment);
    }

    /** What the chain commits to when a round opens: its terms, its seed, and every village and record drawn. */
    private byte[] drawn(InspectionRound round) {
        StringBuilder b = new StringBuilder().append("title=").append(round.title).append("\nperiod=")
                .append(round.periodFrom).append("..").append(round.periodTo).append("\nkinds=")
                .append(String.join(",", round.kinds)).append("\nperKind=").append(round.perKind).append("\ntown=")
                .append(round.town).append("\nsample=").append(round.sampleSize).append("\nseed=").append(round.seed);
        List<InspectedVillage> villages = InspectedVillage.list("roundId = ?1 order by draw", round.id);
        b.append("\nvillages=").append(villages.stream().map(v -> v.village.strip()).collect(Collectors.joining(",")));
        List<InspectionSample> samples = InspectionSample.<InspectionSample>list("roundId", round.id).stream()
                .sorted(Comparator.comparing((InspectionSample s) -> s.village).thenComparing(s -> s.kind)
                        .thenComparingInt(s -> s.rank)).toList();
        for (InspectionSample s : samples) {
            b.append('\n').append(s.village.strip()).append(' ').append(s.kind).append(' ').append(s.rank).append(' ')
                    .append(s.recordId).append(' ').append(s.auditSeq);
        }
        return b.toString().getBytes(StandardCharsets.UTF_8);
    }

    private static byte[] payload(InspectionResult r) {
        return ("version=" + r.version + "\nresult=" + r.result + "\ncorrection=" + r.correction + "\ndeadline="
                + r.deadline + "\ncomment=" + r.comment + "\nreason=" + r.reason + "\ntask=" + r.taskId)
                .getBytes(StandardCharsets.UTF_8);
    }
}
