package io.mingjing.platform.consultation;

import io.mingjing.platform.audit.AuditLog;
import io.mingjing.platform.consultation.ConsultationRequests.Moderation;
import io.mingjing.platform.consultation.ConsultationRequests.NewComment;
import io.mingjing.platform.consultation.ConsultationRequests.NewConsultation;
import io.mingjing.platform.consultation.ConsultationRequests.Resolution;
import io.mingjing.platform.event.DomainEvents;
import io.mingjing.platform.feature.FeatureSwitches;
import io.mingjing.platform.identity.Caller;
import io.mingjing.platform.identity.CurrentCaller;
import io.mingjing.platform.identity.Role;
import io.mingjing.platform.inbox.InboxMessage;
import io.mingjing.platform.input.Text;
import io.mingjing.platform.orgunit.OrgUnit;
import io.mingjing.platform.orgunit.OrgUnitLevel;
import io.mingjing.platform.orgunit.Places;
import io.mingjing.platform.problem.ProblemException;
import io.mingjing.platform.resident.Resident;
import io.mingjing.platform.resident.ResidentAccess;
import io.mingjing.platform.tenancy.CurrentTenant;
import io.mingjing.sdk.Setting;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.transaction.Transactional;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * 码上协商: a topic raised by the village committee, or by a resident and supported by enough
 * residents; its discussion, moderated by the committee; a secret vote of the village's residents
 * ({@link BallotBox}); the count against the county's quorum and threshold; the resolution. Every
 * write is audited; who voted is audited, what they chose never is.
 */
@ApplicationScoped
public class ConsultationService {

    static final int MAX_OPTIONS = 10;

    @Inject
    CurrentCaller caller;
    @Inject
    Places places;
    @Inject
    ResidentAccess residents;
    @Inject
    AuditLog audit;
    @Inject
    DomainEvents events;
    @Inject
    BallotBox box;
    @Inject
    EntityManager em;
    @Inject
    FeatureSwitches switches;
    @Inject
    CurrentTenant county;
    @Inject
    ConsultationOutcomes outcomes;

    @Transactional
    public Consultation raise(NewConsultation r) {
        Caller c = caller.get();
        OrgUnit village = r == null || r.village() == null ? null : OrgUnit.findById(r.village());
        if (village == null || village.level != OrgUnitLevel.VILLAGE) {
            throw ProblemException.invalid(422, "Unknown village.", Map.of("village", "must be the code of a village of this county"));
        }
        Resident me = null;
        boolean committee = c.hasRole(Role.CADRE) && places.mayActOn(village.code);
        if (!committee) {
            me = requireResident(c, village.code);
        }
        Consultation x = new Consultation();
        x.village = village.code;
        x.town = village.parentCode;
        x.title = required(r.title(), "title", 100);
        x.body = required(r.body(), "body", 20_000);
        x.options = options(r.options());
        x.raisedBy = c.actor();
        x.raiserUserId = c.userId();
        x.byResidents = !committee;
        x.supportersNeeded = committee ? 0 : (int) setting(ConsultationFeature.SUPPORTERS);
        x.createdAt = Instant.now();
        x.state = ConsultationState.PROPOSED;
        x.persist();
        audit.append(c.actor(), "consultation.raised", "Consultation", x.id.toString(), payload(x));
        if (committee) {
            open(x);
        } else {
            addSupporter(x, me);
        }
        return x;
    }

    /** A resident of the village joins a proposed topic; enough of them open it for discussion. */
    @Transactional
    public Consultation support(long id) {
        Consultation x = lock(id, LockModeType.PESSIMISTIC_WRITE);
        Resident me = requireResident(caller.get(), x.village);
        requireState(x, ConsultationState.PROPOSED, "only a proposed topic gathers supporters");
        addSupporter(x, me);
        return x;
    }

    private void addSupporter(Consultation x, Resident me) {
        int added = em.createNativeQuery("INSERT INTO consultation_support (consultation_id, resident_id) VALUES (?1, ?2) "
                + "ON CONFLICT DO NOTHING").setParameter(1, x.id).setParameter(2, me.id).executeUpdate();
        if (added == 0) {
            throw ProblemException.conflict("You support consultation " + x.id + " already.");
        }
        audit.append(caller.get().actor(), "consultation.supported", "Consultation", x.id.toString(),
                (x.id + "\n" + me.id).getBytes(StandardCharsets.UTF_8));
        if (supporters(x.id) >= x.supportersNeeded) {
            open(x);
        }
    }

