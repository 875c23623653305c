package io.mingjing.platform.appeal;

import io.mingjing.platform.clock.SlaState;
import io.mingjing.platform.audit.AuditEntry;
import io.mingjing.platform.audit.AuditLog;
import io.mingjing.platform.audit.AuditRecord;
import io.mingjing.platform.audit.Chain;
import io.mingjing.platform.identity.Caller;
import io.mingjing.platform.identity.CurrentCaller;
import io.mingjing.platform.identity.Role;
import io.mingjing.platform.inbox.InboxMessage;
import io.mingjing.platform.inbox.InboxMessage.Words;
import io.mingjing.platform.limit.FilingLimits;
import io.mingjing.platform.orgunit.OrgUnit;
import io.mingjing.platform.orgunit.OrgUnitLevel;
import io.mingjing.platform.problem.ProblemException;
import io.mingjing.platform.resident.Resident;
import io.mingjing.platform.secure.Codes;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** Files cases and moves them through the loop; every step is audited and shown on the timeline. */
@ApplicationScoped
public class AppealService {

    private static final Duration REPEAT_WINDOW = Duration.ofDays(30);
    private static final int SUBJECT_WINDOW = 200;

    @Inject
    CurrentCaller caller;
    @Inject
    AppealAccess access;
    @Inject
    SlaClock clock;
    @Inject
    AuditLog audit;
    @Inject
    EntityManager em;
    @Inject
    FilingLimits filing;
    @Inject
    AppealEvents events;

    /** What the appellant keeps: the tracking number, the receipt hash and, for anonymous reports, the code. */
    public record Receipt(String trackingNo, String receiptHash, String receiptCode, boolean replayed) {
    }

    @Transactional
    public Receipt submit(AppealRequest request, List<Attachments.Upload> uploads, String idempotencyKey,
            String digest, FilingLimits.Proof proof) {
        Caller c = caller.get();
        String key = ownKey(c, idempotencyKey, proof);
        if (key != null) {
            Appeal earlier = Appeal.find("idempotencyKey", key).firstResult();
            if (earlier != null) {
                if (!earlier.requestDigest.equals(digest)) {
                    throw ProblemException.conflict("This Idempotency-Key was used for a different request.");
                }
                return new Receipt(earlier.trackingNo, earlier.receiptHash, null, true);
            }
        }
        AppealCategory category = check(request, c);
        filing.spend(c, proof);
        Instant now = Instant.now();
        Appeal a = new Appeal();
        a.trackingNo = Codes.random(10);
        a.kind = request.kind();
        a.category = category.code;
        a.subject = request.subject();
        a.body = request.body();
        a.village = request.village();
        a.latitude = request.latitude();
        a.longitude = request.longitude();
        a.paymentRef = request.paymentRef();
        a.accused = request.accused() == null ? null : String.join(",", request.accused());
        a.state = AppealState.SUBMITTED;
        a.level = a.kind == AppealKind.REPORT ? HandlingLevel.INSPECTORS
                : a.kind == AppealKind.INQUIRY ? HandlingLevel.VILLAGE : category.route;
        a.department = a.level == HandlingLevel.DEPARTMENT ? category.department : null;
        a.idempotencyKey = key;
        a.requestDigest = digest;
        a.createdAt = now;
        String receiptCode = identifyAppellant(a, request, c);
        clock.start(a, now, SlaState.GREEN);
        flagRepeats(a, now);
        a.persist();
        Attachments.store(a.id, uploads);
        step(a, a.appellantUserId == null ? "anonymous" : auditActor(a, c), "submit", null);
        InboxMessage.toUnit(AppealAccess.unitAddress(a), a.id, "新的" + label(a) + "“" + a.subject + "”（" + a.trackingNo
                + "）", Words.of("inbox.case.new", "t:case.kind." + a.kind, a.trackingNo, a.subject));
        events.record("appeal.created", a);
        if (a.supervised) {
            events.record("appeal.supervised", a, a.supervisionReason.substring(0, a.supervisionReason.indexOf(':')));
        }
        // last: the audit chain is locked from here to the commit
        AuditRecord receipt = audit.receipt(chain(a), auditActor(a, c), "appeal.submitted", "Appeal", a.trackingNo,
                (a.trackingNo + "\n" + digest).getBytes(StandardCharsets.UTF_8));
        a.receiptHash = receipt.hash;
        return new Receipt(a.trackingNo, a.receiptHash, receiptCode, false);
    }

    /**
     * An Idempotency-Key belongs to whoever sent it: the account, or for an anonymous filer the
     * challenge only they were given. Another caller sending the same key files a case of their own
     * and learns nothing of the first. An anonymous filer without a challenge has no key at all.
     */
    private static String ownKey(Caller c, String key, FilingLimits.Proof proof) {
        String owner = !c.anonymous() ? "user:" + c.userId()
                : proof != null && proof.challenge() != null ? "proof:" + proof.challenge() : null;
        return key == null || owner == null ? null : AuditEntry.sha256((owner + "\n" + key).getBytes(StandardCharsets.UTF_8));
    }

