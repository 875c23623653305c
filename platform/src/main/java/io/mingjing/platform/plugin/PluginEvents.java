package io.mingjing.platform.plugin;

import io.mingjing.sdk.Caller;
import io.mingjing.sdk.Event;
import io.mingjing.sdk.Listener;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Instant;
import java.util.Map;
import org.jboss.logging.Logger;

/**
 * Delivers domain events to the listeners of the modules enabled in the event's county. The
 * platform's own features publish with {@link #publish(String, String, String, Map)} after their
 * commit; modules publish through their {@code TenantContext}. Delivery is asynchronous and per
 * listener, so a slow or failing listener delays or harms nobody else.
 */
@ApplicationScoped
public class PluginEvents {

    private static final Logger LOG = Logger.getLogger(PluginEvents.class);

    @Inject
    PluginCatalogue catalogue;
    @Inject
    ModuleStates states;
    @Inject
    ModuleCalls calls;

    /** For platform features: call after the transaction that made the change has committed. */
    public void publish(String county, String type, String entityId, Map<String, Object> data) {
        publish(new Event(type, county, "platform", entityId, data, Instant.now()));
    }

    void publish(Event event) {
        for (LoadedModule module : catalogue.running()) {
            ModuleStates.State state = states.get(event.county(), module.id());
            if (!state.enabled() || !state.allowed()) {
                continue;
            }
            for (Listener listener : module.manifest().listeners()) {
                if (listener.accepts(event)) {
                    Thread.ofVirtual().name("event-" + module.id()).start(() -> deliver(module, listener, event));
                }
            }
        }
    }

    private void deliver(LoadedModule module, Listener listener, Event event) {
        try {
            calls.call(module, event.county(), Caller.SYSTEM, ctx -> {
                listener.handler().on(ctx, event);
                return Boolean.TRUE;
            }, ok -> true);
        } catch (RuntimeException e) {
            LOG.warnf("module %s could not handle event %s in county %s: %s", module.id(), event.type(),
                    event.county(), e.getMessage());
        }
    }
}