    long supporters(long id) {
        return ((Number) em.createNativeQuery("SELECT count(*) FROM consultation_support WHERE consultation_id = ?1")
                .setParameter(1, id).getSingleResult()).longValue();
    }

    private void open(Consultation x) {
        x.state = ConsultationState.OPEN;
        record("consultation.opened", x, Map.of("byResidents", x.byResidents));
        InboxMessage.toUnit(x.village, null, "码上协商「" + x.title + "」开始讨论");
    }

    /** The committee puts a discussed topic to the vote until the given time (at most the county's longest). */
    @Transactional
    public Consultation startVoting(long id, Instant until) {
        Consultation x = lock(id, LockModeType.PESSIMISTIC_WRITE);
        Caller c = requireCommittee(x);
        requireState(x, ConsultationState.OPEN, "only a topic under discussion is put to the vote");
        Instant now = Instant.now();
        Duration longest = Duration.ofDays(setting(ConsultationFeature.MAX_DAYS));
        if (until == null || !until.isAfter(now.plusSeconds(60)) || until.isAfter(now.plus(longest))) {
            throw ProblemException.invalid(422, "Say until when residents vote.", Map.of("until",
                    "must be a time at least a minute from now and at most " + longest.toDays() + " days away"));
        }
        x.state = ConsultationState.VOTING;
        x.votingFrom = now;
        x.votingUntil = until;
        x.quorumPercent = (int) setting(ConsultationFeature.QUORUM);
        x.passPercent = (int) setting(ConsultationFeature.PASS);
        audit.append(c.actor(), "consultation.voting", "Consultation", x.id.toString(), (x.id + "\n" + until + "\n"
                + x.quorumPercent + "\n" + x.passPercent).getBytes(StandardCharsets.UTF_8));
        record("consultation.voting", x, Map.of("until", until.toString()));
        InboxMessage.toUnit(x.village, null, "码上协商「" + x.title + "」开始投票");
        return x;
    }

    /**
     * One resident, one secret ballot. The topic's row is held shared while the ballot goes in, so the
     * count (which holds it exclusively) sees every ballot committed before it and none after.
     */
    @Transactional
    public void vote(long id, Integer choice) {
        Consultation x = lock(id, LockModeType.PESSIMISTIC_READ);
        Caller c = caller.get();
        Resident me = requireResident(c, x.village);
        Instant now = Instant.now();
        if (x.state != ConsultationState.VOTING || !now.isBefore(x.votingUntil)) {
            throw new ProblemException(422, "Voting closed", "Consultation " + id + " takes no ballots: "
                    + (x.state == ConsultationState.VOTING || x.votingUntil != null ? "its vote closed at " + x.votingUntil
                            : "its vote has not opened") + ".");
        }
        if (choice == null || choice < 0 || choice >= x.options.size()) {
            throw ProblemException.invalid(422, "Choose one of the options.", Map.of("choice",
                    "must be the index of an option, 0 to " + (x.options.size() - 1)));
        }
        box.cast(x.id, me.id, choice);
        audit.append(c.actor(), "consultation.voted", "Consultation", x.id.toString(), (x.id + "\n" + me.id)
                .getBytes(StandardCharsets.UTF_8));
    }

    /** Counts a vote whose time is up; the closing job does it unasked, the committee may ask for it. */
    @Transactional
    public Consultation count(long id) {
        Consultation x = lock(id, LockModeType.PESSIMISTIC_WRITE);
        Caller c = requireCommittee(x);
        if (x.state != ConsultationState.VOTING || Instant.now().isBefore(x.votingUntil)) {
            throw new ProblemException(422, "Invalid transition", "Consultation " + id + " is " + x.state
                    + (x.state == ConsultationState.VOTING ? " until " + x.votingUntil : "") + "; only a vote whose time is up is counted.");
        }
        close(x, c.actor());
        return x;
    }

    /**
     * Counts the first vote whose time is up that no other replica is counting, passing over those whose
     * count failed in this run (so one broken box does not hold up the county's other votes).
     *
     * @return its id, or null when none is left
     */
    @Transactional
    public Long closeOneDue(Instant now, List<Long> failed) {
        List<Long> skip = new ArrayList<>(failed);
        skip.add(-1L);
        @SuppressWarnings("unchecked")
        List<Long> due = em.createNativeQuery("SELECT id FROM consultation WHERE state = 'VOTING' AND voting_until <= ?1 "
                + "AND id NOT IN (?2) ORDER BY voting_until LIMIT 1 FOR UPDATE SKIP LOCKED", Long.class)
                .setParameter(1, now).setParameter(2, skip).getResultList();
        if (due.isEmpty()) {
            return null;
        }
        try {
            close(Consultation.findById(due.getFirst()), ConsultationClosing.ACTOR);
        } catch (IllegalStateException e) {
            throw new CountFailed(due.getFirst(), e);
        }
        return due.getFirst();
    }

