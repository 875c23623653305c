package io.mingjing.platform.event;

import java.util.List;

/**
 * A built-in feature that reacts to the county's domain events, through the same outbox as plugin
 * modules: its deliveries are rows under its own {@link #module()} name, claimed with a lease, in order
 * per entity, at least once. {@link PlatformDelivery} hands them over.
 */
public interface PlatformListener {

    /** The name its deliveries carry in {@code event_delivery.module}; never a plugin module's id. */
    String module();

    /** Whether it wants this event in the county (asked when the event is recorded). */
    boolean wants(String county, String name);

    /**
     * Handles claimed events of the county, oldest first, outside any transaction of the caller; runs
     * its own transactions inside the county's scope. A throw fails the whole batch, to be retried.
     */
    void deliver(String county, List<EventStore.Claim> claims);
}