    /** The cases the caller may see, newest first: all for inspectors, their places' for staff, their own else. */
    @Transactional
    public List<AppealView> visible(AppealFilter filter) {
        Caller c = caller.get();
        Map<String, Object> params = new HashMap<>();
        String narrowed = filter.where(params) + " order by createdAt desc";
        List<Appeal> cases;
        if (c.hasRole(Role.INSPECTOR)) {
            cases = Appeal.find("1 = 1" + narrowed, params).page(0, 200).list();
        } else if (c.hasRole(Role.TENANT_ADMIN) || c.hasRole(Role.DEPARTMENT_STAFF)) {
            params.put("report", AppealKind.REPORT);
            cases = Appeal.find("kind <> :report" + narrowed, params).page(0, 200).list();
        } else if (c.isStaff() && c.orgUnit() != null) {
            params.put("report", AppealKind.REPORT);
            params.put("own", c.orgUnit());
            cases = Appeal.find("kind <> :report and (village = :own or village in (select o.code from OrgUnit o where "
                    + "o.parentCode = :own))" + narrowed, params).page(0, 200).list();
        } else {
            params.put("me", c.userId());
            cases = Appeal.find("appellantUserId = :me" + narrowed, params).page(0, 200).list();
        }
        return cases.stream().filter(access::mayRead).limit(200)
                .map(a -> AppealView.of(a, access.maySeeAppellant(a), false, null)).toList();
    }

    /** 公开质询: a village's public questions and the committee's answers, newest first, without who asked. */
    @Transactional
    public List<AppealView> inquiries(String village, int limit) {
        return Appeal.<Appeal>find("kind = ?1 and village = ?2 order by createdAt desc", AppealKind.INQUIRY, village)
                .page(0, limit).stream().map(a -> AppealView.of(a, false, false, null)).toList();
    }

    /** One case with its timeline; reading a report is itself audited. */
    @Transactional
    public AppealView read(String trackingNo) {
        Appeal a = access.requireReadable(trackingNo);
        if (a.kind == AppealKind.REPORT) {
            audit.append(Chain.SEALED, auditActor(a, caller.get()), "appeal.read", "Appeal", a.trackingNo,
                    a.trackingNo.getBytes(StandardCharsets.UTF_8));
        }
        List<AppealState> next = new ArrayList<>(access.mayHandle(a) ? handlerMoves(a) : List.of());
        if (a.state == AppealState.REPLIED && mayRate(a)) {
            next.add(AppealState.RATED);
        }
        return AppealView.of(a, access.maySeeAppellant(a), true, next);
    }

    /** An anonymous reporter follows their report with its receipt code; a wrong code is a plain 404. */
    @Transactional
    public AppealView track(String trackingNo, String code) {
        filing.spendTracking();
        Appeal a = Appeal.find("trackingNo", trackingNo).firstResult();
        if (a == null || a.receiptCodeHash == null || code == null
                || !a.receiptCodeHash.equals(AuditEntry.sha256(trackingNo + ":" + code.strip().toUpperCase()))) {
            throw AppealAccess.notFound(trackingNo);
        }
        audit.append(Chain.SEALED, "reporter", "appeal.read", "Appeal", a.trackingNo, a.trackingNo.getBytes(StandardCharsets.UTF_8));
        return AppealView.of(a, false, true, List.of());
    }

    /** A handler's step: accept, assign, rectify, reply. */
    @Transactional
    public Appeal advance(String trackingNo, AppealState to, String note) {
        Appeal a = access.requireReadable(trackingNo);
        if (!access.mayHandle(a)) {
            throw new ProblemException(403, "Forbidden", "Your account does not handle case " + trackingNo + " now.");
        }
        if (!handlerMoves(a).contains(to)) {
            throw new ProblemException(422, "Invalid transition", "Case " + trackingNo + " is " + a.state
                    + "; it cannot move to " + to + " by a handler.");
        }
        if (to == AppealState.REPLIED) {
            if (note == null || note.isBlank()) {
                throw ProblemException.invalid(400, "A reply needs its text.", Map.of("note", "is required"));
            }
            a.reply = note;
        }
        a.state = to;
        clock.start(a, Instant.now(), SlaState.GREEN);
        step(a, caller.get().actor(), to.name().toLowerCase(), note);
        InboxMessage.toPerson(a.appellantAddress(), a.id, personal(a, "已" + stateZh(to)),
                personalWords(a, "t:case.news." + to));
        events.record("appeal." + to.name().toLowerCase(), a);
        audit.append(chain(a), auditActor(a, caller.get()), "appeal." + to.name().toLowerCase(), "Appeal", a.trackingNo,
                String.valueOf(note).getBytes(StandardCharsets.UTF_8));
        return a;
    }