    /** A count that stopped (a box that does not match its voters): nothing of it is published. */
    public static final class CountFailed extends RuntimeException {

        final long consultation;

        CountFailed(long consultation, Throwable cause) {
            super("consultation " + consultation + " was not counted: " + cause.getMessage(), cause);
            this.consultation = consultation;
        }
    }

    void close(Consultation x, String actor) {
        long[] counts = box.open(x.id, x.options.size());
        long eligible = ((Number) em.createNativeQuery("SELECT count(*) FROM resident WHERE registered_village = ?1 "
                + "OR residence_village = ?1").setParameter(1, x.village).getSingleResult()).longValue();
        Tally t = new Tally(x.options, counts, eligible, x.quorumPercent, x.passPercent);
        x.result = t.asResult();
        x.state = ConsultationState.CLOSED;
        audit.append(actor, "consultation.counted", "Consultation", x.id.toString(), payload(x));
        record("consultation.counted", x, Map.of("cast", t.cast(), "eligible", eligible, "quorumMet", t.quorumMet(),
                "passed", t.carried() >= 0));
        InboxMessage.toUnit(x.village, null, "码上协商「" + x.title + "」投票结束：" + (t.carried() >= 0
                ? "通过（" + x.options.get(t.carried()) + "）" : "未通过"));
    }

    /** The committee publishes what the village resolved; it may become a task and a disclosure draft. */
    @Transactional
    public Consultation resolve(long id, Resolution r) {
        Consultation x = lock(id, LockModeType.PESSIMISTIC_WRITE);
        Caller c = requireCommittee(x);
        requireState(x, ConsultationState.CLOSED, "only a counted vote is resolved");
        x.resolution = required(r == null ? null : r.text(), "text", 20_000);
        x.resolvedAt = Instant.now();
        x.state = ConsultationState.RESOLVED;
        if (r.task() != null) {
            x.taskId = outcomes.task(x, r.task(), c);
        }
        if (Boolean.TRUE.equals(r.disclosure())) {
            x.disclosureId = outcomes.disclosure(x, c.actor());
        }
        audit.append(c.actor(), "consultation.resolved", "Consultation", x.id.toString(), payload(x));
        record("consultation.resolved", x, Map.of());
        InboxMessage.toUnit(x.village, null, "码上协商「" + x.title + "」决议已公布");
        return x;
    }

    @Transactional
    public ConsultationComment comment(long id, NewComment r) {
        Consultation x = lock(id, LockModeType.PESSIMISTIC_READ);
        Caller c = caller.get();
        if (!residents.mayReadResidentContent(x.village)) {
            throw ProblemException.notFound("No consultation " + id + ".");
        }
        if (x.state != ConsultationState.OPEN && x.state != ConsultationState.VOTING) {
            throw new ProblemException(422, "Invalid transition", "Consultation " + id + " is " + x.state
                    + "; comments are taken while it is discussed and voted on.");
        }
        ConsultationComment m = new ConsultationComment();
        m.consultationId = x.id;
        m.author = c.actor();
        m.userId = c.userId();
        m.body = required(r == null ? null : r.body(), "body", 2000);
        m.at = Instant.now();
        m.persist();
        audit.append(c.actor(), "consultation.commented", "ConsultationComment", m.id.toString(),
                (x.id + "\n" + m.body).getBytes(StandardCharsets.UTF_8));
        return m;
    }

    /** The committee hides a comment that breaks the village's rules (or shows it again), saying why. */
    @Transactional
    public ConsultationComment moderate(long id, long commentId, Moderation r) {
        Consultation x = lock(id, LockModeType.PESSIMISTIC_READ);
        Caller c = requireCommittee(x);
        ConsultationComment m = ConsultationComment.find("id = ?1 and consultationId = ?2", commentId, x.id).firstResult();
        if (m == null) {
            throw ProblemException.notFound("No comment " + commentId + " of consultation " + id + ".");
        }
        if (r == null || r.hidden() == null) {
            throw ProblemException.invalid(400, "Say whether the comment is hidden.", Map.of("hidden", "is required: true or false"));
        }
        m.hidden = r.hidden();
        m.moderatedBy = c.actor();
        m.moderationNote = required(r.note(), "note", 500);
        audit.append(c.actor(), m.hidden ? "consultation.comment-hidden" : "consultation.comment-shown",
                "ConsultationComment", m.id.toString(), (m.id + "\n" + m.moderationNote).getBytes(StandardCharsets.UTF_8));
        return m;
    }

