package io.mingjing.platform.notice;

import io.mingjing.platform.audit.AuditLog;
import io.mingjing.platform.event.DomainEvents;
import io.mingjing.platform.identity.CurrentCaller;
import io.mingjing.platform.identity.Role;
import io.mingjing.platform.notice.Notice.Target;
import io.mingjing.platform.orgunit.OrgUnit;
import io.mingjing.platform.orgunit.OrgUnitLevel;
import io.mingjing.platform.orgunit.Places;
import io.mingjing.platform.problem.ProblemException;
import io.mingjing.platform.resident.Resident;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** 村社通知: notices to the county, a town or a village; a village's portal shows all three levels. */
@ApplicationScoped
public class NoticeService {

    public record NewNotice(String title, String body, String target, String code) {
    }

    @Inject
    CurrentCaller caller;
    @Inject
    Places places;
    @Inject
    AuditLog audit;
    @Inject
    DomainEvents events;

    /**
     * Who may publish it: the county's notices are the admin's and the departments'; a town's or a
     * village's, its own staff's (and the departments' and the admin's). Checks the notice too.
     */
    /** Whoever may publish some notice: a village's or a town's staff, the departments, the admin. */
    public void requireWriter() {
        caller.requireRole(Role.CADRE, Role.TOWN_OFFICIAL, Role.DEPARTMENT_STAFF, Role.TENANT_ADMIN);
    }

    public Target requirePublisher(NewNotice n) {
        Target t = target(n);
        if (t == Target.COUNTY) {
            caller.requireRole(Role.TENANT_ADMIN, Role.DEPARTMENT_STAFF);
        } else {
            caller.requireRole(Role.CADRE, Role.TOWN_OFFICIAL, Role.DEPARTMENT_STAFF, Role.TENANT_ADMIN);
            places.requireActOn(n.code());
        }
        return t;
    }

    /** Checks the target and returns it: level and code must agree (code null for the county). */
    public Target target(NewNotice n) {
        Map<String, String> errors = new LinkedHashMap<>();
        if (n == null) {
            throw ProblemException.invalid(400, "The body must be a notice.", Map.of("body", "is required"));
        }
        if (n.title() == null || n.title().isBlank() || n.title().length() > 200) {
            errors.put("title", "must be 1-200 characters");
        }
        if (n.body() == null || n.body().isBlank() || n.body().length() > 20_000) {
            errors.put("body", "must be 1-20000 characters");
        }
        Target t = null;
        try {
            t = Target.valueOf(n.target());
        } catch (RuntimeException e) {
            errors.put("target", "must be COUNTY, TOWN or VILLAGE");
        }
        if (t == Target.COUNTY && n.code() != null) {
            errors.put("code", "must be empty for the whole county");
        }
        if (t == Target.TOWN || t == Target.VILLAGE) {
            OrgUnit u = n.code() == null || !n.code().matches("\\d{12}") ? null : OrgUnit.findById(n.code());
            if (u == null || u.level != (t == Target.TOWN ? OrgUnitLevel.TOWN : OrgUnitLevel.VILLAGE)) {
                errors.put("code", "must be the code of a " + t.name().toLowerCase() + " of this county");
            }
        }
        if (!errors.isEmpty()) {
            throw ProblemException.invalid(400, "The notice is not valid.", errors);
        }
        return t;
    }

    @Transactional
    public Notice publish(NewNotice n, String actor) {
        Notice x = new Notice();
        x.targetLevel = target(n);
        x.targetCode = n.code();
        x.title = n.title().strip();
        x.body = n.body();
        x.author = actor;
        x.publishedAt = Instant.now();
        x.persist();
        Map<String, Object> data = new LinkedHashMap<>();
        data.put("id", x.id);
        data.put("targetLevel", x.targetLevel.name());
        data.put("targetCode", x.targetCode);
        events.record("notice.published", "notice", x.id.toString(), data);
        x.auditHash = audit.receipt(actor, "notice.published", "Notice", x.id.toString(),
                (x.targetLevel + ":" + x.targetCode + "\n" + x.title + "\n" + x.body).getBytes(StandardCharsets.UTF_8))
                .hash;
        return x;
    }

    /** Notices for the villages given (with their towns) and the whole county, newest first. */
    public List<Notice> forVillages(List<String> villages, int limit) {
        List<String> codes = new ArrayList<>();
        for (String v : villages) {
            OrgUnit u = v == null ? null : OrgUnit.findById(v);
            if (u != null) {
                codes.add(u.code);
                if (u.parentCode != null) {
                    codes.add(u.parentCode);
                }
            }
        }
        if (codes.isEmpty()) {
            return Notice.find("targetLevel = ?1 order by publishedAt desc, id desc", Target.COUNTY).page(0, limit)
                    .list();
        }
        return Notice.find("targetLevel = ?1 or targetCode in ?2 order by publishedAt desc, id desc", Target.COUNTY,
                codes).page(0, limit).list();
    }

    /** The villages whose notices the caller reads: a resident's registered and residence village, a cadre's own. */
    public List<String> villagesOfCaller() {
        List<String> villages = new ArrayList<>();
        Resident me = Resident.byUserId(caller.get().userId());
        if (me != null) {
            villages.add(me.registeredVillage);
            if (me.residenceVillage != null) {
                villages.add(me.residenceVillage);
            }
        } else if (caller.get().orgUnit() != null) {
            villages.add(caller.get().orgUnit());
        }
        return villages;
    }
}
