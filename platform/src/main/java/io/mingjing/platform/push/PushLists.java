package io.mingjing.platform.push;

import io.mingjing.platform.identity.Caller;
import io.mingjing.platform.identity.CurrentCaller;
import io.mingjing.platform.identity.Role;
import io.mingjing.platform.inbox.BulkMessages;
import io.mingjing.platform.orgunit.OrgUnit;
import io.mingjing.platform.problem.ProblemException;
import io.mingjing.platform.sql.Keyset;
import io.quarkus.panache.common.Parameters;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.util.Set;

/**
 * What staff read of pushes: the county's for county staff and inspectors, a town's (its own and its
 * villages') for its officials, a village's for its cadres; newest first, with the counts of one.
 */
@ApplicationScoped
public class PushLists {

    static final int MAX_PAGE = 100;
    private static final Set<String> COUNTY_WIDE = Set.of(Role.DEPARTMENT_STAFF, Role.TENANT_ADMIN, Role.INSPECTOR);

    @Inject
    CurrentCaller caller;
    @Inject
    BulkMessages messages;

    @Transactional
    public PushView.Page list(Long before, int limit) {
        Keyset k = Keyset.of(before, limit, MAX_PAGE);
        Parameters p = Parameters.with("before", k.below());
        String where = scope(p);
        return k.page(Push.<Push>find(where + "id < :before order by id desc", p).page(0, k.fetch()).list(),
                x -> PushView.of(x, null), PushView::id, PushView.Page::new);
    }

    /** One push with its delivery counts; another place's push does not exist for the caller. */
    @Transactional
    public PushView one(long id) {
        Push push = Push.findById(id);
        if (push == null || !mayRead(push)) {
            throw ProblemException.notFound("No push " + id + ".");
        }
        BulkMessages.Counts c = messages.counts(push.id);
        return PushView.of(push, new PushView.Counts(c.queued(), c.delivered(), c.failed(), c.channels()));
    }

    private boolean mayRead(Push push) {
        Caller c = caller.get();
        if (COUNTY_WIDE.stream().anyMatch(c::hasRole)) {
            return true;
        }
        if (push.scopeUnit == null || c.orgUnit() == null) {
            return false;
        }
        OrgUnit unit = OrgUnit.findById(push.scopeUnit);
        return c.hasRole(Role.TOWN_OFFICIAL) && (c.orgUnit().equals(push.scopeUnit) || unit != null
                && c.orgUnit().equals(unit.parentCode)) || c.hasRole(Role.CADRE) && c.orgUnit().equals(push.scopeUnit);
    }

    /** @return the start of the query's condition, ending in "and " */
    private String scope(Parameters p) {
        Caller c = caller.get();
        if (COUNTY_WIDE.stream().anyMatch(c::hasRole)) {
            return "";
        }
        if (c.orgUnit() != null && c.hasRole(Role.TOWN_OFFICIAL)) {
            p.and("own", c.orgUnit());
            return "(scopeUnit = :own or scopeUnit in (select o.code from OrgUnit o where o.parentCode = :own)) and ";
        }
        if (c.orgUnit() != null && c.hasRole(Role.CADRE)) {
            p.and("own", c.orgUnit());
            return "scopeUnit = :own and ";
        }
        throw new ProblemException(403, "Forbidden", "Pushes are read by the staff who send them and by inspectors.");
    }
}