    /** The consultation if the caller is a resident of its village or staff who may act there; else it does not exist for them. */
    @Transactional
    public Consultation readable(long id) {
        Consultation x = Consultation.findById(id);
        if (x == null || !residents.mayReadResidentContent(x.village)) {
            throw ProblemException.notFound("No consultation " + id + ".");
        }
        return x;
    }

    /** Whether the caller has voted on it (never what they chose: the platform does not know). */
    public boolean hasVoted(Consultation x) {
        Resident me = Resident.byUserId(caller.get().userId());
        return me != null && ((Number) em.createNativeQuery("SELECT count(*) FROM consultation_voter WHERE "
                + "consultation_id = ?1 AND resident_id = ?2").setParameter(1, x.id).setParameter(2, me.id)
                .getSingleResult()).longValue() > 0;
    }

    private Consultation lock(long id, LockModeType mode) {
        Consultation x = em.find(Consultation.class, id, mode);
        if (x == null || !residents.mayReadResidentContent(x.village)) {
            throw ProblemException.notFound("No consultation " + id + ".");
        }
        return x;
    }

    /** A vote is the village's own: its residents by registration (户籍) or residence (常驻), nobody else. */
    private static Resident requireResident(Caller c, String village) {
        Resident me = c.hasRole(Role.VILLAGER) ? Resident.byUserId(c.userId()) : null;
        if (me == null || !(village.equals(me.registeredVillage) || village.equals(me.residenceVillage))) {
            throw new ProblemException(403, "Forbidden", "Only residents of village " + village
                    + " (registered or living there) take part in its consultations.");
        }
        return me;
    }

    private Caller requireCommittee(Consultation x) {
        Caller c = caller.get();
        if (!c.hasRole(Role.CADRE) || !places.mayActOn(x.village)) {
            throw new ProblemException(403, "Forbidden", "Only the committee (cadres) of village " + x.village
                    + " does this.");
        }
        return c;
    }

    private static void requireState(Consultation x, ConsultationState state, String why) {
        if (x.state != state) {
            throw new ProblemException(422, "Invalid transition", "Consultation " + x.id + " is " + x.state + "; " + why + ".");
        }
    }

    private long setting(Setting.Number s) {
        Object v = switches.settings(county.require(), ConsultationFeature.ID).get(s.key());
        return v instanceof Number n ? n.longValue() : s.defaultValue();
    }

    static String required(String text, String field, int max) {
        String problem = text == null || text.isBlank() ? "is required" : text.strip().length() > max
                ? "must be at most " + max + " characters" : Text.problem(text, true);
        if (problem != null) {
            throw ProblemException.invalid(422, "The " + field + " is missing or not acceptable.", Map.of(field, problem));
        }
        return text.strip();
    }

    private static List<String> options(List<String> options) {
        if (options == null || options.isEmpty()) {
            return Tally.YES_NO;
        }
        if (options.size() < 2 || options.size() > MAX_OPTIONS || options.stream().distinct().count() != options.size()) {
            throw ProblemException.invalid(422, "A ballot offers 2 to " + MAX_OPTIONS + " different options.",
                    Map.of("options", "must hold 2 to " + MAX_OPTIONS + " different options, or be left out for 赞成/反对/弃权"));
        }
        List<String> checked = new ArrayList<>();
        for (String o : options) {
            checked.add(required(o, "options", 50));
        }
        return checked;
    }

    private void record(String name, Consultation x, Map<String, Object> extra) {
        Map<String, Object> data = new LinkedHashMap<>();
        data.put("id", x.id);
        data.put("village", x.village);
        data.put("town", x.town);
        data.put("state", x.state.name());
        data.putAll(extra);
        events.record(name, "consultation", x.id.toString(), data);
    }

    private static byte[] payload(Consultation x) {
        return (x.village + "\n" + x.title + "\n" + x.body + "\n" + x.options + "\n" + x.result + "\n" + x.resolution)
                .getBytes(StandardCharsets.UTF_8);
    }
}