    /** 问效: the appellant rates the reply; unsatisfied reopens once, then escalates. */
    @Transactional
    public Appeal rate(String trackingNo, boolean satisfied, String reason) {
        Appeal a = access.requireReadable(trackingNo);
        if (!mayRate(a)) {
            throw new ProblemException(403, "Forbidden", "Only the person who filed case " + trackingNo
                    + " can rate it.");
        }
        if (a.state != AppealState.REPLIED) {
            throw new ProblemException(422, "Invalid transition", "Case " + trackingNo + " is " + a.state
                    + "; it can be rated once it has a reply.");
        }
        if (!satisfied && (reason == null || reason.isBlank())) {
            throw ProblemException.invalid(400, "Say why you are not satisfied.", Map.of("reason", "is required"));
        }
        Instant now = Instant.now();
        a.satisfied = satisfied;
        a.ratingReason = reason;
        String action;
        if (satisfied) {
            a.state = AppealState.RATED;
            a.closedAt = now;
            action = "rated-satisfied";
        } else if (!a.reopened) {
            a.reopened = true;
            a.state = AppealState.ACCEPTED;
            action = "reopened";
        } else {
            a.state = AppealState.SUBMITTED;
            a.level = a.level.escalated();
            a.escalations++;
            action = "escalated";
        }
        clock.start(a, now, SlaState.GREEN);
        step(a, auditActor(a, caller.get()), action, reason);
        InboxMessage.toUnit(AppealAccess.unitAddress(a), a.id, label(a) + "“" + a.subject + "”（" + a.trackingNo + "）："
                + ACTIONS_ZH.get(action), Words.of("inbox.case.action", "t:case.kind." + a.kind, a.trackingNo, a.subject,
                "t:case.action." + action));
        if (!satisfied) {
            // the appellant hears that their case is back in hand, and at which level
            InboxMessage.toPerson(a.appellantAddress(), a.id, personal(a, ACTIONS_ZH.get(action) + "，办理后会再次答复您"),
                    personalWords(a, "t:case.news." + action));
        }
        events.record(satisfied ? "appeal.rated" : "appeal." + action, a, "escalated".equals(action) ? "unsatisfied"
                : null);
        audit.append(chain(a), auditActor(a, caller.get()), "appeal." + action, "Appeal", a.trackingNo,
                String.valueOf(reason).getBytes(StandardCharsets.UTF_8));
        return a;
    }

    /**
     * 问效 is the appellant's; for someone without an account (filed for by staff, or an anonymous
     * report) the handler records the rating they gave in person or by phone, as an audited step.
     */
    private boolean mayRate(Appeal a) {
        return access.isAppellant(a) || a.appellantUserId == null && access.mayHandle(a);
    }

    /** A reply waits for the appellant's rating: only they move it on (问效). */
    private static List<AppealState> handlerMoves(Appeal a) {
        return a.state == AppealState.REPLIED ? List.of() : a.state.next();
    }

    private AppealCategory check(AppealRequest request, Caller c) {
        AppealCategory category = AppealCategory.findById(request.category());
        if (category == null) {
            throw ProblemException.invalid(422, "Unknown category.", Map.of("category",
                    "must be one of " + AppealCategory.<AppealCategory>listAll().stream().map(x -> x.code).toList()));
        }
        OrgUnit village = OrgUnit.findById(request.village());
        if (village == null || village.level != OrgUnitLevel.VILLAGE) {
            throw ProblemException.invalid(422, "Unknown village.", Map.of("village",
                    "must be the code of a village of this county"));
        }
        if (c.anonymous() && request.kind() != AppealKind.REPORT) {
            throw new ProblemException(401, "Unauthorized", "Log in to file a " + request.kind()
                    + "; only reports (举报) may be anonymous.");
        }
        return category;
    }

    /** @return the receipt code of an anonymous report, else null */
    private String identifyAppellant(Appeal a, AppealRequest request, Caller c) {
        if (request.onBehalfOf() != null) {
            if (!c.isStaff()) {
                throw new ProblemException(403, "Forbidden", "Only staff may file on behalf of a resident.");
            }
            a.channel = request.onBehalfOf().channel();
            a.filedBy = c.actor();
            a.appellantName = request.onBehalfOf().name();
            a.appellantPhone = request.onBehalfOf().phone();
            // the account with that phone follows the case; never a report's (a mistyped number would show it)
            Resident r = a.appellantPhone == null || a.kind == AppealKind.REPORT ? null
                    : Resident.find("phone", a.appellantPhone).firstResult();
            a.appellantUserId = r == null ? null : r.userId;
            return null;
        }
        a.channel = "PORTAL";
        if (c.anonymous()) {
            String receiptCode = Codes.random(12);
            a.receiptCodeHash = AuditEntry.sha256(a.trackingNo + ":" + receiptCode);
            return receiptCode;
        }
        a.appellantUserId = c.userId();
        Resident r = Resident.byUserId(c.userId());
        a.appellantName = r == null ? c.displayName() : r.name;
        a.appellantPhone = r == null ? null : r.phone;
        return null;
    }

