package io.mingjing.platform.inspection;

import io.mingjing.platform.identity.Caller;
import io.mingjing.platform.identity.CurrentCaller;
import io.mingjing.platform.identity.Role;
import io.mingjing.platform.problem.ProblemException;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.util.Map;
import java.util.Set;

/**
 * Who sees and does what in remote inspection: the county's inspectors see every village of every round
 * and record anywhere; a town official sees the villages of the town and records in the rounds the town
 * opened; a village's cadres, supervisors and bookkeepers see their own village's results only; anyone
 * else (residents, departments, the county admin) nothing. A round none of whose villages the caller
 * sees does not exist for them.
 */
@ApplicationScoped
public class InspectionAccess {

    static final Set<String> VILLAGE_STAFF = Set.of(Role.CADRE, Role.SUPERVISOR, Role.BOOKKEEPER);

    @Inject
    CurrentCaller caller;
    @Inject
    EntityManager em;

    /** The villages of rounds the caller sees, as a condition on {@link InspectedVillage} {@code v}. */
    public record Scope(String where, Map<String, Object> params) {
    }

    public Scope scope() {
        Caller c = caller.get();
        if (c.hasRole(Role.INSPECTOR)) {
            return new Scope("1 = 1", Map.of());
        }
        if (c.orgUnit() != null && c.hasRole(Role.TOWN_OFFICIAL)) {
            return new Scope("v.town = :unit", Map.of("unit", c.orgUnit()));
        }
        if (c.orgUnit() != null && VILLAGE_STAFF.stream().anyMatch(c::hasRole)) {
            return new Scope("v.village = :unit", Map.of("unit", c.orgUnit()));
        }
        throw new ProblemException(403, "Forbidden",
                "Remote inspection is for the county's inspectors, the towns and the villages inspected.");
    }

    /** Whether the caller sees at least one village of the round, i.e. the round at all. */
    public boolean seesRound(long roundId) {
        Scope s = scope();
        var q = em.createQuery("select count(v) from InspectedVillage v where v.roundId = :round and " + s.where(),
                Long.class).setParameter("round", roundId);
        s.params().forEach(q::setParameter);
        return q.getSingleResult() > 0;
    }

    /** Whether the caller sees this village of a round. */
    public boolean sees(InspectedVillage v) {
        Caller c = caller.get();
        Scope s = scope();
        return s.params().isEmpty() || c.orgUnit().equals(c.hasRole(Role.TOWN_OFFICIAL) ? v.town : v.village);
    }

    /** Inspectors for the county, a town official for the town. */
    public boolean mayOpen() {
        Caller c = caller.get();
        return c.hasRole(Role.INSPECTOR) || (c.hasRole(Role.TOWN_OFFICIAL) && c.orgUnit() != null);
    }

    public void requireOpener() {
        if (!mayOpen()) {
            throw new ProblemException(403, "Forbidden", "Rounds are opened by the county's inspectors or a town's officials.");
        }
    }

    /** The town a town official's round belongs to, or null for the county's inspectors. */
    public String openerUnit() {
        Caller c = caller.get();
        return c.hasRole(Role.INSPECTOR) ? null : c.orgUnit();
    }

    /** Inspectors record in any round; a town's officials in the rounds their town opened. */
    public boolean mayRecord(InspectionRound r) {
        Caller c = caller.get();
        return c.hasRole(Role.INSPECTOR) || (c.hasRole(Role.TOWN_OFFICIAL) && r.openerUnit != null
                && r.openerUnit.equals(c.orgUnit()));
    }

    public void requireRecorder(InspectionRound r) {
        if (!mayRecord(r)) {
            throw new ProblemException(403, "Forbidden", "Results of round " + r.id
                    + " are recorded by the inspectors" + (r.openerUnit == null ? "" : " or the officials of the town that opened it") + ".");
        }
    }
}
