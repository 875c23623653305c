package io.mingjing.platform.warning;

import io.mingjing.platform.audit.AuditLog;
import io.mingjing.platform.clock.Deadline;
import io.mingjing.platform.clock.SlaState;
import io.mingjing.platform.identity.Caller;
import io.mingjing.platform.identity.CurrentCaller;
import io.mingjing.platform.identity.Role;
import io.mingjing.platform.inbox.InboxMessage;
import io.mingjing.platform.orgunit.OrgUnit;
import io.mingjing.platform.problem.ProblemException;
import io.mingjing.platform.tenancy.CurrentTenant;
import io.mingjing.platform.tenancy.TenantScope;
import io.mingjing.sdk.Facts;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.transaction.Transactional;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/**
 * Runs rules (an event's entities, the sweep, a whole re-evaluation) and moves warnings through their
 * life: RED new → YELLOW a handler of its tier took it → GREEN handled, with a disposition. Every
 * change is audited; evaluations once per run, with the ids they raised.
 */
@ApplicationScoped
public class WarningService {

    static final Set<String> COUNTY_WIDE = Set.of(Role.INSPECTOR, Role.TENANT_ADMIN, Role.DEPARTMENT_STAFF);

    @Inject
    Rules rules;
    @Inject
    Evaluator evaluator;
    @Inject
    Routing routing;
    @Inject
    AuditLog audit;
    @Inject
    CurrentCaller caller;
    @Inject
    CurrentTenant tenant;
    @Inject
    EntityManager em;
    @Inject
    TenantScope scope;

    /**
     * Runs these rules over the target in the current county's transaction, tells handlers, audits once. A
     * whole county's SQL rules run fact by fact in transactions of their own, two at a time (below).
     */
    @Transactional(Transactional.TxType.MANDATORY)
    Evaluator.Result run(List<ActiveRule> which, Target target, boolean withdraw, String why) {
        if (withdraw && target.all()) {
            return wholeCounty(which, why);
        }
        return told(evaluator.evaluate(tenant.require(), which, target, withdraw), why);
    }

    /** How many facts of a whole evaluation run at once: a fact's statement is one server process, one core. */
    static final int FACTS_AT_ONCE = 2;

    /**
     * A whole evaluation: the facts are independent, and PostgreSQL runs no statement that writes on more
     * than one core, so each fact's SQL rules raise, withdraw, tell and audit in a transaction of their own,
     * two facts at once, the facts with the most rules first. Each fact's work commits whole or not at all:
     * a replica dying mid-way leaves some facts evaluated, each completely, and the job's retry evaluates
     * them all again (the (rule, entity) index keeps one warning each). The other rules run here.
     */
    private Evaluator.Result wholeCounty(List<ActiveRule> which, String why) {
        String county = tenant.require();
        Map<Facts.Fact, List<ActiveRule>> byFact = new LinkedHashMap<>();
        List<ActiveRule> others = new ArrayList<>();
        for (ActiveRule r : which) {
            if (r.sql() != null) {
                byFact.computeIfAbsent(r.fact(), f -> new ArrayList<>()).add(r);
            } else {
                others.add(r);
            }
        }
        List<List<ActiveRule>> facts = new ArrayList<>(byFact.values());
        facts.sort(Comparator.<List<ActiveRule>>comparingInt(List::size).reversed());
        List<Future<Evaluator.Result>> done = new ArrayList<>();
        try (ExecutorService threads = Executors.newFixedThreadPool(FACTS_AT_ONCE, Thread.ofVirtual().factory())) {
            for (List<ActiveRule> rules : facts) {
                done.add(threads.submit(() -> scope.call(county, WarningSweep.WHOLE_COUNTY,
                        () -> told(evaluator.evaluate(county, rules, Target.ALL, true), why))));
            }
        }
        List<Evaluator.Result> results = new ArrayList<>();
        for (Future<Evaluator.Result> f : done) {
            results.add(outcome(f));
        }
        results.add(told(evaluator.evaluate(county, others, Target.ALL, true), why));
        return Evaluator.Result.of(results);
    }

