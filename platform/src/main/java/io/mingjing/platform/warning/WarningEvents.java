package io.mingjing.platform.warning;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.mingjing.platform.event.EventStore;
import io.mingjing.platform.event.PlatformListener;
import io.mingjing.platform.feature.FeatureSwitches;
import io.mingjing.platform.tenancy.TenantScope;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * Incremental evaluation: each approval, labour, seal, appeal or disclosure event runs the rules of
 * the facts it concerns for its entity only, right after the write committed (the outbox's nudge) —
 * a batch of claimed events in one transaction. Redelivery is harmless: one warning per (rule, entity).
 */
@ApplicationScoped
public class WarningEvents implements PlatformListener {

    static final String MODULE = "warnings";

    @Inject
    TenantScope scope;
    @Inject
    Rules rules;
    @Inject
    WarningService warnings;
    @Inject
    FeatureSwitches switches;
    @Inject
    ObjectMapper json;

    @Override
    public String module() {
        return MODULE;
    }

    @Override
    public boolean wants(String county, String name) {
        return (name.startsWith("approval.") || name.equals("labour.declared") || name.equals("seal.used")
                || name.startsWith("appeal.") || name.equals("disclosure.published"))
                && switches.on(county, WarningFeature.ID);
    }

    @Override
    public void deliver(String county, List<EventStore.Claim> claims) {
        Set<Long> approvals = new LinkedHashSet<>();
        Set<String> appeals = new LinkedHashSet<>();
        Set<String> villages = new LinkedHashSet<>();
        for (EventStore.Claim c : claims) {
            switch (c.entity()) {
                case "approval" -> approvals.add(Long.parseLong(c.entityId()));
                case "appeal" -> appeals.add(c.entityId());
                default -> {
                    String village = village(c.payload());
                    if (village != null) {
                        villages.add(village);
                    }
                }
            }
        }
        scope.callRedoable(county, () -> {
            List<ActiveRule> on = rules.enabled();
            if (!approvals.isEmpty()) {
                warnings.run(on, Target.approvals(new ArrayList<>(approvals)), true, "events:approval");
            }
            if (!appeals.isEmpty()) {
                warnings.run(on, Target.entities(new ArrayList<>(appeals)), true, "events:appeal");
            }
            for (String v : villages) {
                warnings.run(on, Target.village(v), true, "events:disclosure");
            }
            return null;
        });
    }

    private String village(String payload) {
        try {
            JsonNode n = json.readTree(payload).get("village");
            return n == null || n.isNull() ? null : n.asText();
        } catch (java.io.IOException e) {
            return null;
        }
    }
}
