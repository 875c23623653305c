package io.mingjing.sdk;

/** Reacts to one event in one county; see {@link Listener} for who calls it, when and on which thread. */
@FunctionalInterface
public interface EventListener {

    void on(TenantContext ctx, Event event) throws Exception;
}
