package io.mingjing.sdk;

/**
 * The platform's domain events (SDK 1.4): the {@link Event#type()} a {@link Listener} subscribes to,
 * what {@link Event#entityId()} names and the fields of {@link Event#data()}. Every event is version 1;
 * a version is raised only when a field changes meaning or goes away, never for a new field.
 *
 * <p><b>Delivery:</b> at least once, and in order per entity: a module receives one case's events in
 * the order they were written, and while one of them fails, that case's later events wait (other
 * entities' do not). A failing event is retried with growing pauses; after the last attempt it is
 * dead — the county admin sees it and can replay it — and the entity's later events proceed. The
 * same event may arrive twice (a crash between the listener's commit and the platform's note of it):
 * deduplicate on {@link Event#id()}.
 *
 * <p><b>Never in an event:</b> personal data (names, phones, ID numbers, free text a person wrote) and
 * anything about reports (举报): a report's filing, steps and ratings record no event at all, so not
 * even the number of events tells that a report moved.
 *
 * <p>Common fields of {@code appeal.*}: {@code trackingNo}, {@code kind} (SUGGESTION, COMPLAINT, INQUIRY,
 * never REPORT), {@code category}, {@code village} (code), {@code level} (VILLAGE, TOWN, DEPARTMENT,
 * INSPECTORS), {@code state}. The entity id is the tracking number.
 */
public final class Events {

    private Events() {
    }

    /** A case was filed. Common appeal fields. */
    public static final String APPEAL_CREATED = "appeal.created";
    /** 受理. Common appeal fields. */
    public static final String APPEAL_ACCEPTED = "appeal.accepted";
    /** 分办. Common appeal fields. */
    public static final String APPEAL_ASSIGNED = "appeal.assigned";
    /** 整改. Common appeal fields. */
    public static final String APPEAL_RECTIFYING = "appeal.rectifying";
    /** 反馈: the reply is there, waiting for the appellant's rating. Common appeal fields (not the reply's text). */
    public static final String APPEAL_REPLIED = "appeal.replied";
    /** 问效: the appellant was satisfied; the case is closed. Common appeal fields. */
    public static final String APPEAL_RATED = "appeal.rated";
    /** The appellant was not satisfied the first time: the case is handled again. Common appeal fields. */
    public static final String APPEAL_REOPENED = "appeal.reopened";
    /**
     * The case went up a level or turned red: common appeal fields plus {@code reason} ({@code unsatisfied}
     * or {@code overdue}); {@code level} is the new level.
     */
    public static final String APPEAL_ESCALATED = "appeal.escalated";
    /** 督办: flagged for supervision when filed. Common appeal fields plus {@code reason} ({@code repeat}, {@code multi-person}). */
    public static final String APPEAL_SUPERVISED = "appeal.supervised";

    /**
     * Disclosure events: entity id the version's id; fields {@code id}, {@code seriesId}, {@code version},
     * {@code village}, {@code category} (PARTY, VILLAGE, FINANCE), {@code period}, {@code visibility}.
     */
    public static final String DISCLOSURE_SUBMITTED = "disclosure.submitted";
    /** Returned for changes by the reviewer; disclosure fields. */
    public static final String DISCLOSURE_RETURNED = "disclosure.returned";
    /** Published (also each correction once reviewed); disclosure fields. */
    public static final String DISCLOSURE_PUBLISHED = "disclosure.published";
    /** A correction of a published version was drafted: disclosure fields of the new version plus {@code corrects} (the old id). */
    public static final String DISCLOSURE_CORRECTED = "disclosure.corrected";

