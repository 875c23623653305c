package io.mingjing.platform.task;

import io.mingjing.platform.audit.AuditEntry;
import io.mingjing.platform.audit.AuditLog;
import io.mingjing.platform.clock.Deadline;
import io.mingjing.platform.clock.SlaState;
import io.mingjing.platform.event.DomainEvents;
import io.mingjing.platform.file.FileKind;
import io.mingjing.platform.file.FileKinds;
import io.mingjing.platform.identity.Caller;
import io.mingjing.platform.identity.CurrentCaller;
import io.mingjing.platform.identity.Role;
import io.mingjing.platform.inbox.InboxMessage;
import io.mingjing.platform.input.Text;
import io.mingjing.platform.orgunit.OrgUnit;
import io.mingjing.platform.orgunit.OrgUnitLevel;
import io.mingjing.platform.orgunit.Places;
import io.mingjing.platform.problem.Problem;
import io.mingjing.platform.problem.ProblemException;
import io.mingjing.platform.staff.StaffMember;
import io.mingjing.platform.task.TaskRequests.NewTask;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.transaction.Transactional;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * 待办/督办: a town assigns work to its villages and their people, the county to any; each task runs on
 * the one time-limit clock ({@link TaskOverdue}) from its assignment to its deadline, and is done when
 * its assignee shows it done with evidence. Every write is audited, recorded as an event and told.
 */
@ApplicationScoped
public class TaskService {

    static final ZoneId CHINA = ZoneId.of("Asia/Shanghai");
    static final int MAX_TARGETS = 500;
    static final long MAX_FILE = 10L * 1024 * 1024;
    private static final Set<String> ASSIGNERS = Set.of(Role.TOWN_OFFICIAL, Role.DEPARTMENT_STAFF, Role.TENANT_ADMIN);
    private static final Set<String> COUNTY_WIDE = Set.of(Role.DEPARTMENT_STAFF, Role.TENANT_ADMIN);

    @Inject
    CurrentCaller caller;
    @Inject
    Places places;
    @Inject
    AuditLog audit;
    @Inject
    DomainEvents events;
    @Inject
    EntityManager em;

    /** A town or the county assigns one task per village and per person; all or none are assigned. */
    @Transactional
    public List<Task> assign(NewTask r) {
        Caller c = caller.get();
        if (ASSIGNERS.stream().noneMatch(c::hasRole)) {
            throw new ProblemException(403, "Forbidden", "Tasks are assigned by a town or the county.");
        }
        if (r == null) {
            throw ProblemException.invalid(400, "The body must be a task.", Map.of("body", "is required"));
        }
        String title = required(r.title(), "title", 100);
        String body = r.body() == null || r.body().isBlank() ? title : required(r.body(), "body", 20_000);
        Instant now = Instant.now();
        requireDeadline(r.deadline(), now);
        String assignerUnit = COUNTY_WIDE.stream().anyMatch(c::hasRole) ? null : c.orgUnit();
        List<Task> made = new ArrayList<>();
        for (OrgUnit u : units(r.villages())) {
            made.add(newTask(title, body, u, null, assignerUnit, r.deadline(), null, c, now));
        }
        for (StaffMember m : people(r.assignees())) {
            made.add(newTask(title, body, OrgUnit.findById(m.orgUnit), m, assignerUnit, r.deadline(), null, c, now));
        }
        if (made.isEmpty()) {
            throw ProblemException.invalid(422, "Say whom the task is for.", Map.of("villages",
                    "name at least one village or person (assignees)"));
        }
        return made;
    }

    /** A village's resolution (码上协商) becomes its own task: the committee assigned it, so the town watches it. */
    @Transactional
    public Task fromResolution(String village, String title, String body, LocalDate deadline, String source, Caller c) {
        return forVillage(village, title, body, deadline, source, village, c);
    }

    /**
     * Another feature's finding becomes a task of one village, due at the end of {@code deadline} (Beijing
     * time): an inspection's 需整改 ({@code assignerUnit} the inspecting town, or null for the county), a
     * resolution. The caller's feature has decided who may; this only assigns, audits and tells.
     */
    @Transactional
    public Task forVillage(String village, String title, String body, LocalDate deadline, String source,
            String assignerUnit, Caller c) {
        Instant now = Instant.now();
        Instant due = deadline == null ? null : deadline.plusDays(1).atStartOfDay(CHINA).toInstant();
        try {
            requireDeadline(due, now);
        } catch (ProblemException e) {
            throw ProblemException.invalid(422, "The task's deadline is not plausible.", Map.of("task.deadline",
                    "must be a date from tomorrow to a year from now"));
        }
        return newTask(title, body.length() > 20_000 ? body.substring(0, 20_000) : body, OrgUnit.findById(village),
                null, assignerUnit, due, source, c, now);
    }

