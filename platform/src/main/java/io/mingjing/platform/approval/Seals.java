package io.mingjing.platform.approval;

import io.mingjing.platform.audit.AuditLog;
import io.mingjing.platform.identity.CurrentCaller;
import io.mingjing.platform.identity.Role;
import io.mingjing.platform.orgunit.Places;
import io.mingjing.platform.problem.ProblemException;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** A village's seals, registered by its cadres; each use goes through a SEAL approval. */
@ApplicationScoped
public class Seals {

    public record NewSeal(String village, String name, String keeper) {
    }

    public record SealView(long id, String village, String name, String keeper) {
        static SealView of(Seal s) {
            return new SealView(s.id, s.village.strip(), s.name, s.keeper);
        }
    }

    @Inject
    CurrentCaller caller;
    @Inject
    Places places;
    @Inject
    AuditLog audit;

    @Transactional
    public List<SealView> list(String village) {
        String v = village != null ? village : caller.get().orgUnit();
        if (v == null) {
            throw ProblemException.invalid(400, "Say which village.", Map.of("village", "is required"));
        }
        places.requireActOn(v);
        return Seal.<Seal>list("village = ?1 order by id", v).stream().map(SealView::of).toList();
    }

    @Transactional
    public SealView create(NewSeal n) {
        caller.requireRole(Role.CADRE, Role.TENANT_ADMIN);
        Map<String, String> errors = new LinkedHashMap<>();
        if (n == null) {
            throw ProblemException.invalid(400, "A seal is needed.", Map.of("body", "is required"));
        }
        ApprovalChecks.text(errors, "village", n.village(), 12, true);
        ApprovalChecks.text(errors, "name", n.name(), 60, true);
        ApprovalChecks.text(errors, "keeper", n.keeper(), 100, false);
        if (!errors.isEmpty()) {
            throw ProblemException.invalid(422, "The seal is not complete.", errors);
        }
        places.requireActOn(n.village());
        return SealView.of(ensure(n.village(), n.name().strip(), n.keeper(), caller.get().actor()));
    }

    /** Idempotent: a seal of that name in that village is the same seal. */
    @Transactional
    Seal ensure(String village, String name, String keeper, String actor) {
        Seal s = Seal.find("village = ?1 and name = ?2", village, name).firstResult();
        if (s != null) {
            return s;
        }
        s = new Seal();
        s.village = village;
        s.name = name;
        s.keeper = keeper;
        s.persist();
        audit.append(actor, "seal.registered", "Seal", s.id.toString(), (village + "\n" + name)
                .getBytes(StandardCharsets.UTF_8));
        return s;
    }
}
