package io.mingjing.platform.branch;

import io.mingjing.platform.audit.AuditEntry;
import io.mingjing.platform.audit.AuditLog;
import io.mingjing.platform.file.FileKind;
import io.mingjing.platform.file.FileKinds;
import io.mingjing.platform.identity.Caller;
import io.mingjing.platform.identity.CurrentCaller;
import io.mingjing.platform.identity.Role;
import io.mingjing.platform.input.Text;
import io.mingjing.platform.orgunit.OrgUnit;
import io.mingjing.platform.orgunit.OrgUnitLevel;
import io.mingjing.platform.orgunit.Places;
import io.mingjing.platform.problem.ProblemException;
import io.mingjing.platform.resident.Resident;
import io.mingjing.platform.staff.StaffMember;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.EnumSet;
import java.util.Map;
import java.util.Set;

/**
 * 网上支部: the county or the town keeps who is a party member of which village's branch; the branch's
 * members (a cadre who is one records the meetings) read the full minutes, like and comment — nobody
 * else, whatever their role. Every write is audited.
 */
@ApplicationScoped
public class BranchService {

    static final long MAX_FILE = 10L * 1024 * 1024;
    private static final Set<FileKind> FILES = EnumSet.copyOf(FileKinds.DOCUMENTS);

    static {
        FILES.addAll(FileKinds.PHOTOS);
    }

    @Inject
    CurrentCaller caller;
    @Inject
    Places places;
    @Inject
    AuditLog audit;
    @Inject
    EntityManager em;

    /** The county admin, or an official of the village's town, names a resident's or staff member's account a member. */
    @Transactional
    public BranchMember addMember(BranchView.NewMember r) {
        Caller c = caller.get();
        OrgUnit village = r == null || r.village() == null ? null : OrgUnit.findById(r.village());
        if (village == null || village.level != OrgUnitLevel.VILLAGE) {
            throw ProblemException.invalid(422, "Unknown village.", Map.of("village", "must be the code of a village of this county"));
        }
        requireKeeper(c, village.code);
        BranchMember m = new BranchMember();
        if (r.resident() != null && r.staff() == null) {
            Resident p = Resident.find("phone", r.resident()).firstResult();
            if (p == null || p.userId == null) {
                throw ProblemException.invalid(422, "Unknown resident.", Map.of("resident", "must be the phone of a resident with an account"));
            }
            m.userId = p.userId;
            m.kind = BranchMember.RESIDENT;
            m.name = p.name;
        } else if (r.staff() != null && r.resident() == null) {
            StaffMember s = StaffMember.findById(r.staff());
            if (s == null || s.userId == null) {
                throw ProblemException.invalid(422, "Unknown staff member.", Map.of("staff", "must be the username of a staff member"));
            }
            m.userId = s.userId;
            m.kind = BranchMember.STAFF;
            m.name = s.name;
        } else {
            throw ProblemException.invalid(422, "Name the member.", Map.of("resident", "give a resident's phone or a staff username, one of the two"));
        }
        if (BranchMember.findById(m.userId) != null) {
            throw ProblemException.conflict(m.name + " is a member of a branch already; a member belongs to one branch.");
        }
        m.village = village.code;
        m.addedBy = c.actor();
        m.addedAt = Instant.now();
        m.persist();
        audit.append(c.actor(), "branch.member-added", "BranchMember", m.userId, (m.village + "\n" + m.kind)
                .getBytes(StandardCharsets.UTF_8));
        return m;
    }

    @Transactional
    public void removeMember(String userId) {
        Caller c = caller.get();
        BranchMember m = userId == null ? null : BranchMember.findById(userId);
        if (m == null) {
            throw ProblemException.notFound("No party member " + userId + ".");
        }
        requireKeeper(c, m.village);
        m.delete();
        audit.append(c.actor(), "branch.member-removed", "BranchMember", m.userId, m.village.getBytes(StandardCharsets.UTF_8));
    }

    void requireKeeper(Caller c, String village) {
        boolean keeper = c.hasRole(Role.TENANT_ADMIN) || c.hasRole(Role.TOWN_OFFICIAL) && places.mayActOn(village);
        if (!keeper) {
            throw new ProblemException(403, "Forbidden", "Party membership is kept by the county or the village's town.");
        }
    }

    /** A cadre of the village who is a member of its branch records a meeting. */
    @Transactional
    public BranchMeeting record(BranchView.NewMeeting r) {
        Caller c = caller.get();
        String village = r == null ? null : r.village();
        BranchMember me = c.userId() == null ? null : BranchMember.findById(c.userId());
        if (village == null || me == null || !me.village.equals(village) || !c.hasRole(Role.CADRE) || !places.mayActOn(village)) {
            throw new ProblemException(403, "Forbidden", "A branch's meetings are recorded by a cadre who is a member of it.");
        }
        Instant now = Instant.now();
        BranchMeeting m = new BranchMeeting();
        m.village = village;
        m.title = text(r.title(), "title", 100);
        m.minutes = text(r.minutes(), "minutes", 50_000);
        m.heldAt = r.heldAt() == null ? now : r.heldAt();
        if (m.heldAt.isAfter(now.plusSeconds(300)) || m.heldAt.isBefore(now.minus(Duration.ofDays(366)))) {
            throw ProblemException.invalid(422, "The meeting's time is not plausible.", Map.of("heldAt", "must be within the past year"));
        }
        m.recordedBy = c.actor();
        m.recorderUserId = c.userId();
        m.createdAt = now;
        m.persist();
        audit.append(c.actor(), "branch.meeting-recorded", "BranchMeeting", m.id.toString(), (m.village + "\n" + m.title
                + "\n" + m.minutes).getBytes(StandardCharsets.UTF_8));
        return m;
    }