    private Task newTask(String title, String body, OrgUnit unit, StaffMember person, String assignerUnit,
            Instant deadline, String source, Caller c, Instant now) {
        Task t = new Task();
        t.title = title;
        t.body = body;
        t.unit = unit.code;
        t.town = unit.level == OrgUnitLevel.TOWN ? unit.code : unit.parentCode;
        t.assigneeUserId = person == null ? null : person.userId;
        t.assigneeName = person == null ? unit.name : person.name;
        t.assignerUnit = assignerUnit;
        t.assignedBy = c.actor();
        t.assignerUserId = c.userId();
        t.source = source;
        t.deadline = deadline;
        t.state = TaskState.OPEN;
        t.createdAt = now;
        t.clock(Deadline.start(now, Duration.between(now, deadline), SlaState.GREEN));
        t.persist();
        audit.append(c.actor(), "task.assigned", "Task", t.id.toString(), payload(t));
        TaskEvents.record(events, "task.assigned", t, Map.of());
        TaskNews.toAssignees(t, TaskNews.label(t) + " 新任务，请于 " + TaskOverdue.local(deadline) + " 前完成");
        return t;
    }

    /** Evidence of the work: only the kinds of file the file rules accept, from whoever does the task. */
    @Transactional
    public TaskFile attach(long id, String filename, byte[] data) {
        Task t = lock(id);
        Caller c = requireAssignee(t);
        requireOpen(t);
        if (data == null || data.length == 0) {
            throw ProblemException.invalid(400, "The file is empty.", Map.of("file", "is required"));
        }
        if (data.length > MAX_FILE) {
            throw new ProblemException(413, "Payload Too Large", "A file may have at most 10 MB.");
        }
        FileKind fk = FileKinds.require(data, FileKinds.DOCUMENTS, "file");
        TaskFile f = new TaskFile();
        f.taskId = t.id;
        String name = filename == null || filename.isBlank() ? "evidence." + fk.extensions().get(0)
                : filename.replaceAll("[\\\\/\\p{Cntrl}\"]", "_");
        f.filename = name.length() > 200 ? name.substring(0, 200) : name;
        f.contentType = fk.contentType();
        f.data = data;
        f.sha256 = AuditEntry.sha256(data);
        f.addedBy = c.actor();
        f.addedAt = Instant.now();
        f.persist();
        audit.append(c.actor(), "task.evidence", "Task", t.id.toString(), (f.filename + "\n" + f.sha256)
                .getBytes(StandardCharsets.UTF_8));
        return f;
    }

    /** Done, with at least one file of evidence; the clock stops and the assigner is told. */
    @Transactional
    public Task complete(long id, String note) {
        Task t = lock(id);
        Caller c = requireAssignee(t);
        requireOpen(t);
        if (TaskFile.count("taskId", t.id) == 0) {
            throw ProblemException.invalid(422, "Attach the evidence of the work first.", Map.of("files",
                    "needs at least one file (photo, scan, report)"));
        }
        Instant now = Instant.now();
        t.state = TaskState.DONE;
        t.completedAt = now;
        t.completedBy = c.actor();
        t.completionNote = note == null || note.isBlank() ? null : required(note, "note", 2000);
        t.clock(Deadline.stopped(now, t.sla));
        audit.append(c.actor(), "task.completed", "Task", t.id.toString(), payload(t));
        TaskEvents.record(events, "task.completed", t, Map.of("late", now.isAfter(t.deadline)));
        InboxMessage.toPerson(t.assignerUserId, null, TaskNews.label(t) + " 已完成（" + t.assigneeName + "）");
        return t;
    }

    /** The task if the caller does it, assigned it, or may act on its unit; otherwise it does not exist for them. */
    @Transactional
    public Task readable(long id) {
        Task t = Task.findById(id);
        if (t == null || !mayRead(t)) {
            throw ProblemException.notFound("No task " + id + ".");
        }
        return t;
    }

    boolean mayRead(Task t) {
        Caller c = caller.get();
        return c.userId() != null && (c.userId().equals(t.assigneeUserId) || c.userId().equals(t.assignerUserId)
                || places.mayActOn(t.unit));
    }

    private Task lock(long id) {
        Task t = em.find(Task.class, id, LockModeType.PESSIMISTIC_WRITE);
        if (t == null || !mayRead(t)) {
            throw ProblemException.notFound("No task " + id + ".");
        }
        return t;
    }

