package io.mingjing.platform.plugin;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.mingjing.sdk.Notification;
import io.mingjing.sdk.Notifier;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** A notifier written for one message at a time takes batches as it is (SDK 1.6): a failure stays its own. */
class NotifierBatchTest {

    static Notification n(long id, String phone) {
        return new Notification(id, "user-" + id, phone, "【通知】停水", "https://portal/t/x/inbox", Instant.EPOCH);
    }

    @Test
    void theDefaultBatchDeliversEachAndReportsOnlyWhatFailed() throws Exception {
        List<Long> sent = new ArrayList<>();
        Notifier sms = (ctx, n) -> {
            if (n.phone() == null) {
                throw new IllegalStateException("no phone");
            }
            sent.add(n.id());
        };
        Map<Long, String> failed = sms.deliverAll(null, List.of(n(1, "13900000001"), n(2, null), n(3, "13900000003")));
        assertEquals(Map.of(2L, "no phone"), failed);
        assertEquals(List.of(1L, 3L), sent, "the one after a failure is delivered too, in order");
    }

    @Test
    void aFailureWithoutAMessageIsNamedByItsKind() throws Exception {
        Notifier broken = (ctx, n) -> {
            throw new java.io.IOException();
        };
        assertEquals(Map.of(7L, "IOException"), broken.deliverAll(null, List.of(n(7, "13900000007"))));
    }
}
