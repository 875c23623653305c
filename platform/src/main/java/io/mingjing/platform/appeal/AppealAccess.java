package io.mingjing.platform.appeal;

import io.mingjing.platform.orgunit.Places;
import io.mingjing.platform.identity.Caller;
import io.mingjing.platform.identity.CurrentCaller;
import io.mingjing.platform.identity.Role;
import io.mingjing.platform.orgunit.OrgUnit;
import io.mingjing.platform.problem.ProblemException;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;

/**
 * Who may see and who may handle a case. A report (举报) is for inspectors only — never its named
 * staff — and a refusal never says that a report exists.
 */
@RequestScoped
public class AppealAccess {

    @Inject
    Places places;
    @Inject
    CurrentCaller caller;

    public boolean isAppellant(Appeal a) {
        Caller c = caller.get();
        return !c.anonymous() && c.userId().equals(a.appellantUserId);
    }

    public boolean mayHandle(Appeal a) {
        Caller c = caller.get();
        if (c.anonymous() || a.names(c.displayName())) {
            return false;
        }
        return switch (a.level) {
            case INSPECTORS -> c.hasRole(Role.INSPECTOR);
            case DEPARTMENT -> c.hasRole(Role.DEPARTMENT_STAFF);
            case TOWN -> c.hasRole(Role.TOWN_OFFICIAL) && places.mayActOn(a.village);
            case VILLAGE -> (c.hasRole(Role.CADRE) || c.hasRole(Role.SUPERVISOR)) && places.mayActOn(a.village);
        };
    }

    public boolean mayRead(Appeal a) {
        Caller c = caller.get();
        if (isAppellant(a)) {
            return true;
        }
        if (c.anonymous() || a.names(c.displayName())) {
            return false;
        }
        if (a.kind == AppealKind.REPORT) {
            return c.hasRole(Role.INSPECTOR);
        }
        return mayHandle(a) || c.hasRole(Role.INSPECTOR) || c.hasRole(Role.TENANT_ADMIN)
                || c.hasRole(Role.DEPARTMENT_STAFF) || c.isStaff() && places.mayActOn(a.village);
    }

    /** The reporter of a report is shown to inspectors only; other appellants to every reader. */
    public boolean maySeeAppellant(Appeal a) {
        return isAppellant(a) || (a.kind != AppealKind.REPORT || caller.get().hasRole(Role.INSPECTOR)) && mayRead(a);
    }

    public Appeal requireReadable(String trackingNo) {
        Appeal a = Appeal.find("trackingNo", trackingNo).firstResult();
        if (a == null || !mayRead(a)) {
            throw notFound(trackingNo);
        }
        return a;
    }

    public static ProblemException notFound(String trackingNo) {
        return ProblemException.notFound("No case " + trackingNo + " that you can see.");
    }

    /** The inbox address of whoever handles at a level. */
    static String unitAddress(Appeal a) {
        return switch (a.level) {
            case VILLAGE -> a.village;
            case TOWN -> {
                OrgUnit v = OrgUnit.findById(a.village);
                yield v == null ? null : v.parentCode;
            }
            case DEPARTMENT -> a.department;
            case INSPECTORS -> "inspectors";
        };
    }
}
