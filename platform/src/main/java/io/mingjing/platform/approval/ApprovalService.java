package io.mingjing.platform.approval;

import io.mingjing.platform.approval.ApprovalRequests.Action;
import io.mingjing.platform.approval.ApprovalRequests.Decision;
import io.mingjing.platform.approval.ApprovalRequests.NewApproval;
import io.mingjing.platform.approval.ApprovalRequests.Payment;
import io.mingjing.platform.approval.ApprovalRequests.StageForm;
import io.mingjing.platform.audit.AuditLog;
import io.mingjing.platform.clock.Deadline;
import io.mingjing.platform.clock.SlaState;
import io.mingjing.platform.feature.SignatureChecks;
import io.mingjing.platform.file.FileKind;
import io.mingjing.platform.file.FileKinds;
import io.mingjing.platform.audit.AuditEntry;
import io.mingjing.platform.identity.Caller;
import io.mingjing.platform.identity.CurrentCaller;
import io.mingjing.platform.inbox.InboxMessage;
import io.mingjing.platform.inbox.InboxMessage.Words;
import io.mingjing.platform.orgunit.OrgUnit;
import io.mingjing.platform.orgunit.OrgUnitLevel;
import io.mingjing.platform.orgunit.Places;
import io.mingjing.platform.problem.ProblemException;
import io.mingjing.platform.staff.StaffMember;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Instance;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.transaction.Transactional;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Files approvals and runs them through their definition, a small state machine: each step opens for
 * the approvers {@link Approvers} picks, counts their approvals to the step's sign-off mode, and moves
 * on; a stage with a form waits for it; after the last step the approval is approved (a payment then
 * waits to be paid). Every change is audited, recorded as an event and told to whom it concerns.
 */
@ApplicationScoped
public class ApprovalService {

    static final long MAX_FILE = 10L * 1024 * 1024;

    @Inject
    CurrentCaller caller;
    @Inject
    Places places;
    @Inject
    Workflows workflows;
    @Inject
    AuditLog audit;
    @Inject
    EntityManager em;
    @Inject
    ApprovalEvents events;
    @Inject
    ApprovalOutcomes outcomes;
    @Inject
    Instance<SignatureChecks> checks;

    @Transactional
    public Approval file(NewApproval r) {
        if (r == null || r.kind() == null) {
            throw ProblemException.invalid(400, "Say which kind of approval.", Map.of("kind",
                    "is required: one of PAYMENT, LABOUR, PROCUREMENT, PROJECT, SEAL"));
        }
        Caller c = caller.get();
        OrgUnit village = r.village() == null ? null : OrgUnit.findById(r.village());
        if (village == null || village.level != OrgUnitLevel.VILLAGE) {
            throw ProblemException.invalid(422, "Unknown village.", Map.of("village", "must be the code of a village of this county"));
        }
        places.requireActOn(village.code);
        Workflows.Version v = workflows.current(r.kind());
        requireFiler(c, v.definition());
        Instant now = Instant.now();
        Map<String, Object> filing = ApprovalChecks.filing(r, LocalDate.ofInstant(now, ApprovalChecks.CHINA));
        if (r.kind() == ApprovalKind.SEAL && Seal.count("id = ?1 and village = ?2", r.seal(), village.code) == 0) {
            throw ProblemException.invalid(422, "Unknown seal.", Map.of("seal", "must be a seal of village " + village.code));
        }
        Approval a = newApproval(r, village, filing, v.version(), c, now);
        line(a, c, "filed", null);
        events.record("approval.filed", a, Map.of());
        audit.append(c.actor(), "approval.filed", "Approval", a.id.toString(), payload(a));
        moveFrom(a, v.definition(), 0, 0, now);
        return a;
    }

    private static Approval newApproval(NewApproval r, OrgUnit village, Map<String, Object> filing, int version,
            Caller c, Instant now) {
        Approval a = new Approval();
        a.kind = r.kind();
        a.village = village.code;
        a.town = village.parentCode;
        a.title = r.title().strip();
        a.amount = r.kind() == ApprovalKind.LABOUR ? ApprovalChecks.plannedWages(r) : r.amount();
        a.data.put("filing", filing);
        a.definitionVersion = version;
        a.filedBy = c.actor();
        a.filerUserId = c.userId();
        a.createdAt = now;
        a.updatedAt = now;
        a.state = ApprovalState.PENDING;
        a.persist();
        return a;
    }