    private static Evaluator.Result outcome(Future<Evaluator.Result> f) {
        try {
            return f.get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted during a whole evaluation", e);
        } catch (ExecutionException e) {
            throw e.getCause() instanceof RuntimeException r ? r : new IllegalStateException(e.getCause());
        }
    }

    /** Tells the handlers of what was raised, records the rules that failed, audits the run. */
    private Evaluator.Result told(Evaluator.Result r, String why) {
        routing.tell(r.raised());
        Instant now = Instant.now();
        r.failed().forEach((id, error) -> {
            RuleSetting s = setting(id);
            s.lastError = error.length() > 500 ? error.substring(0, 500) : error;
            s.lastErrorAt = now;
        });
        if (!r.raised().isEmpty() || r.withdrawn() > 0) {
            String ids = String.join(",", r.raised().stream().map(x -> String.valueOf(x.id())).toList());
            audit.append(Evaluator.ACTOR, "warning.evaluated", "WarningRun", why,
                    (why + "\n" + ids + "\nwithdrawn " + r.withdrawn()).getBytes(StandardCharsets.UTF_8));
        }
        return r;
    }

    /** The county's settings of a rule, made when first needed in the state it ran in without them. */
    RuleSetting setting(String ruleId) {
        RuleSetting s = RuleSetting.findById(ruleId);
        if (s == null) {
            s = new RuleSetting();
            s.ruleId = ruleId;
            s.shadow = !ruleId.startsWith(BuiltinRules.MODULE + "/");
            s.persist();
        }
        return s;
    }

    /** A handler of the warning's tier takes it: RED → YELLOW, its clock goes on. */
    @Transactional
    public Warning take(long id) {
        Warning w = lock(id);
        Caller c = caller.get();
        requireHandler(w, c);
        if (w.colour != Warning.Colour.RED) {
            throw ProblemException.conflict("Warning " + id + " is " + w.colour + ": "
                    + (w.colour == Warning.Colour.YELLOW ? "already taken by " + w.handler : "already handled") + ".");
        }
        w.colour = Warning.Colour.YELLOW;
        w.handler = c.actor();
        w.takenAt = Instant.now();
        audit.append(c.actor(), "warning.taken", "Warning", w.id.toString(), w.ruleId.getBytes(StandardCharsets.UTF_8));
        return w;
    }

    /** The handler closes it with a disposition: GREEN. A false alarm says why; so does a referral. */
    @Transactional
    public Warning dispose(long id, Warning.Disposition disposition, String reason) {
        if (disposition == null || disposition == Warning.Disposition.WITHDRAWN) {
            throw ProblemException.invalid(400, "Say how it was handled.", Map.of("disposition",
                    "is required: CONFIRMED, FALSE_ALARM or REFERRED"));
        }
        if (disposition != Warning.Disposition.CONFIRMED && (reason == null || reason.isBlank())) {
            throw ProblemException.invalid(400, "Say why.", Map.of("reason", "is required for a false alarm or a referral"));
        }
        if (reason != null && reason.length() > 2000) {
            throw ProblemException.invalid(400, "The reason is too long.", Map.of("reason", "must be at most 2000 characters"));
        }
        Warning w = lock(id);
        Caller c = caller.get();
        requireHandler(w, c);
        if (w.colour == Warning.Colour.GREEN) {
            throw ProblemException.conflict("Warning " + id + " is already handled (" + w.disposition + ").");
        }
        if (w.colour == Warning.Colour.RED) {
            w.handler = c.actor();
            w.takenAt = Instant.now();
        } else if (!c.actor().equals(w.handler) && !c.roles().stream().anyMatch(COUNTY_WIDE::contains)) {
            throw new ProblemException(403, "Forbidden", "Warning " + id + " is being handled by " + w.handler + ".");
        }
        Instant now = Instant.now();
        w.colour = Warning.Colour.GREEN;
        w.disposition = disposition;
        w.reason = reason == null ? null : reason.strip();
        w.closedBy = c.actor();
        w.closedAt = now;
        w.clock(Deadline.stopped(now, w.sla));
        if (disposition == Warning.Disposition.REFERRED) {
            InboxMessage.toUnit("inspectors", null, "预警 #" + w.id + " 已移送纪检监察：" + w.reason);
        }
        audit.append(c.actor(), "warning.disposed", "Warning", w.id.toString(),
                (disposition + "\n" + w.reason).getBytes(StandardCharsets.UTF_8));
        return w;
    }

