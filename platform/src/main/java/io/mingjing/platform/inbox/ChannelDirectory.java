package io.mingjing.platform.inbox;

import java.util.List;

/**
 * Which notification channels deliver persons' messages in a county now. Implemented by the plugin
 * runtime, which knows the modules; kept as an interface so that queuing a message needs nothing of it.
 */
public interface ChannelDirectory {

    /** The channels of the modules enabled in the county, as {@code module/channel}. */
    List<String> channelsIn(String county);
}