    @Transactional
    public BranchMeetingFile attach(long id, String filename, byte[] data) {
        BranchMeeting m = readable(id);
        Caller c = caller.get();
        if (!c.userId().equals(m.recorderUserId) && !(c.hasRole(Role.CADRE) && places.mayActOn(m.village))) {
            throw new ProblemException(403, "Forbidden", "Files are added by whoever recorded the meeting.");
        }
        if (data == null || data.length == 0) {
            throw ProblemException.invalid(400, "The file is empty.", Map.of("file", "is required"));
        }
        if (data.length > MAX_FILE) {
            throw new ProblemException(413, "Payload Too Large", "A file may have at most 10 MB.");
        }
        FileKind kind = FileKinds.require(data, FILES, "file");
        BranchMeetingFile f = new BranchMeetingFile();
        f.meetingId = m.id;
        String name = filename == null || filename.isBlank() ? "file." + kind.extensions().get(0)
                : filename.replaceAll("[\\\\/\\p{Cntrl}\"]", "_");
        f.filename = name.length() > 200 ? name.substring(0, 200) : name;
        f.contentType = kind.contentType();
        f.data = data;
        f.sha256 = AuditEntry.sha256(data);
        f.addedBy = c.actor();
        f.addedAt = Instant.now();
        f.persist();
        audit.append(c.actor(), "branch.file", "BranchMeeting", m.id.toString(), f.sha256.getBytes(StandardCharsets.UTF_8));
        return f;
    }

    /** 点赞, once per member (409 twice). */
    @Transactional
    public void like(long id) {
        BranchMeeting m = readable(id);
        Caller c = caller.get();
        int added = em.createNativeQuery("INSERT INTO branch_meeting_like (meeting_id, user_id) VALUES (?1, ?2) "
                + "ON CONFLICT DO NOTHING").setParameter(1, m.id).setParameter(2, c.userId()).executeUpdate();
        if (added == 0) {
            throw ProblemException.conflict("You like meeting " + id + " already.");
        }
        audit.append(c.actor(), "branch.liked", "BranchMeeting", m.id.toString(), c.userId().getBytes(StandardCharsets.UTF_8));
    }

    @Transactional
    public void unlike(long id) {
        BranchMeeting m = readable(id);
        Caller c = caller.get();
        int removed = em.createNativeQuery("DELETE FROM branch_meeting_like WHERE meeting_id = ?1 AND user_id = ?2")
                .setParameter(1, m.id).setParameter(2, c.userId()).executeUpdate();
        if (removed > 0) {
            audit.append(c.actor(), "branch.unliked", "BranchMeeting", m.id.toString(), c.userId().getBytes(StandardCharsets.UTF_8));
        }
    }

    @Transactional
    public BranchComment comment(long id, String body) {
        BranchMeeting m = readable(id);
        Caller c = caller.get();
        BranchComment x = new BranchComment();
        x.meetingId = m.id;
        x.author = c.actor();
        x.userId = c.userId();
        x.body = text(body, "body", 2000);
        x.at = Instant.now();
        x.persist();
        audit.append(c.actor(), "branch.commented", "BranchComment", x.id.toString(), (m.id + "\n" + x.body)
                .getBytes(StandardCharsets.UTF_8));
        return x;
    }

    /** The meeting if the caller is a member of its branch (or recorded it); otherwise it does not exist for them. */
    @Transactional
    public BranchMeeting readable(long id) {
        BranchMeeting m = BranchMeeting.findById(id);
        if (m == null || !memberOf(m.village) && !caller.get().userId().equals(m.recorderUserId)) {
            throw ProblemException.notFound("No branch meeting " + id + ".");
        }
        return m;
    }

    /** The caller's branch: the village whose branch they belong to, or null. */
    public String branchOfCaller() {
        String userId = caller.get().userId();
        BranchMember me = userId == null ? null : BranchMember.findById(userId);
        return me == null ? null : me.village;
    }

    boolean memberOf(String village) {
        return village.equals(branchOfCaller());
    }

    static String text(String text, String field, int max) {
        String problem = text == null || text.isBlank() ? "is required" : text.strip().length() > max
                ? "must be at most " + max + " characters" : Text.problem(text, true);
        if (problem != null) {
            throw ProblemException.invalid(422, "The " + field + " is missing or not acceptable.", Map.of(field, problem));
        }
        return text.strip();
    }
}