    /** The warning if the caller's places include it; shadow warnings only for inspectors and admins. */
    @Transactional
    public Warning readable(long id) {
        Warning w = Warning.findById(id);
        if (w == null || !mayRead(w, caller.get())) {
            throw ProblemException.notFound("No warning " + id + ".");
        }
        return w;
    }

    boolean mayRead(Warning w, Caller c) {
        if (c.roles().stream().anyMatch(COUNTY_WIDE::contains)) {
            return true;
        }
        if (w.shadow || c.orgUnit() == null) {
            return false;
        }
        if (c.hasRole(Role.TOWN_OFFICIAL)) {
            return c.orgUnit().equals(w.town);
        }
        return c.isStaff() && c.orgUnit().equals(w.village);
    }

    /**
     * The DEPARTMENT warnings a department-staff account {@code :uid} handles, as a query condition: those of
     * the departments the county named it for (as for service reviews), and of departments it named nobody
     * for, which any department staff handles (as appeals at the department level).
     */
    static final String DEPARTMENTS_OF_UID = "tier = 'DEPARTMENT' and department is not null and (department in "
            + "(select m.department from ServiceDepartmentMember m, StaffMember s where s.username = m.username "
            + "and s.userId = :uid) or department not in (select n.department from ServiceDepartmentMember n))";

    /**
     * Village staff handle VILLAGE warnings of their village; town officials TOWN ones of their town; department
     * staff DEPARTMENT ones of their departments; inspectors the rest, and any.
     */
    private void requireHandler(Warning w, Caller c) {
        if (w.shadow) {
            throw new ProblemException(422, "Invalid transition", "Warning " + w.id + " is a shadow rule's trial: "
                    + "nobody handles it.");
        }
        boolean ok = c.hasRole(Role.INSPECTOR)
                || c.hasRole(Role.TOWN_OFFICIAL) && c.orgUnit() != null && c.orgUnit().equals(w.town)
                        && !Set.of("INSPECTORS", "DEPARTMENT").contains(w.tier)
                || (c.hasRole(Role.CADRE) || c.hasRole(Role.SUPERVISOR)) && c.orgUnit() != null
                        && c.orgUnit().equals(w.village) && "VILLAGE".equals(w.tier)
                || c.hasRole(Role.DEPARTMENT_STAFF) && Warning.count("id = :id and " + DEPARTMENTS_OF_UID,
                        Map.of("id", w.id, "uid", c.userId())) > 0;
        if (!ok) {
            throw new ProblemException(403, "Forbidden", "Warning " + w.id + " is for the " + w.tier.toLowerCase()
                    + " tier of its place to handle.");
        }
    }

    private Warning lock(long id) {
        Warning w = em.find(Warning.class, id, LockModeType.PESSIMISTIC_WRITE);
        if (w == null || !mayRead(w, caller.get())) {
            throw ProblemException.notFound("No warning " + id + ".");
        }
        return w;
    }

    /** Overdue: one tier up, a fresh limit there, the new handlers told. @return the audit note */
    String escalate(Warning w, Instant now) {
        w.escalations++;
        String from = w.tier;
        boolean top = "INSPECTORS".equals(from);
        w.tier = top ? from : Routing.above(from);
        w.clock(top ? Deadline.stopped(now, SlaState.RED) : Deadline.start(now, Duration.ofHours(routing.hours(w.tier)),
                SlaState.RED));
        String note = "预警 #" + w.id + " 超时未处置（红牌）" + (top ? "，纪检监察督办" : "，已升级至" + w.tier);
        InboxMessage.toUnit(Routing.address(w.tier, w.village, w.town, w.department), null, note);
        return note;
    }

    static String townOf(String village) {
        OrgUnit v = village == null ? null : OrgUnit.findById(village);
        return v == null ? null : v.parentCode;
    }
}