    /** 或签/会签/票签: one approver's decision on the open step. */
    @Transactional
    public Approval decide(long id, Decision d) {
        if (d == null || d.action() == null || d.seq() == null) {
            throw ProblemException.invalid(400, "A decision names its action and the step it decides.",
                    Map.of("action", "is required: APPROVE, REJECT or RETURN", "seq", "is required: the step's seq as shown"));
        }
        if (d.action() != Action.APPROVE && (d.note() == null || d.note().isBlank())) {
            throw ProblemException.invalid(400, "Say why.", Map.of("note", "is required to reject or return"));
        }
        Approval a = lock(id);
        Caller c = caller.get();
        if (a.state != ApprovalState.PENDING) {
            throw new ProblemException(422, "Invalid transition", "Approval " + id + " is " + a.state
                    + "; there is no step to decide.");
        }
        if (d.seq() != a.seq) {
            throw ProblemException.conflict("Step " + d.seq() + " of approval " + id + " was decided meanwhile; it is "
                    + "now at step " + a.seq + ". Reload it.");
        }
        requireApprover(a, c);
        WorkflowDefinition def = workflows.version(a.kind, a.definitionVersion);
        WorkflowDefinition.Step step = def.stage(a.stage).steps().get(a.step);
        if (d.action() == Action.APPROVE) {
            requireNeeds(a, step);
            signOverRedFlags(a, c, d.note());
        }
        line(a, c, d.action().name().toLowerCase(), d.note());
        em.createNativeQuery("DELETE FROM approval_pending WHERE user_id = ?1 AND approval_id = ?2")
                .setParameter(1, c.userId()).setParameter(2, a.id).executeUpdate();
        Instant now = Instant.now();
        a.updatedAt = now;
        audit.append(c.actor(), "approval." + d.action().name().toLowerCase(), "Approval", a.id.toString(),
                (a.seq + "\n" + step.id() + "\n" + d.note()).getBytes(StandardCharsets.UTF_8));
        switch (d.action()) {
            case APPROVE -> approved(a, def, step, c, now);
            case REJECT -> stop(a, ApprovalState.REJECTED, "approval.rejected", "已被驳回：" + d.note(),
                    words(a, "inbox.approval.rejected", d.note()), now);
            case RETURN -> stop(a, ApprovalState.RETURNED, "approval.returned", "已退回修改：" + d.note(),
                    words(a, "inbox.approval.returned", d.note()), now);
        }
        return a;
    }

    /**
     * A RED warning on the approval stops the signature unless the approver writes why; the reason is
     * kept on the warning, in the approval's data and so in the disclosure its outcome becomes.
     */
    private void signOverRedFlags(Approval a, Caller c, String note) {
        if (!checks.isResolvable()) {
            return;
        }
        List<SignatureChecks.Flag> red = checks.get().flags(a.id).stream().filter(SignatureChecks.Flag::red).toList();
        if (red.isEmpty()) {
            return;
        }
        if (note == null || note.isBlank()) {
            throw ProblemException.invalid(422, "Approving over a red warning needs a written reason.", Map.of("note",
                    "is required: say why you approve despite " + String.join("、", red.stream().map(
                            SignatureChecks.Flag::nameZh).toList())));
        }
        checks.get().signedOver(a.id, c.actor(), note.strip());
        List<Object> over = new java.util.ArrayList<>(a.data.get("signedOver") instanceof List<?> l ? l : List.of());
        over.add(Map.of("by", c.displayName(), "warnings", red.stream().map(SignatureChecks.Flag::nameZh).toList(),
                "reason", note.strip()));
        a.data.put("signedOver", over);
    }

    private void approved(Approval a, WorkflowDefinition def, WorkflowDefinition.Step step, Caller c, Instant now) {
        long yes = ApprovalStep.count("approvalId = ?1 and seq = ?2 and action = 'approve'", a.id, a.seq);
        events.record("approval.step", a, Map.of("step", step.id(), "action", "approve", "actor", c.displayName(),
                "approvals", yes, "required", a.required));
        if (yes >= a.required) {
            clearPending(a);
            moveFrom(a, def, a.stage, a.step + 1, now);
        }
    }

    /** The filer corrects a returned approval: the same step opens again, with no decisions yet. */
    @Transactional
    public Approval resubmit(long id, String note) {
        Approval a = lock(id);
        Caller c = caller.get();
        requireFilerOf(a, c);
        if (a.state != ApprovalState.RETURNED) {
            throw new ProblemException(422, "Invalid transition", "Approval " + id + " is " + a.state
                    + "; only a returned one is resubmitted.");
        }
        line(a, c, "resubmit", note);
        audit.append(c.actor(), "approval.resubmitted", "Approval", a.id.toString(), String.valueOf(note)
                .getBytes(StandardCharsets.UTF_8));
        moveFrom(a, workflows.version(a.kind, a.definitionVersion), a.stage, a.step, Instant.now());
        return a;
    }

