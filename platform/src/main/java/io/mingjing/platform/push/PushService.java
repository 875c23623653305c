package io.mingjing.platform.push;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.mingjing.platform.audit.AuditLog;
import io.mingjing.platform.audit.AuditRecord;
import io.mingjing.platform.event.DomainEvents;
import io.mingjing.platform.feature.FeatureSwitches;
import io.mingjing.platform.identity.Caller;
import io.mingjing.platform.inbox.BulkMessages;
import io.mingjing.platform.inbox.ChannelDirectory;
import io.mingjing.platform.inbox.InboxMessage.Words;
import io.mingjing.platform.input.Text;
import io.mingjing.platform.notice.Notice;
import io.mingjing.platform.notice.NoticeFeature;
import io.mingjing.platform.policy.Policy;
import io.mingjing.platform.policy.PolicyFeature;
import io.mingjing.platform.problem.ProblemException;
import io.mingjing.platform.push.PushRequests.NewPush;
import io.mingjing.platform.tenancy.CurrentTenant;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * 个性定制: a push is checked (who may, what about, whom), then written with every chosen resident's
 * inbox message in the same transaction, set-based ({@link BulkMessages}), audited once and announced by
 * one event — never one per resident. A retry with the same Idempotency-Key returns the first push.
 */
@ApplicationScoped
public class PushService {

    static final int MAX_TITLE = 100;
    static final int MAX_TEXT = 500;

    /** A push as sent, and whether this request only found it sent before (a retry). */
    public record Sent(Push push, boolean replayed) {
    }

    private record Content(Push.Source source, String title, String body, Long noticeId, Long policyId) {
    }

    @Inject
    Audiences audiences;
    @Inject
    BulkMessages messages;
    @Inject
    ChannelDirectory channels;
    @Inject
    FeatureSwitches switches;
    @Inject
    CurrentTenant tenant;
    @Inject
    AuditLog audit;
    @Inject
    DomainEvents events;
    @Inject
    ObjectMapper json;
    @Inject
    EntityManager em;

    /** How many residents the audience reaches now; nothing is queued. */
    @Transactional
    public long preview(PushRequests.Audience audience) {
        return messages.count(audiences.check(audience, "audience").residents());
    }

    /** @param idempotencyKey the sender's key for this push, or null */
    @Transactional
    public Sent send(NewPush r, String idempotencyKey) {
        Caller c = audiences.requireSender();
        if (r == null) {
            throw ProblemException.invalid(400, "The body must be a push.", Map.of("body", "is required"));
        }
        String key = idempotencyKey == null ? null : AuditRecord.sha256("user:" + c.userId() + "\n" + idempotencyKey);
        String digest = AuditRecord.sha256(canonical(r));
        if (key != null) {
            // two replicas handling the same retry at once: the second waits here and finds the first's push
            em.createNativeQuery("SELECT pg_advisory_xact_lock(hashtextextended('push:' || current_schema() || ':' || ?1, 0))").setParameter(1, key)
                    .getSingleResult();
            Push earlier = Push.find("idempotencyKey", key).firstResult();
            if (earlier != null) {
                if (!earlier.requestDigest.equals(digest)) {
                    throw ProblemException.conflict("This Idempotency-Key was used for a different push.");
                }
                return new Sent(earlier, true);
            }
        }
        Content content = content(r);
        Audiences.Chosen chosen = audiences.check(r.audience(), "audience");
        List<String> on = channels.channelsIn(tenant.require());
        Push p = persist(content, chosen, r, c, on, key, digest);
        long queued = messages.queue(p.id, chosen.residents(), message(content), words(content), link(content), on);
        if (queued == 0) {
            throw ProblemException.invalid(422, "The audience chooses nobody: nothing was pushed.", Map.of("audience",
                    "reaches no resident; widen it"));
        }
        p.queued = (int) queued;
        p.auditHash = audit.receipt(c.actor(), "push.queued", "Push", p.id.toString(), payload(p)).hash;
        events.record("push.queued", "push", p.id.toString(), event(p, chosen));
        return new Sent(p, false);
    }