    /** A payment file was imported: entity id the batch id; fields {@code batchId}, {@code rows}, {@code total} (yuan, a string). */
    public static final String PAYMENTS_IMPORTED = "payments.imported";
    /** Residents were imported: entity id {@code county}; fields {@code rows}, {@code created}, {@code updated}. */
    public static final String RESIDENTS_IMPORTED = "residents.imported";
    /** Org units were imported: entity id {@code county}; fields {@code rows}, {@code created}, {@code updated}. */
    public static final String ORG_UNITS_IMPORTED = "org-units.imported";
    /** A notice was published: entity id the notice id; fields {@code id}, {@code targetLevel} (COUNTY, TOWN, VILLAGE), {@code targetCode}. */
    public static final String NOTICE_PUBLISHED = "notice.published";
    /** A module was switched on in the county: entity id the module id; fields {@code module}, {@code version}. */
    public static final String MODULE_ENABLED = "module.enabled";
    /** A module was switched off; fields {@code module}, {@code version}. Its own listeners no longer run. */
    public static final String MODULE_DISABLED = "module.disabled";

    /**
     * 三资审批 events (SDK 1.4): entity id the approval's id; common fields {@code id}, {@code kind} (PAYMENT,
     * LABOUR, PROCUREMENT, PROJECT, SEAL), {@code village}, {@code town} (codes), {@code state}, {@code stage},
     * {@code step} (indexes into its definition), {@code seq} (the step's number), {@code definitionVersion},
     * {@code amount} (yuan, a string), {@code filedBy} (the staff account), {@code filedAt}, {@code sla}; for
     * LABOUR also {@code plannedStart}, {@code plannedEnd} (dates), {@code dailyRate}, {@code workers} (a count);
     * and where someone is paid {@code staffAmongPaid} (how many of the payees or workers are staff accounts).
     */
    public static final String APPROVAL_FILED = "approval.filed";
    /** A step opened ({@code action} open, {@code approvers}, {@code required}, {@code excused}) or an approver approved ({@code action} approve, {@code actor}, {@code approvals}, {@code required}); plus {@code step} (its id). */
    public static final String APPROVAL_STEP = "approval.step";
    /** Returned to the filer for a correction. Common approval fields. */
    public static final String APPROVAL_RETURNED = "approval.returned";
    /** A later stage's form was given: common fields plus {@code form} (quotes, award, contract …). */
    public static final String APPROVAL_FORM = "approval.form";
    /** Every step approved. Common approval fields. */
    public static final String APPROVAL_APPROVED = "approval.approved";
    /** Rejected; it ends there. Common approval fields. */
    public static final String APPROVAL_REJECTED = "approval.rejected";
    /** Paid (非现金): common fields plus {@code paidAt}. */
    public static final String APPROVAL_PAID = "approval.paid";
    /** A step went overdue (红牌): common fields plus {@code reason} (overdue) and {@code escalations}. */
    public static final String APPROVAL_ESCALATED = "approval.escalated";
    /** 务工申报: the days actually worked were declared; common fields (amount: the wages) plus {@code totalDays}, {@code declaredAt}. */
    public static final String LABOUR_DECLARED = "labour.declared";
    /** A seal was used under an approved SEAL approval: common fields plus {@code seal} (its id). */
    public static final String SEAL_USED = "seal.used";

    /**
     * 便民服务 events (SDK 1.5): entity id the service application's id; common fields {@code id},
     * {@code item} (the service item's code), {@code department} (the item's lead department),
     * {@code village}, {@code town}, {@code via} (ONLINE by the resident, AGENT by the village agent),
     * {@code state} (DRAFT, INTAKE, REVIEW, SUPPLEMENT, COMPLETED, REJECTED), {@code stage} (index of the
     * open review stage), {@code seq}, {@code sla} (GREEN, YELLOW, RED), {@code dueAt} (or null),
     * {@code submittedAt}, {@code handlingStartedAt} (when the village began handling it; the clock
     * runs from there). Never the applicant's name, ID number, phone or form answers.
     */
    public static final String SERVICE_SUBMITTED = "service.submitted";
    /** The village took it on (or its agent filed it): handling begins and the clock runs. Common service fields. */
    public static final String SERVICE_ACCEPTED = "service.accepted";
    /** A review stage opened: common fields plus {@code stageName}, {@code mode} (ANY 或签, ALL 会签, SHARE), {@code steps}, {@code required}, {@code hours}. */
    public static final String SERVICE_STAGE = "service.stage";
    /** One department (or the town) approved its step: common fields plus {@code step} (its id), {@code approvals}, {@code required}. */
    public static final String SERVICE_REVIEWED = "service.reviewed";
    /** 补正, the one request for what is missing: common fields plus {@code step} and {@code missing} (material ids). The clock stops. */
    public static final String SERVICE_SUPPLEMENT_REQUESTED = "service.supplement-requested";
    /** The applicant sent what was missing: the stage that asked opens again. Common service fields. */
    public static final String SERVICE_RESUBMITTED = "service.resubmitted";
    /** 办结: common fields plus {@code granted} (true when the result grants what was applied for), {@code completedAt}, {@code hoursTaken}. */
    public static final String SERVICE_COMPLETED = "service.completed";
    /** 公众评价 by the applicant: common fields plus {@code score} (1 very dissatisfied … 5 very satisfied) and {@code bad} (score ≤ 2). */
    public static final String SERVICE_RATED = "service.rated";
    /** 红牌: the open step is overdue and went up (town, then inspectors): common fields plus {@code reason} (overdue), {@code escalations}, {@code stepName}. */
    public static final String SERVICE_ESCALATED = "service.escalated";