    /** A later stage's form (a labour declaration, the quotes, the contract …); its steps open after it. */
    @Transactional
    public Approval submitForm(long id, String section, StageForm form) {
        Approval a = lock(id);
        Caller c = caller.get();
        requireFilerOf(a, c);
        WorkflowDefinition def = workflows.version(a.kind, a.definitionVersion);
        String expected = a.state == ApprovalState.AWAITING_INPUT ? def.stage(a.stage).form() : null;
        if (expected == null || !expected.equals(section)) {
            throw new ProblemException(422, "Invalid transition", "Approval " + id + " is " + a.state
                    + (expected == null ? "; it waits for no form." : "; it waits for the form '" + expected + "'."));
        }
        Map<String, String> errors = new LinkedHashMap<>();
        Map<String, Object> f = ApprovalChecks.form(section, form, a, errors);
        if (!errors.isEmpty()) {
            throw ProblemException.invalid(422, "The " + section + " is not complete or not plausible.", errors);
        }
        Instant now = Instant.now();
        f.put("at", now.toString());
        f.put("by", c.actor());
        a.data.put(section, f);
        if (f.get("wages") instanceof BigDecimal wages) {
            a.amount = wages;
        } else if (f.get("amount") instanceof BigDecimal amount && ("settlement".equals(section) || "award".equals(section))) {
            a.amount = amount;
        }
        a.updatedAt = now;
        line(a, c, "form:" + section, form.note());
        if ("declaration".equals(section)) {
            events.record("labour.declared", a, Map.of("totalDays", f.get("totalDays"), "declaredAt", now.toString()));
        } else {
            events.record("approval.form", a, Map.of("form", section));
        }
        audit.append(c.actor(), "approval.form", "Approval", a.id.toString(), (section + "\n" + f)
                .getBytes(StandardCharsets.UTF_8));
        moveFrom(a, def, a.stage, 0, now);
        return a;
    }

    /** 非现金支付 done: the bank's reference is recorded and the payment becomes a line of the village's finance disclosure draft. */
    @Transactional
    public Approval pay(long id, Payment p) {
        Approval a = lock(id);
        Caller c = caller.get();
        requireFilerOf(a, c);
        if (!a.kind.payable() || a.state != ApprovalState.APPROVED) {
            throw new ProblemException(422, "Invalid transition", "Approval " + id + " is a " + a.kind + " that is "
                    + a.state + "; only an approved payment or labour approval is paid.");
        }
        Instant now = Instant.now();
        if (p == null || p.bankRef() == null || !p.bankRef().matches("[A-Za-z0-9-]{4,64}")) {
            throw ProblemException.invalid(400, "The bank's reference of the transfer is needed.",
                    Map.of("bankRef", "is required: 4 to 64 letters, digits or dashes"));
        }
        if (p.paidAt() != null && (p.paidAt().isAfter(now.plusSeconds(300)) || p.paidAt().isBefore(a.createdAt))) {
            throw ProblemException.invalid(422, "The payment's time is not plausible.",
                    Map.of("paidAt", "must be between the filing and now"));
        }
        a.state = ApprovalState.PAID;
        a.paidAt = p.paidAt() == null ? now : p.paidAt();
        a.bankRef = p.bankRef();
        a.updatedAt = now;
        line(a, c, "paid", a.bankRef);
        a.disclosureId = outcomes.financeLine(a, c.actor());
        events.record("approval.paid", a, Map.of("paidAt", a.paidAt.toString()));
        audit.append(c.actor(), "approval.paid", "Approval", a.id.toString(), (a.amount + "\n" + a.bankRef)
                .getBytes(StandardCharsets.UTF_8));
        return a;
    }

