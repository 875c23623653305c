package io.mingjing.platform.plugin;

/** A plugin jar the platform will not run, with a reason an operator or vendor can act on. */
public class PluginRejected extends Exception {

    public PluginRejected(String reason) {
        super(reason, null, false, false);
    }

    public PluginRejected(String reason, Throwable cause) {
        super(reason, cause, false, false);
    }
}