    /**
     * 码上协商 events (SDK 1.5): entity id the consultation's id; fields {@code id}, {@code village}, {@code town},
     * {@code state}. Never who voted or what anyone chose: there is no event per ballot.
     */
    public static final String CONSULTATION_OPENED = "consultation.opened";
    /** Put to the vote: common fields plus {@code until}. */
    public static final String CONSULTATION_VOTING = "consultation.voting";
    /** Counted: common fields plus {@code cast}, {@code eligible}, {@code quorumMet}, {@code passed}. */
    public static final String CONSULTATION_COUNTED = "consultation.counted";
    /** Its resolution was published. Common fields. */
    public static final String CONSULTATION_RESOLVED = "consultation.resolved";

    /**
     * 待办/督办 events (SDK 1.5): entity id the task's id; fields {@code id}, {@code unit} (the village or town
     * it is for), {@code town}, {@code assignerUnit} (null: the county), {@code toPerson}, {@code deadline},
     * {@code state} (OPEN, DONE), {@code sla}, {@code escalations}, {@code source}.
     */
    public static final String TASK_ASSIGNED = "task.assigned";
    /** Its deadline passed unfinished (红牌). Common fields. */
    public static final String TASK_OVERDUE = "task.overdue";
    /** Long overdue: told to the assigner's superior (督办). Common fields. */
    public static final String TASK_ESCALATED = "task.escalated";
    /** Reported done with evidence: common fields plus {@code late}. */
    public static final String TASK_COMPLETED = "task.completed";

    /**
     * A push (个性定制, SDK 1.6) was queued: one event per push, never one per resident. Entity id the push's id;
     * fields {@code id}, {@code source} (NOTICE, POLICY, TEXT), {@code noticeId}, {@code policyId},
     * {@code scopeUnit} (the sender's village or town; null: the county), {@code villages} (how many were
     * chosen; null: the whole county), {@code queued} (how many residents). Who they are is never in it.
     */
    public static final String PUSH_QUEUED = "push.queued";
    /**
     * 电子抽检 events: entity id the round's id; fields {@code id}, {@code town} (the town a draw was
     * confined to, absent for the county), {@code openerUnit} (the town that opened it, absent for the
     * county's inspectors), {@code from}, {@code to} (days), {@code kinds} (VILLAGE_LOG, DISCLOSURE, APPROVAL,
     * PAYMENT), {@code state} (OPEN, CLOSED). Never a comment, a correction or who recorded it.
     */
    public static final String INSPECTION_OPENED = "inspection.opened";
    /**
     * A village's result was recorded or amended: common fields plus {@code village}, {@code villageTown},
     * {@code result} (PASS, RECTIFY, FAIL), {@code version} (1 the first; more: amended with a reason) and
     * {@code task} (the correction's task id, when one was assigned).
     */
    public static final String INSPECTION_RESULT = "inspection.result";
    /** Closed (every village has a result, or by hand): common fields plus {@code villages}, {@code withoutResult}, {@code byHand}. */
    public static final String INSPECTION_CLOSED = "inspection.closed";
}
