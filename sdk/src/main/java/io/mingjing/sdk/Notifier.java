package io.mingjing.sdk;

/** Delivers one notification; see {@link Channel} for who calls it, when and on which thread. */
@FunctionalInterface
public interface Notifier {

    /** Returns once delivered (or deliberately skipped); throws to be called again later. */
    void deliver(TenantContext ctx, Notification notification) throws Exception;
}