    /** An invoice, resolution, quote, contract …: only the kinds of file the file rules accept. */
    @Transactional
    public ApprovalAttachment attach(long id, String kind, String filename, byte[] data) {
        Approval a = readable(id);
        Caller c = caller.get();
        if (a.state.closed()) {
            throw new ProblemException(422, "Invalid transition", "Approval " + id + " is " + a.state
                    + "; nothing is added to it any more.");
        }
        if (kind == null || !WorkflowDefinition.ATTACHMENTS.contains(kind)) {
            throw ProblemException.invalid(400, "Say what the file is.", Map.of("kind", "must be one of "
                    + WorkflowDefinition.ATTACHMENTS.stream().sorted().toList()));
        }
        if (data == null || data.length == 0) {
            throw ProblemException.invalid(400, "The file is empty.", Map.of("file", "is required"));
        }
        if (data.length > MAX_FILE) {
            throw new ProblemException(413, "Payload Too Large", "A file may have at most 10 MB.");
        }
        FileKind fk = FileKinds.require(data, FileKinds.DOCUMENTS, "file");
        ApprovalAttachment x = new ApprovalAttachment();
        x.approvalId = a.id;
        x.kind = kind;
        x.filename = filename == null || filename.isBlank() ? kind + "." + fk.extensions().get(0)
                : filename.replaceAll("[\\\\/\\p{Cntrl}\"]", "_");
        x.filename = x.filename.length() > 200 ? x.filename.substring(0, 200) : x.filename;
        x.contentType = fk.contentType();
        x.data = data;
        x.sha256 = AuditEntry.sha256(data);
        x.addedBy = c.actor();
        x.addedAt = Instant.now();
        x.persist();
        line(a, c, "attach:" + kind, x.filename);
        audit.append(c.actor(), "approval.attached", "Approval", a.id.toString(), (kind + "\n" + x.sha256)
                .getBytes(StandardCharsets.UTF_8));
        return x;
    }

    /** The approval if the caller's places include its village; otherwise it does not exist for them. */
    @Transactional
    public Approval readable(long id) {
        Approval a = Approval.findById(id);
        if (a == null || !places.mayActOn(a.village)) {
            throw ProblemException.notFound("No approval " + id + ".");
        }
        return a;
    }

    /** Locked before it is read, so two approvers at once read it one after the other, each the state the other left. */
    private Approval lock(long id) {
        Approval a = em.find(Approval.class, id, LockModeType.PESSIMISTIC_WRITE);
        if (a == null || !places.mayActOn(a.village)) {
            throw ProblemException.notFound("No approval " + id + ".");
        }
        return a;
    }

    /**
     * Opens the first step that applies from (stage, step) on; a stage with a form the approval lacks
     * waits for it; past the last stage the approval is approved.
     */
    void moveFrom(Approval a, WorkflowDefinition def, int stage, int step, Instant now) {
        for (int i = stage; i < def.stages().size(); i++) {
            WorkflowDefinition.Stage s = def.stage(i);
            int from = i == stage ? step : 0;
            if (from == 0 && s.form() != null && !a.data.containsKey(s.form())) {
                a.stage = i;
                a.step = 0;
                a.state = ApprovalState.AWAITING_INPUT;
                a.clock(Deadline.stopped(now, SlaState.GREEN));
                InboxMessage.toPerson(a.filerUserId, null, label(a) + "：请填报" + s.name(),
                        words(a, "inbox.approval.input", s.name()));
                return;
            }
            List<WorkflowDefinition.Step> steps = s.steps() == null ? List.of() : s.steps();
            for (int j = from; j < steps.size(); j++) {
                if (steps.get(j).applies(a.amount)) {
                    open(a, i, j, steps.get(j), now);
                    return;
                }
            }
        }
        a.state = ApprovalState.APPROVED;
        a.clock(Deadline.stopped(now, a.sla));
        InboxMessage.toPerson(a.filerUserId, null, label(a) + " 已审批通过" + (a.kind.payable() ? "，请支付并登记" : ""),
                words(a, a.kind.payable() ? "inbox.approval.approvedPay" : "inbox.approval.approved"));
        events.record("approval.approved", a, Map.of());
        outcomes.approved(a);
    }

    private void open(Approval a, int stage, int step, WorkflowDefinition.Step s, Instant now) {
        Approvers.Pick pick = Approvers.pick(a, s);
        int required = s.mode().required(pick.eligible().size(), s.share() == null ? 1 : s.share());
        if (required == 0) {
            throw ProblemException.invalid(422, "Step '" + s.name() + "' has nobody who can take it.", Map.of(
                    "step", "needs a " + s.role() + " of " + (s.role().equals("town-official") ? "town " + a.town
                            : "village " + a.village) + " who neither filed this request nor is paid by it"
                            + (pick.excused().isEmpty() ? "" : " (" + pick.excused().size() + " excused)")));
        }
        a.stage = stage;
        a.step = step;
        a.seq++;
        a.required = required;
        a.state = ApprovalState.PENDING;
        a.clock(Deadline.start(now, Duration.ofHours(s.hours()), SlaState.GREEN));
        for (Approvers.Excused x : pick.excused()) {
            systemLine(a, "skipped", x.who().username + " " + x.why());
        }
        for (StaffMember m : pick.eligible()) {
            em.createNativeQuery("INSERT INTO approval_pending (user_id, approval_id, username) VALUES (?1, ?2, ?3)")
                    .setParameter(1, m.userId).setParameter(2, a.id).setParameter(3, m.username).executeUpdate();
            InboxMessage.toPerson(m.userId, null, label(a) + " 待您审批：" + s.name() + "（" + s.hours() + "小时内）",
                    words(a, "inbox.approval.waiting", s.name(), String.valueOf(s.hours())));
        }
        events.record("approval.step", a, Map.of("step", s.id(), "action", "open", "approvers",
                pick.eligible().size(), "required", required, "excused", pick.excused().size()));
    }

