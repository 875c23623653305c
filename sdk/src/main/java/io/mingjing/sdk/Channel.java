package io.mingjing.sdk;

import java.util.Objects;
import java.util.regex.Pattern;

/**
 * Delivers a person's inbox messages over another channel — SMS, WeChat, a loudspeaker system — so
 * that a villager who never opens the portal still hears that their case moved.
 *
 * <p><b>Who calls it, when:</b> the platform, for every inbox message addressed to a person (not to
 * a unit) in a county where the module is enabled, once the message is committed; within seconds
 * (config {@code mingjing.channels.every}), in batches of up to {@code mingjing.channels.batch} (500)
 * messages per call ({@link Notifier#deliverAll}, SDK 1.6), so a push to a whole county (一键发布 to
 * 130,000 residents) goes out at hundreds of messages a second. A message that fails, or whose call
 * throws or times out, is retried on later rounds (at most 5 attempts); a delivered one is never
 * handed over again, except when a replica dies between the call and the commit of its outcome, so
 * drop repeats by {@link Notification#id()}. <b>Thread:</b> a worker thread of the module's own pool,
 * under the same timeout as routes. <b>Tenant:</b> the message's county, with {@link Caller#SYSTEM};
 * a call's SQL and audit entries are one transaction.
 *
 * <p>A message never names the kind of case: a channel must not learn that someone filed a 举报
 * (and modules cannot read the county's cases).
 *
 * <pre>{@code
 * Channel.of("sms", (ctx, n) -> {
 *     if (n.phone() != null) {
 *         gateway.send(n.phone(), n.text() + " " + n.link());
 *         ctx.sql().update("INSERT INTO sms_sent(message_id, phone) VALUES (?, ?)", n.id(), n.phone());
 *     }
 * })
 * }</pre>
 *
 * @param name what the county admin sees, e.g. {@code sms} or {@code wechat}
 */
public record Channel(String name, Notifier notifier) implements ModuleManifest.Part {

    /** Lowercase letters, digits and '-', 2–24 characters, like a module id. */
    public static final Pattern NAME = Pattern.compile("^[a-z][a-z0-9-]{1,23}$");

    public Channel {
        if (name == null || !NAME.matcher(name).matches()) {
            throw new IllegalArgumentException("channel name must match " + NAME.pattern() + ": " + name);
        }
        Objects.requireNonNull(notifier, "notifier");
    }

    public static Channel of(String name, Notifier notifier) {
        return new Channel(name, notifier);
    }
}
