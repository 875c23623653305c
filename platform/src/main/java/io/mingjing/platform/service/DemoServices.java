package io.mingjing.platform.service;

import io.mingjing.platform.audit.AuditLog;
import io.mingjing.platform.clock.SlaSweep;
import io.mingjing.platform.identity.Caller;
import io.mingjing.platform.identity.CurrentCaller;
import io.mingjing.platform.identity.Role;
import io.mingjing.platform.resident.Resident;
import io.mingjing.platform.seed.DemoSeed;
import io.mingjing.platform.service.ServiceRequests.Action;
import io.mingjing.platform.service.ServiceRequests.Decision;
import io.mingjing.platform.service.ServiceRequests.NewApplication;
import io.mingjing.platform.staff.StaffMember;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * A county descriptor's {@code services.yaml}: its catalogue (a new item version whenever the file
 * changed), the departments' reviewers, and demo applications filed and moved on as the residents and
 * staff it names, through the same service and checks as their own requests; applied once per version
 * of the file (its digest is in the audit chain). Demo materials are a small photo.
 */
@ApplicationScoped
public class DemoServices {

    static final String FILE = "services.yaml";
    private static final String ACTION = "demo-services.applied";
    /** A 1×1 PNG: what a photographed material is to the file rules. */
    static final byte[] PHOTO = Base64.getDecoder().decode(
            "iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8BQDwAEhQGAhKmMIQAAAABJRU5ErkJggg==");

    public record Department(String name, List<String> members) {
    }

    /**
     * @param by a staff username or a resident's phone
     * @param action APPROVE, REJECT, SUPPLEMENT, MATERIALS (adds {@code materials}), SUBMIT or RATE
     */
    public record Step(String by, String action, String step, String note, List<String> missing, String result,
            List<String> materials, Integer score) {
    }

    /**
     * @param resident the applicant's phone; @param by who files (an agent's username, or the resident's phone)
     * @param startedHoursAgo when given, the case is moved back this many hours once filed and moved on, so
     *        the one clock finds it as it would have: 黄牌 or 红牌, its town told
     */
    public record Case(String by, String item, String resident, Map<String, Object> form, List<String> materials,
            Boolean submit, List<Step> steps, Integer startedHoursAgo) {
    }

    public record File(List<Department> departments, List<ServiceItemSpec> items, List<Case> applications) {
    }

    @Inject
    DemoSeed seed;
    @Inject
    CurrentCaller caller;
    @Inject
    ServiceCatalogue catalogue;
    @Inject
    ServiceApplications applications;
    @Inject
    AuditLog audit;
    @Inject
    SlaSweep sweep;

    public void apply(String tenant, Path county, String actor) throws IOException {
        if (seed.apply(tenant, county.resolve(FILE), File.class, ACTION, actor, file -> {
            DemoSeed.each(file.departments()).forEach(d -> catalogue.members(d.name(), d.members(), actor));
            List<ServiceItemSpec> items = DemoSeed.each(file.items());
            for (int i = 0; i < items.size(); i++) {
                catalogue.put(items.get(i), true, (i + 1) * 10, ServiceCatalogue.DESCRIPTOR, actor);
            }
            DemoSeed.each(file.applications()).forEach(c -> run(tenant, c, actor));
        })) {
            sweep.sweep(tenant, Instant.now()); // the cases moved back get their cards now, not at the next run
        }
    }

    private void run(String tenant, Case c, String actor) {
        caller.actAs(person(tenant, c.by()));
        Resident r = resident(c.resident());
        long id = applications.apply(new NewApplication(c.item(), r.id, c.form(), false)).id;
        attach(id, c.materials());
        if (!Boolean.FALSE.equals(c.submit())) {
            applications.submit(id);
        }
        for (Step s : DemoSeed.each(c.steps())) {
            caller.actAs(person(tenant, s.by()));
            switch (s.action()) {
                case "MATERIALS" -> attach(id, s.materials());
                case "SUBMIT" -> applications.submit(id);
                case "RATE" -> applications.rate(id, new ServiceRequests.Rating(s.score(), s.note()));
                default -> applications.decide(id, new Decision(s.step(), applications.readable(id).seq,
                        Action.valueOf(s.action()), s.note(), s.missing(), s.result()));
            }
        }
        if (c.startedHoursAgo() != null) {
            moveBack(id, Duration.ofHours(c.startedHoursAgo()), actor);
        }
    }

    /** The demo's fiction, said in the audit chain: the case and its lines happened this much earlier. */
    private void moveBack(long id, Duration by, String actor) {
        ServiceApplication a = ServiceApplication.findById(id);
        a.createdAt = earlier(a.createdAt, by);
        a.updatedAt = earlier(a.updatedAt, by);
        a.submittedAt = earlier(a.submittedAt, by);
        a.handlingStartedAt = earlier(a.handlingStartedAt, by);
        a.stepStartedAt = earlier(a.stepStartedAt, by);
        a.yellowAt = earlier(a.yellowAt, by);
        a.dueAt = earlier(a.dueAt, by);
        ServiceLine.<ServiceLine>list("applicationId", id).forEach(l -> l.at = earlier(l.at, by));
        audit.append(actor, "demo-services.moved-back", "ServiceApplication", Long.toString(id),
                by.toString().getBytes(StandardCharsets.UTF_8));
    }

    private static Instant earlier(Instant at, Duration by) {
        return at == null ? null : at.minus(by);
    }

    private void attach(long id, List<String> materials) {
        for (String m : DemoSeed.each(materials)) {
            applications.attach(id, m, m + ".png", PHOTO);
        }
    }

    private static Resident resident(String phone) {
        Resident r = Resident.find("phone", phone).firstResult();
        if (r == null) {
            throw new IllegalArgumentException(FILE + " names no resident with phone " + phone);
        }
        return r;
    }

    private static Caller person(String tenant, String who) {
        StaffMember staff = StaffMember.find("username", who).firstResult();
        if (staff != null) {
            return new Caller(staff.userId, staff.username, Set.of(staff.role), staff.orgUnit, tenant);
        }
        Resident r = resident(who);
        return new Caller(r.userId, r.name, Set.of(Role.VILLAGER), null, tenant);
    }
}