    private void stop(Approval a, ApprovalState to, String event, String news, Words words, Instant now) {
        clearPending(a);
        a.state = to;
        a.clock(Deadline.stopped(now, a.sla));
        InboxMessage.toPerson(a.filerUserId, null, label(a) + " " + news, words);
        events.record(event, a, Map.of());
    }

    private void clearPending(Approval a) {
        em.createNativeQuery("DELETE FROM approval_pending WHERE approval_id = ?1").setParameter(1, a.id).executeUpdate();
    }

    private void requireApprover(Approval a, Caller c) {
        if (c.userId() != null && c.userId().equals(a.filerUserId)) {
            throw new ProblemException(403, "Forbidden", "No one approves their own request.");
        }
        if (ApprovalStep.count("approvalId = ?1 and seq = ?2 and userId = ?3 and action in ('approve', 'reject', "
                + "'return')", a.id, a.seq, c.userId()) > 0) {
            throw ProblemException.conflict("You have already decided on this step of approval " + a.id + ".");
        }
        Number pending = (Number) em.createNativeQuery("SELECT count(*) FROM approval_pending WHERE user_id = ?1 "
                + "AND approval_id = ?2").setParameter(1, c.userId()).setParameter(2, a.id).getSingleResult();
        if (pending.intValue() == 0) {
            throw new ProblemException(403, "Forbidden", "This step of approval " + a.id + " does not wait for your "
                    + "account: it needs another role, or you are excused from it (the money goes to you or your household).");
        }
    }

    private static void requireNeeds(Approval a, WorkflowDefinition.Step step) {
        for (WorkflowDefinition.Need n : step.needs() == null ? List.<WorkflowDefinition.Need>of() : step.needs()) {
            if (n.applies(a.amount) && ApprovalAttachment.count("approvalId = ?1 and kind = ?2", a.id, n.attachment()) == 0) {
                throw ProblemException.invalid(422, "Step '" + step.name() + "' needs a " + n.attachment()
                        + " attached first" + (n.amountAbove() == null ? "." : " (amount above " + n.amountAbove() + ")."),
                        Map.of("attachments", "needs a " + n.attachment()));
            }
        }
    }

    private static void requireFiler(Caller c, WorkflowDefinition def) {
        if (def.filers().stream().noneMatch(c::hasRole)) {
            throw new ProblemException(403, "Forbidden", "Only " + def.filers() + " file a " + def.kind() + " approval.");
        }
    }

    /** The filer, or another of the village's filers (a bookkeeper away, a cadre carries on). */
    private void requireFilerOf(Approval a, Caller c) {
        if (!c.userId().equals(a.filerUserId)) {
            requireFiler(c, workflows.version(a.kind, a.definitionVersion));
        }
    }

    static void line(Approval a, Caller c, String action, String note) {
        line(a, c.actor(), c.userId(), action, note);
    }

    /** A line no person wrote: an excused approver, an overdue step. */
    static void systemLine(Approval a, String action, String note) {
        line(a, "system", null, action, note);
    }

    static void line(Approval a, String actor, String userId, String action, String note) {
        ApprovalStep s = new ApprovalStep();
        s.approvalId = a.id;
        s.seq = a.seq;
        s.stage = a.stage;
        s.step = a.step;
        s.at = Instant.now();
        s.actor = actor;
        s.userId = userId;
        s.action = action;
        s.note = note == null ? null : note.length() > 2000 ? note.substring(0, 2000) : note;
        s.persist();
    }

    /** A message's words in every language: the approval's kind, number and title, then {@code more}. */
    static Words words(Approval a, String key, String... more) {
        String[] params = new String[3 + more.length];
        params[0] = "t:approval.kind." + a.kind;
        params[1] = String.valueOf(a.id);
        params[2] = a.title;
        System.arraycopy(more, 0, params, 3, more.length);
        return Words.of(key, params);
    }

    static String label(Approval a) {
        return a.kind.zh + "审批 #" + a.id + "「" + a.title + "」";
    }

    private static byte[] payload(Approval a) {
        return (a.kind + "\n" + a.village + "\n" + a.amount + "\n" + a.data).getBytes(StandardCharsets.UTF_8);
    }
}
