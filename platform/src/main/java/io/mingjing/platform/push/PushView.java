package io.mingjing.platform.push;

import io.mingjing.platform.inbox.BulkMessages;
import java.time.Instant;
import java.util.List;

/**
 * A push as its sender and the places above see it: what, to whom, and what became of its messages.
 *
 * @param scopeUnit the village or town it was sent in; null for the county
 * @param audience the audience as chosen, JSON
 * @param counts null in lists
 */
public record PushView(long id, String title, String source, Long notice, Long policy, String text, String audience,
        String scopeUnit, String sentBy, Instant createdAt, int queued, List<String> channels, Counts counts) {

    /**
     * @param delivered handed over by at least one channel
     * @param failed given up by every channel that tried (or older than a day when its turn came)
     * @param channels per channel: handed over, failed, still waiting
     */
    public record Counts(long queued, long delivered, long failed, List<BulkMessages.ChannelCount> channels) {
    }

    public record Page(List<PushView> items, Long next) {
    }

    static PushView of(Push p, Counts counts) {
        return new PushView(p.id, p.title, p.source.name(), p.noticeId, p.policyId, p.body, p.audience, p.scopeUnit,
                p.sentBy, p.createdAt, p.queued, p.channels.isEmpty() ? List.of() : List.of(p.channels.split(",")),
                counts);
    }
}
