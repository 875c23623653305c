package io.mingjing.sdk;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Delivers notifications; see {@link Channel} for who calls it, when and on which thread.
 *
 * <p>Since SDK 1.6 the platform hands a channel its messages in batches of up to a few hundred, one
 * call (one transaction) per batch, through {@link #deliverAll}. A notifier that only implements
 * {@link #deliver} works as before: the default {@code deliverAll} calls it once per message. A gateway
 * that takes many messages in one request overrides {@code deliverAll}:
 *
 * <pre>{@code
 * Channel.of("sms", new Notifier() {
 *     public void deliver(TenantContext ctx, Notification n) throws Exception {
 *         String refused = deliverAll(ctx, List.of(n)).get(n.id());
 *         if (refused != null) {
 *             throw new IllegalStateException(refused);
 *         }
 *     }
 *
 *     public Map<Long, String> deliverAll(TenantContext ctx, List<Notification> batch) throws Exception {
 *         Map<Long, String> refused = gateway.sendAll(batch);          // one request; id -> why not
 *         for (Notification n : batch) {
 *             if (!refused.containsKey(n.id())) {
 *                 ctx.sql().update("INSERT INTO sms_sent(message_id) VALUES (?)", n.id());
 *             }
 *         }
 *         return refused;
 *     }
 * })
 * }</pre>
 */
@FunctionalInterface
public interface Notifier {

    /** Returns once delivered (or deliberately skipped); throws to be called again later. */
    void deliver(TenantContext ctx, Notification notification) throws Exception;

    /**
     * Delivers a batch, oldest first, in one transaction: the call's SQL and audit entries are committed
     * when it returns and rolled back when it throws.
     *
     * <p>The default calls {@link #deliver} for each notification in turn and goes on after one that
     * throws; what that one's SQL wrote before it threw is kept with the rest, so write after the send,
     * as the {@link Channel} example does. The whole call must end within the module timeout (config
     * {@code mingjing.plugins.timeout}, 10 s by default): a gateway that may take longer per message
     * should override this method and send the batch at once.
     *
     * @param batch never empty; ids are unique within it
     * @return the notifications that were not delivered, by {@link Notification#id()}, each with why; they
     *         are tried again on later rounds. Every other notification of the batch counts as delivered
     *         and is never handed over again. Throwing fails the whole batch: each is tried again later.
     */
    default Map<Long, String> deliverAll(TenantContext ctx, List<Notification> batch) throws Exception {
        Map<Long, String> failed = new LinkedHashMap<>();
        for (Notification n : batch) {
            try {
                deliver(ctx, n);
            } catch (Exception e) {
                failed.put(n.id(), e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage());
            }
        }
        return failed;
    }
}