    /** Whether the caller is whom the task is for (who reports on it). */
    @Transactional
    public boolean isFor(long id) {
        Task t = Task.findById(id);
        return t != null && isFor(t, caller.get());
    }

    private static boolean isFor(Task t, Caller c) {
        boolean person = c.userId() != null && c.userId().equals(t.assigneeUserId);
        boolean unit = t.assigneeUserId == null && t.unit.equals(c.orgUnit())
                && (c.hasRole(Role.CADRE) || c.hasRole(Role.TOWN_OFFICIAL));
        return person || unit;
    }

    /** The person it is for, or for a unit's task the cadres (officials) of that unit. */
    private Caller requireAssignee(Task t) {
        Caller c = caller.get();
        if (!isFor(t, c)) {
            throw new ProblemException(403, "Forbidden", "Only whoever task " + t.id + " is for reports on it.");
        }
        return c;
    }

    private static void requireOpen(Task t) {
        if (t.state != TaskState.OPEN) {
            throw new ProblemException(422, "Invalid transition", "Task " + t.id + " is " + t.state + " already.");
        }
    }

    private static void requireDeadline(Instant deadline, Instant now) {
        if (deadline == null || !deadline.isAfter(now.plusSeconds(60)) || deadline.isAfter(now.plus(Duration.ofDays(366)))) {
            throw ProblemException.invalid(422, "The deadline is not plausible.", Map.of("deadline",
                    "must be a time from a minute to a year from now"));
        }
    }

    /** Villages (or towns) the caller's places include; one outside them is refused whole. */
    private List<OrgUnit> units(List<String> codes) {
        Set<String> unique = new LinkedHashSet<>(codes == null ? List.of() : codes);
        requireFew(unique.size(), "villages");
        List<OrgUnit> units = new ArrayList<>();
        int i = 0;
        for (String code : unique) {
            OrgUnit u = code == null ? null : OrgUnit.findById(code);
            if (u == null || u.level == OrgUnitLevel.GRID) {
                throw ProblemException.invalid(422, "Unknown village.", Map.of("villages[" + i + "]",
                        "must be the code of a village or town of this county"));
            }
            requireWithinScope(u.code, "villages[" + i + "]");
            units.add(u);
            i++;
        }
        return units;
    }

    private List<StaffMember> people(List<String> usernames) {
        Set<String> unique = new LinkedHashSet<>(usernames == null ? List.of() : usernames);
        requireFew(unique.size(), "assignees");
        List<StaffMember> people = new ArrayList<>();
        int i = 0;
        for (String username : unique) {
            StaffMember m = username == null ? null : StaffMember.findById(username);
            if (m == null || !m.enabled || m.userId == null || m.orgUnit == null) {
                throw ProblemException.invalid(422, "Unknown person.", Map.of("assignees[" + i + "]",
                        "must be the username of an active staff member of a village or town"));
            }
            requireWithinScope(m.orgUnit, "assignees[" + i + "]");
            people.add(m);
            i++;
        }
        return people;
    }

    private void requireWithinScope(String unit, String field) {
        Caller c = caller.get();
        boolean ownTown = unit.equals(c.orgUnit()) && !c.hasRole(Role.DEPARTMENT_STAFF) && !c.hasRole(Role.TENANT_ADMIN);
        if (!places.mayActOn(unit) || ownTown) {
            throw new ProblemException(new Problem("about:blank", "Forbidden", 403,
                    "Your account assigns tasks only below its own place: " + unit + " is outside it.",
                    Map.of(field, "is outside your town or county")), null);
        }
    }

    private static void requireFew(int n, String field) {
        if (n > MAX_TARGETS) {
            throw ProblemException.invalid(422, "Too many at once.", Map.of(field, "at most " + MAX_TARGETS));
        }
    }

    static String required(String text, String field, int max) {
        String problem = text == null || text.isBlank() ? "is required" : text.strip().length() > max
                ? "must be at most " + max + " characters" : Text.problem(text, true);
        if (problem != null) {
            throw ProblemException.invalid(422, "The " + field + " is missing or not acceptable.", Map.of(field, problem));
        }
        return text.strip();
    }

    static byte[] payload(Task t) {
        Map<String, Object> p = new LinkedHashMap<>();
        p.put("title", t.title);
        p.put("unit", t.unit);
        p.put("assignee", t.assigneeUserId);
        p.put("deadline", t.deadline);
        p.put("state", t.state);
        p.put("note", t.completionNote);
        return p.toString().getBytes(StandardCharsets.UTF_8);
    }
}
