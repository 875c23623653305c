package io.mingjing.platform.event;

import java.util.List;

/**
 * Who listens to which event in a county, and the nudge to deliver now. Implemented by the plugin
 * runtime, which knows the modules; kept as an interface so that recording an event needs nothing of it.
 */
public interface Subscriptions {

    /** The modules enabled in the county with a listener for this event name. */
    List<String> modulesFor(String county, String name);

    /** Called after a transaction that recorded events in the county has committed. */
    void committed(String county);
}