    private Push persist(Content content, Audiences.Chosen chosen, NewPush r, Caller c, List<String> on, String key,
            String digest) {
        Push p = new Push();
        p.title = content.title();
        p.source = content.source();
        p.noticeId = content.noticeId();
        p.policyId = content.policyId();
        p.body = content.body();
        p.audience = write(r.audience() == null ? PushRequests.Audience.EVERYONE : r.audience());
        p.scopeUnit = chosen.scopeUnit();
        p.sentBy = c.actor();
        p.senderUserId = c.userId();
        p.channels = String.join(",", on);
        p.idempotencyKey = key;
        p.requestDigest = digest;
        p.createdAt = Instant.now();
        p.persistAndFlush();
        return p;
    }

    /** Exactly one of: a notice, a policy, or a title with a text. */
    private Content content(NewPush r) {
        int given = (r.notice() == null ? 0 : 1) + (r.policy() == null ? 0 : 1)
                + (r.title() == null && r.text() == null ? 0 : 1);
        if (given != 1) {
            throw ProblemException.invalid(422, "Say what to push.", Map.of("notice",
                    "give exactly one of notice, policy, or title with text"));
        }
        if (r.notice() != null) {
            Notice n = switches.on(tenant.require(), NoticeFeature.ID) ? Notice.findById(r.notice()) : null;
            if (n == null) {
                throw ProblemException.invalid(422, "No such notice.", Map.of("notice",
                        "must be the id of a published notice of this county"));
            }
            return new Content(Push.Source.NOTICE, n.title, null, n.id, null);
        }
        if (r.policy() != null) {
            Policy x = switches.on(tenant.require(), PolicyFeature.ID) ? Policy.findById(r.policy()) : null;
            if (x == null) {
                throw ProblemException.invalid(422, "No such policy.", Map.of("policy",
                        "must be the id of a policy of this county's library"));
            }
            return new Content(Push.Source.POLICY, x.title, null, null, x.id);
        }
        return new Content(Push.Source.TEXT, required(r.title(), "title", MAX_TITLE), required(r.text(), "text",
                MAX_TEXT), null, null);
    }

    /** What channels send (SMS and the like), in Chinese. */
    private static String message(Content c) {
        return switch (c.source()) {
            case NOTICE -> "【通知】" + c.title();
            case POLICY -> "【惠民政策】" + c.title();
            case TEXT -> c.title() + "：" + c.body();
        };
    }

    /** The same in the reader's language on the portal. */
    private static Words words(Content c) {
        return switch (c.source()) {
            case NOTICE -> Words.of("push.inbox.notice", c.title());
            case POLICY -> Words.of("push.inbox.policy", c.title());
            case TEXT -> Words.of("push.inbox.text", c.title(), c.body());
        };
    }

    private static String link(Content c) {
        return switch (c.source()) {
            case NOTICE -> "/notices/" + c.noticeId();
            case POLICY -> "/policies/" + c.policyId();
            case TEXT -> null;
        };
    }

    static String required(String text, String field, int max) {
        String problem = text == null || text.isBlank() ? "is required" : text.strip().length() > max
                ? "must be at most " + max + " characters" : Text.problem(text, true);
        if (problem != null) {
            throw ProblemException.invalid(422, "The " + field + " is missing or not acceptable.", Map.of(field, problem));
        }
        return text.strip();
    }

    /** The request as the same bytes however its JSON was spelled, for comparing retries. */
    private String canonical(NewPush r) {
        return write(r);
    }

    private String write(Object o) {
        try {
            return json.writeValueAsString(o);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    private static byte[] payload(Push p) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("title", p.title);
        m.put("source", p.source);
        m.put("notice", p.noticeId);
        m.put("policy", p.policyId);
        m.put("body", p.body);
        m.put("audience", p.audience);
        m.put("scope", p.scopeUnit);
        m.put("queued", p.queued);
        m.put("channels", p.channels);
        return m.toString().getBytes(StandardCharsets.UTF_8);
    }

    /** Ids, places and counts: never who the residents are. */
    private static Map<String, Object> event(Push p, Audiences.Chosen chosen) {
        Map<String, Object> data = new LinkedHashMap<>();
        data.put("id", p.id);
        data.put("source", p.source.name());
        data.put("noticeId", p.noticeId);
        data.put("policyId", p.policyId);
        data.put("scopeUnit", p.scopeUnit);
        data.put("villages", chosen.villages() == null ? null : chosen.villages().size());
        data.put("queued", p.queued);
        return data;
    }
}
