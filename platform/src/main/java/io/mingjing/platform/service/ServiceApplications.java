package io.mingjing.platform.service;

import com.fasterxml.jackson.core.JsonProcessingException;
import io.mingjing.platform.audit.AuditEntry;
import io.mingjing.platform.audit.AuditLog;
import io.mingjing.platform.clock.Deadline;
import io.mingjing.platform.clock.SlaState;
import io.mingjing.platform.file.FileKind;
import io.mingjing.platform.file.FileKinds;
import io.mingjing.platform.file.StoredFile;
import io.mingjing.platform.identity.Caller;
import io.mingjing.platform.identity.CurrentCaller;
import io.mingjing.platform.identity.Role;
import io.mingjing.platform.inbox.InboxMessage;
import io.mingjing.platform.orgunit.OrgUnit;
import io.mingjing.platform.orgunit.Places;
import io.mingjing.platform.problem.ProblemException;
import io.mingjing.platform.resident.Resident;
import io.mingjing.platform.service.ServiceRequests.Action;
import io.mingjing.platform.service.ServiceRequests.Decision;
import io.mingjing.platform.service.ServiceRequests.NewApplication;
import io.mingjing.platform.service.ServiceRequests.Rating;
import io.mingjing.platform.staff.StaffMember;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.transaction.Transactional;
import jakarta.ws.rs.core.Response;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * Service applications from the filing to the rating, a small state machine over the item version
 * they were filed under: a draft gathers its materials; submitted online it waits for the village to
 * take it on (an agent's filing is taken on as it is filed: the agent saw the originals); then each
 * review stage opens all its steps at once and closes when its sign-off mode is met (会签 all, 或签
 * any); one 补正 request may send it back for what is missing; the last approval completes it with its
 * result, a rejection ends it. The clock runs from the moment the village handles it.
 */
@ApplicationScoped
public class ServiceApplications {

    static final long MAX_FILE = 10L * 1024 * 1024;
    static final String INTAKE = "intake";
    static final Set<FileKind> MATERIAL_FILES = EnumSet.of(FileKind.JPEG, FileKind.PNG, FileKind.WEBP, FileKind.PDF);

    @Inject
    CurrentCaller caller;
    @Inject
    Places places;
    @Inject
    ServiceCatalogue catalogue;
    @Inject
    AuditLog audit;
    @Inject
    EntityManager em;
    @Inject
    ServiceEvents events;

    @Transactional
    public ServiceApplication apply(NewApplication r) {
        if (r == null || r.item() == null) {
            throw ProblemException.invalid(400, "Say which service.", Map.of("item", "is required: the item's code"));
        }
        Caller c = caller.get();
        ServiceCatalogue.Entry e = catalogue.find(r.item());
        if (e == null || !e.enabled()) {
            throw ProblemException.invalid(422, "Unknown service item.", Map.of("item", "must be the code of an item "
                    + "of this county's catalogue"));
        }
        Resident applicant = applicant(c, r.resident());
        ServiceApplication.Via via = c.hasRole(Role.AGENT) ? ServiceApplication.Via.AGENT : ServiceApplication.Via.ONLINE;
        String village = via == ServiceApplication.Via.AGENT ? c.orgUnit() : applicant.registeredVillage;
        Map<String, Object> form = r.form() == null ? Map.of() : r.form();
        Map<String, String> errors = FormSchemas.problems(e.item().formJson(), json(form));
        if (!errors.isEmpty()) {
            throw ProblemException.invalid(422, "The form does not hold: see each field.", errors);
        }
        ServiceApplication a = newApplication(e, village, applicant, via, form, c);
        line(a, c, null, "filed", e.item().name());
        audit.append(c.actor(), "service.filed", "ServiceApplication", a.id.toString(),
                (a.itemCode + "\n" + a.itemVersion + "\n" + a.residentId + "\n" + json(form)).getBytes(StandardCharsets.UTF_8));
        return Boolean.TRUE.equals(r.submit()) ? submit(a.id) : a;
    }

    /** A resident files for themselves; an agent for a resident of their own village, never another's. */
    private static Resident applicant(Caller c, Long residentId) {
        if (c.hasRole(Role.AGENT)) {
            Resident r = residentId == null ? null : Resident.findById(residentId);
            if (r == null) {
                throw ProblemException.invalid(422, "Say for whom.", Map.of("resident", "must be the id of a resident "
                        + "of this county"));
            }
            if (c.orgUnit() == null || !c.orgUnit().equals(r.registeredVillage) && !c.orgUnit().equals(r.residenceVillage)) {
                throw new ProblemException(403, "Forbidden", "A village agent files only for residents of their own "
                        + "village (" + c.orgUnit() + "); this resident belongs to another.");
            }
            return r;
        }
        Resident me = c.hasRole(Role.VILLAGER) ? Resident.byUserId(c.userId()) : null;
        if (me == null) {
            throw new ProblemException(403, "Forbidden", "Residents apply with their own account; village agents file "
                    + "for them.");
        }
        if (residentId != null && !residentId.equals(me.id)) {
            throw new ProblemException(403, "Forbidden", "You apply for yourself; the village agent files for others.");
        }
        return me;
    }

    private static ServiceApplication newApplication(ServiceCatalogue.Entry e, String village, Resident applicant,
            ServiceApplication.Via via, Map<String, Object> form, Caller c) {
        OrgUnit v = OrgUnit.findById(village);
        if (v == null) {
            throw ProblemException.invalid(422, "The applicant belongs to no village.", Map.of("resident",
                    "has no registered village of this county"));
        }
        Instant now = Instant.now();
        ServiceApplication a = new ServiceApplication();
        a.itemCode = e.code();
        a.itemVersion = e.version();
        a.village = v.code;
        a.town = v.parentCode;
        a.residentId = applicant.id;
        a.applicantUserId = applicant.userId;
        a.via = via;
        a.filedBy = c.actor();
        a.filerUserId = c.userId();
        a.form = new LinkedHashMap<>(form);
        a.state = ServiceState.DRAFT;
        a.stage = -1;
        a.createdAt = now;
        a.updatedAt = now;
        a.clock(Deadline.stopped(now, SlaState.GREEN));
        a.persist();
        return a;
    }

    /** A photographed original or scan of one of the item's materials, by the filer or the applicant. */
    @Transactional
    public ServiceMaterial attach(long id, String material, String filename, byte[] data) {
        ServiceApplication a = lock(id);
        Caller c = caller.get();
        requireFilerSide(a, c);
        if (!a.state.open()) {
            throw new ProblemException(422, "Invalid transition", "Application " + id + " is " + a.state
                    + "; materials are added to a draft or for a 补正 only.");
        }
        ServiceItemSpec item = catalogue.version(a.itemCode, a.itemVersion);
        if (material == null || item.material(material) == null) {
            throw ProblemException.invalid(400, "Say which material the file is.", Map.of("material", "must be one of "
                    + item.materialList().stream().map(ServiceItemSpec.Material::id).toList()));
        }
        if (data == null || data.length == 0) {
            throw ProblemException.invalid(400, "The file is empty.", Map.of("file", "is required"));
        }
        if (data.length > MAX_FILE) {
            throw new ProblemException(413, "Payload Too Large", "A file may have at most 10 MB.");
        }
        FileKind kind = FileKinds.require(data, MATERIAL_FILES, "file");
        ServiceMaterial m = new ServiceMaterial();
        m.applicationId = a.id;
        m.material = material;
        String name = filename == null || filename.isBlank() ? material : filename.replaceAll("[\\\\/\\p{Cntrl}\"]", "_");
        m.filename = name.length() > 200 ? name.substring(0, 200) : name;
        m.contentType = kind.contentType();
        m.data = data;
        m.sha256 = AuditEntry.sha256(data);
        m.addedBy = c.actor();
        m.addedAt = Instant.now();
        m.persist();
        line(a, c, null, "material", item.material(material).name());
        audit.append(c.actor(), "service.material", "ServiceApplication", a.id.toString(),
                (material + "\n" + m.sha256).getBytes(StandardCharsets.UTF_8));
        return m;
    }

    /** Sends a draft on, or a 补正 back: 422 naming each material still missing. */
    @Transactional
    public ServiceApplication submit(long id) {
        ServiceApplication a = lock(id);
        Caller c = caller.get();
        requireFilerSide(a, c);
        if (!a.state.open()) {
            throw new ProblemException(422, "Invalid transition", "Application " + id + " is " + a.state
                    + "; only a draft or a 补正 is sent.");
        }
        ServiceItemSpec item = catalogue.version(a.itemCode, a.itemVersion);
        requireMaterials(a, item);
        Instant now = Instant.now();
        a.updatedAt = now;
        audit.append(c.actor(), "service.submitted", "ServiceApplication", a.id.toString(),
                a.state.name().getBytes(StandardCharsets.UTF_8));
        if (a.state == ServiceState.SUPPLEMENT) {
            line(a, c, null, "resubmitted", null);
            a.missing = null;
            events.record("service.resubmitted", a, item.department(), Map.of());
            reopen(a, item, a.supplementStage, now);
            return a;
        }
        a.submittedAt = now;
        line(a, c, null, "submitted", null);
        events.record("service.submitted", a, item.department(), Map.of());
        if (a.via == ServiceApplication.Via.AGENT) {
            a.handlingStartedAt = now;
            line(a, c, INTAKE, "accepted", "代办员已核验原件");
            events.record("service.accepted", a, item.department(), Map.of());
            open(a, item, 0, now);
        } else {
            openIntake(a, item, now);
        }
        return a;
    }

    private static void requireMaterials(ServiceApplication a, ServiceItemSpec item) {
        List<ServiceItemSpec.Material> wanted = a.state == ServiceState.SUPPLEMENT
                ? a.missing.stream().map(item::material).filter(Objects::nonNull).toList()
                : item.materialList().stream().filter(ServiceItemSpec.Material::needed).toList();
        Instant since = a.state == ServiceState.SUPPLEMENT ? a.stepStartedAt : Instant.EPOCH;
        Map<String, String> errors = new LinkedHashMap<>();
        for (ServiceItemSpec.Material m : wanted) {
            if (ServiceMaterial.count("applicationId = ?1 and material = ?2 and addedAt >= ?3", a.id, m.id(), since) == 0) {
                errors.put("materials." + m.id(), "is missing: " + m.name()
                        + (a.state == ServiceState.SUPPLEMENT ? " (asked for in the 补正)" : ""));
            }
        }
        if (!errors.isEmpty()) {
            throw ProblemException.invalid(422, "Materials are missing: " + String.join("、", wanted.stream()
                    .filter(m -> errors.containsKey("materials." + m.id())).map(ServiceItemSpec.Material::name).toList())
                    + ".", errors);
        }
    }

    /** 受理 or a review step: one decision for the caller's step of the open stage. */
    @Transactional
    public ServiceApplication decide(long id, Decision d) {
        if (d == null || d.action() == null || d.seq() == null) {
            throw ProblemException.invalid(400, "A decision names its action and the stage it decides.", Map.of(
                    "action", "is required: APPROVE, REJECT or SUPPLEMENT", "seq", "is required: the stage's seq as shown"));
        }
        ServiceApplication a = lock(id);
        Caller c = caller.get();
        if (a.state != ServiceState.INTAKE && a.state != ServiceState.REVIEW) {
            throw new ProblemException(422, "Invalid transition", "Application " + id + " is " + a.state
                    + "; nothing waits for a decision.");
        }
        ServiceItemSpec item = catalogue.version(a.itemCode, a.itemVersion);
        String step = stepOf(a, item, c, d.step());
        if (d.seq() != a.seq) {
            throw ProblemException.conflict("Stage " + d.seq() + " of application " + id + " was decided meanwhile; it "
                    + "is now at " + a.seq + ". Reload it.");
        }
        if (ServiceLine.count("applicationId = ?1 and seq = ?2 and step = ?3 and action in ('approve', 'reject', "
                + "'supplement')", a.id, a.seq, step) > 0) {
            throw ProblemException.conflict("Step " + step + " of application " + id + " is decided already.");
        }
        Instant now = Instant.now();
        a.updatedAt = now;
        switch (d.action()) {
            case APPROVE -> approve(a, item, step, c, d, now);
            case REJECT -> reject(a, item, step, c, d, now);
            case SUPPLEMENT -> supplement(a, item, step, c, d, now);
        }
        audit.append(c.actor(), "service." + d.action().name().toLowerCase(), "ServiceApplication", a.id.toString(),
                (a.seq + "\n" + step + "\n" + d.note() + "\n" + d.missing() + "\n" + d.result())
                        .getBytes(StandardCharsets.UTF_8));
        return a;
    }

    /**
     * The step the caller waits on; a reviewer of the item whose step is not open now acts out of turn (409),
     * anyone else may not act at all (403).
     */
    private String stepOf(ServiceApplication a, ServiceItemSpec item, Caller c, String asked) {
        @SuppressWarnings("unchecked")
        List<String> mine = em.createNativeQuery("SELECT step FROM service_pending WHERE application_id = ?1 AND user_id = "
                + "?2 ORDER BY step").setParameter(1, a.id).setParameter(2, c.userId()).getResultList();
        if (asked != null ? mine.contains(asked) : mine.size() == 1) {
            return asked != null ? asked : mine.get(0);
        }
        if (!mine.isEmpty()) {
            throw ProblemException.invalid(422, "Say which step you decide.", Map.of("step", "must be one of " + mine));
        }
        if (reviewsLater(a, item, c)) {
            throw ProblemException.conflict("It is not your turn: application " + a.id + " waits for "
                    + (a.stage < 0 ? "the village to take it on" : "「" + item.stage(a.stage).name() + "」") + ".");
        }
        throw new ProblemException(403, "Forbidden", "Application " + a.id + " does not wait for your account.");
    }

    private static boolean reviewsLater(ServiceApplication a, ServiceItemSpec item, Caller c) {
        StaffMember me = StaffMember.find("userId", c.userId()).firstResult();
        if (me == null) {
            return false;
        }
        return item.review().stream().flatMap(s -> s.steps().stream())
                .anyMatch(step -> ServiceReviewers.of(a, step).stream().anyMatch(s -> s.username.equals(me.username)));
    }

    private void approve(ServiceApplication a, ServiceItemSpec item, String step, Caller c, Decision d, Instant now) {
        line(a, c, step, "approve", d.note());
        em.createNativeQuery("DELETE FROM service_pending WHERE application_id = ?1 AND step = ?2").setParameter(1, a.id)
                .setParameter(2, step).executeUpdate();
        if (a.state == ServiceState.INTAKE) {
            line(a, c, INTAKE, "accepted", null);
            events.record("service.accepted", a, item.department(), Map.of());
            open(a, item, 0, now);
            return;
        }
        long yes = ServiceLine.count("applicationId = ?1 and seq = ?2 and action = 'approve'", a.id, a.seq);
        events.record("service.reviewed", a, item.department(), Map.of("step", step, "approvals", yes,
                "required", a.required));
        if (yes < a.required) {
            return;
        }
        if (a.stage + 1 < item.review().size()) {
            open(a, item, a.stage + 1, now);
        } else {
            String result = d.result() == null || d.result().isBlank() ? "准予办理" : d.result().strip();
            close(a, item, ServiceState.COMPLETED, true, result, now);
        }
    }

    private void reject(ServiceApplication a, ServiceItemSpec item, String step, Caller c, Decision d, Instant now) {
        if (d.note() == null || d.note().isBlank()) {
            throw ProblemException.invalid(400, "Say why.", Map.of("note", "is required to reject: the applicant reads it"));
        }
        line(a, c, step, "reject", d.note());
        close(a, item, ServiceState.REJECTED, false, d.note().strip(), now);
    }

    /** 一次性告知: one request, listing everything missing; the clock stops until the applicant sends it. */
    private void supplement(ServiceApplication a, ServiceItemSpec item, String step, Caller c, Decision d, Instant now) {
        if (a.supplementStage != null) {
            throw ProblemException.conflict("Application " + a.id + " had its one 补正 request already: what is missing "
                    + "is asked for once, all at once.");
        }
        List<String> missing = d.missing() == null ? List.of() : d.missing().stream().distinct().toList();
        if (missing.isEmpty() || missing.stream().anyMatch(m -> item.material(m) == null)) {
            throw ProblemException.invalid(422, "Name what is missing.", Map.of("missing", "must list the item's "
                    + "materials that are missing, among " + item.materialList().stream().map(ServiceItemSpec.Material::id)
                    .toList()));
        }
        line(a, c, step, "supplement", String.join("、", missing.stream().map(m -> item.material(m).name()).toList())
                + (d.note() == null ? "" : "：" + d.note()));
        clearPending(a);
        a.state = ServiceState.SUPPLEMENT;
        a.missing = missing;
        a.supplementStage = a.stage;
        a.clock(Deadline.stopped(now, a.sla));
        tell(a, label(a, item) + " 需补正材料：" + String.join("、", missing.stream().map(m -> item.material(m).name())
                .toList()));
        events.record("service.supplement-requested", a, item.department(), Map.of("step", step, "missing", missing));
    }

    /** 公众评价: the applicant rates a finished application once. */
    @Transactional
    public ServiceApplication rate(long id, Rating r) {
        ServiceApplication a = lock(id);
        Caller c = caller.get();
        if (a.applicantUserId == null || !a.applicantUserId.equals(c.userId())) {
            throw new ProblemException(403, "Forbidden", "Only the applicant rates application " + id + ".");
        }
        if (!a.state.closed()) {
            throw new ProblemException(422, "Invalid transition", "Application " + id + " is " + a.state
                    + "; it is rated once it is done.");
        }
        if (a.score != null) {
            throw ProblemException.conflict("Application " + id + " is rated already.");
        }
        if (r == null || r.score() == null || r.score() < 1 || r.score() > 5) {
            throw ProblemException.invalid(422, "Give a score.", Map.of("score", "is required: 1 (very dissatisfied) to 5"));
        }
        if (r.note() != null && r.note().length() > 500) {
            throw ProblemException.invalid(422, "The note is too long.", Map.of("note", "at most 500 characters"));
        }
        Instant now = Instant.now();
        a.score = r.score();
        a.ratingNote = r.note() == null || r.note().isBlank() ? null : r.note().strip();
        a.ratedAt = now;
        a.updatedAt = now;
        line(a, c, null, "rated", String.valueOf(r.score()));
        ServiceItemSpec item = catalogue.version(a.itemCode, a.itemVersion);
        events.record("service.rated", a, item.department(), Map.of("score", a.score, "bad", a.score <= 2));
        audit.append(c.actor(), "service.rated", "ServiceApplication", a.id.toString(),
                (a.score + "\n" + a.ratingNote).getBytes(StandardCharsets.UTF_8));
        return a;
    }

    /** The application if the caller is its applicant, filer, the village's agent or staff who may act on its village. */
    @Transactional
    public ServiceApplication readable(long id) {
        ServiceApplication a = ServiceApplication.findById(id);
        if (a == null || !mayRead(a, caller.get())) {
            throw ProblemException.notFound("No service application " + id + ".");
        }
        return a;
    }

    /** One material of a readable application as the one file response ({@code StoredFile}), or a 404. */
    @Transactional
    public Response material(long id, long file) {
        ServiceApplication a = readable(id);
        ServiceMaterial m = ServiceMaterial.find("id = ?1 and applicationId = ?2", file, a.id).firstResult();
        if (m == null) {
            throw ProblemException.notFound("No material " + file + " of application " + id + ".");
        }
        return StoredFile.of(m.data, m.filename, "private, no-store");
    }

    boolean mayRead(ServiceApplication a, Caller c) {
        if (c.anonymous()) {
            return false;
        }
        return c.userId().equals(a.applicantUserId) || c.userId().equals(a.filerUserId)
                || c.hasRole(Role.AGENT) && a.village.equals(c.orgUnit()) || places.mayActOn(a.village);
    }

    private ServiceApplication lock(long id) {
        ServiceApplication a = em.find(ServiceApplication.class, id, LockModeType.PESSIMISTIC_WRITE);
        if (a == null || !mayRead(a, caller.get())) {
            throw ProblemException.notFound("No service application " + id + ".");
        }
        return a;
    }

    /** The applicant, their filer, or another agent of the village carry a draft or 补正. */
    private static void requireFilerSide(ServiceApplication a, Caller c) {
        boolean agent = c.hasRole(Role.AGENT) && a.village.equals(c.orgUnit());
        if (!c.userId().equals(a.filerUserId) && !c.userId().equals(a.applicantUserId) && !agent) {
            throw new ProblemException(403, "Forbidden", "Only the applicant or the village agent adds to application "
                    + a.id + ".");
        }
    }

    private void openIntake(ServiceApplication a, ServiceItemSpec item, Instant now) {
        List<StaffMember> who = ServiceReviewers.intake(a);
        if (who.isEmpty()) {
            throw ProblemException.invalid(422, "Village " + a.village + " has nobody to take applications on.", Map.of(
                    "village", "needs an agent or a cadre with an account"));
        }
        a.state = ServiceState.INTAKE;
        a.stage = -1;
        a.seq++;
        a.required = 1;
        a.handlingStartedAt = a.handlingStartedAt == null ? now : a.handlingStartedAt;
        a.clock(Deadline.start(now, Duration.ofHours(item.acceptHours()), a.escalations > 0 ? a.sla : SlaState.GREEN));
        pend(a, INTAKE, who, label(a, item) + " 待受理（" + item.acceptHours() + "小时内）");
    }

    private void reopen(ServiceApplication a, ServiceItemSpec item, Integer stage, Instant now) {
        if (stage == null || stage < 0) {
            openIntake(a, item, now);
        } else {
            open(a, item, stage, now);
        }
    }

    /** Opens every step of a stage at once: 会签 in parallel; stages one after another. */
    private void open(ServiceApplication a, ServiceItemSpec item, int stage, Instant now) {
        ServiceItemSpec.Stage s = item.stage(stage);
        a.state = ServiceState.REVIEW;
        a.stage = stage;
        a.seq++;
        a.required = s.required();
        a.clock(Deadline.start(now, Duration.ofHours(s.hours()), SlaState.GREEN));
        for (ServiceItemSpec.Step step : s.steps()) {
            List<StaffMember> who = ServiceReviewers.of(a, step);
            if (who.isEmpty()) {
                throw ProblemException.invalid(422, "「" + step.name() + "」 has nobody who can take it.", Map.of("step",
                        "needs " + (step.department() != null ? "a reviewer named for " + step.department()
                                : "a town official of town " + a.town)));
            }
            pend(a, step.id(), who, label(a, item) + " 待" + step.name() + "审核：" + s.name() + "（" + s.hours() + "小时内）");
        }
        tell(a, label(a, item) + " 进入" + s.name());
        events.record("service.stage", a, item.department(), Map.of("stageName", s.name(), "mode", s.mode().name(),
                "steps", s.steps().size(), "required", a.required, "hours", s.hours()));
    }

    private void pend(ServiceApplication a, String step, List<StaffMember> who, String text) {
        for (StaffMember m : who) {
            em.createNativeQuery("INSERT INTO service_pending (application_id, step, user_id, username) VALUES (?1, ?2, "
                    + "?3, ?4)").setParameter(1, a.id).setParameter(2, step).setParameter(3, m.userId)
                    .setParameter(4, m.username).executeUpdate();
            InboxMessage.toPerson(m.userId, null, text);
        }
    }

    private void close(ServiceApplication a, ServiceItemSpec item, ServiceState to, boolean granted, String result,
            Instant now) {
        clearPending(a);
        a.state = to;
        a.granted = granted;
        a.result = result.length() > 500 ? result.substring(0, 500) : result;
        a.completedAt = now;
        a.clock(Deadline.stopped(now, a.sla));
        tell(a, label(a, item) + (granted ? " 已办结：" : " 未予办理：") + a.result + "。请为本次服务评价");
        long hours = a.handlingStartedAt == null ? 0 : Duration.between(a.handlingStartedAt, now).toHours();
        events.record("service.completed", a, item.department(), Map.of("granted", granted, "completedAt",
                now.toString(), "hoursTaken", hours));
    }

    private void clearPending(ServiceApplication a) {
        em.createNativeQuery("DELETE FROM service_pending WHERE application_id = ?1").setParameter(1, a.id).executeUpdate();
    }

    private static void tell(ServiceApplication a, String text) {
        if (a.applicantUserId != null) {
            InboxMessage.toPerson(a.applicantUserId, null, text);
        }
        if (a.via == ServiceApplication.Via.AGENT && !Objects.equals(a.filerUserId, a.applicantUserId)) {
            InboxMessage.toPerson(a.filerUserId, null, text);
        }
    }

    static void line(ServiceApplication a, Caller c, String step, String action, String note) {
        line(a, c.actor(), c.userId(), step, action, note);
    }

    static void line(ServiceApplication a, String actor, String userId, String step, String action, String note) {
        ServiceLine l = new ServiceLine();
        l.applicationId = a.id;
        l.seq = a.seq;
        l.stage = a.stage;
        l.step = step;
        l.at = Instant.now();
        l.actor = actor;
        l.userId = userId;
        l.action = action;
        l.note = note == null ? null : note.length() > 2000 ? note.substring(0, 2000) : note;
        l.persist();
    }

    static String label(ServiceApplication a, ServiceItemSpec item) {
        return "便民服务 #" + a.id + "「" + item.name() + "」";
    }

    private static String json(Map<String, Object> form) {
        try {
            return ServiceItemSpec.JSON.writeValueAsString(form);
        } catch (JsonProcessingException e) {
            throw ProblemException.invalid(400, "The form cannot be read.", Map.of("form", "must be a JSON object"));
        }
    }
}