    /**
     * 督办: the same person on the same matter within 30 days, or three people on one matter. Both
     * read a bounded number of rows through indexes, however many cases a village has.
     */
    private void flagRepeats(Appeal a, Instant now) {
        if (a.kind == AppealKind.REPORT) {
            return; // inspectors supervise reports themselves; counting them would tie a reporter to a complaint
        }
        Instant since = now.minus(REPEAT_WINDOW);
        if (a.appellantUserId != null && !Appeal.find("appellantUserId = ?1 and category = ?2 and village = ?3 "
                + "and createdAt >= ?4 and kind <> ?5", a.appellantUserId, a.category, a.village, since,
                AppealKind.REPORT).range(0, 0).list().isEmpty()) {
            a.supervised = true;
            a.supervisionReason = "repeat: the same resident on the same matter within 30 days";
        }
        // the 200 most recent cases on this matter: three people among them is enough to know
        List<?> people = em.createNativeQuery("""
                SELECT DISTINCT appellant_user_id FROM (SELECT appellant_user_id, state FROM appeal
                  WHERE village = ?1 AND category = ?2 AND created_at >= ?3 AND kind <> 'REPORT'
                  ORDER BY created_at DESC LIMIT ?5) recent
                WHERE state <> 'RATED' AND appellant_user_id IS NOT NULL AND appellant_user_id <> ?4""")
                .setParameter(1, a.village).setParameter(2, a.category).setParameter(3, since)
                .setParameter(4, String.valueOf(a.appellantUserId)).setParameter(5, SUBJECT_WINDOW).getResultList();
        long count = people.size() + (a.appellantUserId == null ? 0 : 1);
        if (count >= 3) {
            a.supervised = true;
            a.supervisionReason = "multi-person: " + count + " residents on the same matter";
            Appeal.update("supervised = true, supervisionReason = ?4 where village = ?1 and category = ?2 "
                    + "and createdAt >= ?3 and state <> ?5 and supervised = false and kind <> ?6", a.village,
                    a.category, since, a.supervisionReason, AppealState.RATED, AppealKind.REPORT);
        }
    }

    static void step(Appeal a, String actor, String action, String note) {
        AppealStep s = new AppealStep();
        s.appealId = a.id;
        s.at = Instant.now();
        s.actor = actor;
        s.action = action;
        s.toState = a.state;
        s.note = note;
        s.persist();
    }

    /** Reports keep their reporter out of the public chain: the chain says "reporter". */
    /** Reports are written down in the sealed chain: the public one must not move when a report does. */
    static Chain chain(Appeal a) {
        return a.kind == AppealKind.REPORT ? Chain.SEALED : Chain.PUBLIC;
    }

    static String auditActor(Appeal a, Caller c) {
        return a.kind == AppealKind.REPORT && (c.anonymous() || c.userId().equals(a.appellantUserId)) ? "reporter"
                : c.actor();
    }

    /**
     * A message to the appellant never names the kind: it also goes out through modules' channels, and
     * no SMS gateway may learn that someone reported (举报).
     */
    private static final Map<String, String> ACTIONS_ZH = Map.of("rated-satisfied", "满意，办结",
            "reopened", "不满意，重新办理", "escalated", "不满意，提级办理");

    /** The Chinese a channel (SMS …) sends: the case by its subject and number, then the news. */
    static String personal(Appeal a, String news) {
        return "您的事项“" + a.subject + "”（" + a.trackingNo + "）" + news;
    }

    /** The same in every language: {@code news} is a text key written {@code t:<key>}. */
    static Words personalWords(Appeal a, String news) {
        return Words.of("inbox.case.news", a.subject, a.trackingNo, news);
    }

    static String label(Appeal a) {
        return switch (a.kind) {
            case SUGGESTION -> "建议";
            case COMPLAINT -> "诉求";
            case REPORT -> "举报";
            case INQUIRY -> "质询";
        };
    }

    private static String stateZh(AppealState s) {
        return switch (s) {
            case SUBMITTED -> "提交";
            case ACCEPTED -> "受理";
            case ASSIGNED -> "分办";
            case RECTIFYING -> "进入整改";
            case REPLIED -> "反馈，请评价";
            case RATED -> "办结";
        };
    }
}
