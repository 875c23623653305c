package io.mingjing.platform.plugin;

import io.mingjing.platform.identity.Caller;
import io.mingjing.platform.identity.CurrentCaller;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.Set;

/** The request's caller as the platform and as a module see it. */
@ApplicationScoped
public class PluginCallers {

    @Inject
    CurrentCaller current;

    public Caller caller() {
        return current.get();
    }

    /** The caller as a module in {@code county} sees it: a login of another county counts as anonymous. */
    io.mingjing.sdk.Caller forModule(String county) {
        Caller c = caller();
        if (c.anonymous()) {
            return io.mingjing.sdk.Caller.ANONYMOUS;
        }
        if (c.county() == null || !c.county().equals(county)) {
            // operators and other counties' accounts: known, but without roles in this county
            return new io.mingjing.sdk.Caller(c.userId(), c.displayName(), Set.of(), null, c.county());
        }
        return new io.mingjing.sdk.Caller(c.userId(), c.displayName(), c.roles(), c.orgUnit(), c.county());
    }
}
