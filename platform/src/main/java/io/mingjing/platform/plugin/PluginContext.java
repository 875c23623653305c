package io.mingjing.platform.plugin;

import io.mingjing.sdk.Caller;
import io.mingjing.sdk.Event;
import io.mingjing.sdk.Settings;
import io.mingjing.sdk.Sql;
import io.mingjing.sdk.TenantContext;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The {@link TenantContext} of one callback. Audit entries and events are collected during the call
 * and written by {@link ModuleCalls} with its commit: audit entries just before, events just after.
 */
final class PluginContext implements TenantContext {

    record Audit(String action, String entity, String entityId, String payload) {
    }

    private final String county;
    private final String module;
    private final Caller caller;
    private final Settings settings;
    private final Sql sql;
    private final Clock clock;
    final List<Audit> audits = new ArrayList<>();
    final List<Event> events = new ArrayList<>();

    PluginContext(String county, String module, Caller caller, Settings settings, Sql sql, Clock clock) {
        this.county = county;
        this.module = module;
        this.caller = caller;
        this.settings = settings;
        this.sql = sql;
        this.clock = clock;
    }

    @Override
    public String county() {
        return county;
    }

    @Override
    public String module() {
        return module;
    }

    @Override
    public Caller caller() {
        return caller;
    }

    @Override
    public Settings settings() {
        return settings;
    }

    @Override
    public Sql sql() {
        return sql;
    }

    @Override
    public void audit(String action, String entity, String entityId, String payload) {
        audits.add(new Audit(action, entity, entityId, payload == null ? "" : payload));
    }

    @Override
    public void publish(String type, String entityId, Map<String, Object> data) {
        events.add(new Event(type, county, module, entityId, data, clock.instant()));
    }

    @Override
    public Clock clock() {
        return clock;
    }
}
