package io.mingjing.platform.event;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.mingjing.platform.tenancy.CurrentTenant;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Status;
import jakarta.transaction.Synchronization;
import jakarta.transaction.TransactionSynchronizationRegistry;
import jakarta.transaction.Transactional;
import java.io.UncheckedIOException;
import java.sql.PreparedStatement;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.hibernate.Session;

/**
 * The county's outbox: records a domain event in the caller's transaction, so the event commits with
 * the change it describes, or neither does (like the audit chain). Each module listening to it gets a
 * delivery row in the same insert; the delivery loop hands it over after the commit.
 */
@ApplicationScoped
public class DomainEvents {

    public static final String PLATFORM = "platform";

    /** One event to record; {@code payload} holds ids, states, codes and public amounts — never personal data. */
    public record Draft(String name, String entity, String entityId, Map<String, Object> payload) {
    }

    // one statement per event: the event and its deliveries, the deliveries' modules as a comma list
    private static final String INSERT = """
            WITH e AS (INSERT INTO domain_event (name, source, entity, entity_id, payload, version, occurred_at)
              VALUES (?, ?, ?, ?, ?::jsonb, ?, clock_timestamp()) RETURNING id)
            INSERT INTO event_delivery (module, event_id, entity_key, next_attempt_at)
            SELECT m, e.id, ?, now() FROM e, unnest(string_to_array(?, ',')) m""";

    @Inject
    EntityManager em;
    @Inject
    CurrentTenant tenant;
    @Inject
    ObjectMapper json;
    @Inject
    Subscriptions subscriptions;
    @Inject
    TransactionSynchronizationRegistry transactions;
    @Inject
    PlatformDelivery platform;

    @Transactional(Transactional.TxType.MANDATORY)
    public void record(String name, String entity, String entityId, Map<String, Object> payload) {
        recordAll(PLATFORM, List.of(new Draft(name, entity, entityId, payload)));
    }

    /** @param source {@link #PLATFORM} or the module that published them */
    @Transactional(Transactional.TxType.MANDATORY)
    public void recordAll(String source, List<Draft> drafts) {
        if (drafts.isEmpty()) {
            return;
        }
        String county = tenant.require();
        // The caller's pending writes go first, taking the entity's row lock before the event's id is drawn:
        // two transactions on one entity then draw their ids in their commit order.
        em.flush();
        em.unwrap(Session.class).doWork(c -> {
            try (PreparedStatement ps = c.prepareStatement(INSERT)) {
                for (Draft d : drafts) {
                    ps.setString(1, d.name());
                    ps.setString(2, source);
                    ps.setString(3, d.entity());
                    ps.setString(4, d.entityId());
                    ps.setString(5, toJson(d.payload()));
                    ps.setInt(6, 1);
                    ps.setString(7, d.entity() + ":" + d.entityId());
                    ps.setString(8, String.join(",", modules(county, d.name())));
                    ps.addBatch();
                }
                ps.executeBatch();
            }
        });
        wakeAfterCommit(county);
    }

    private List<String> modules(String county, String name) {
        List<String> builtin = platform.modulesFor(county, name);
        List<String> plugins = subscriptions.modulesFor(county, name);
        if (builtin.isEmpty()) {
            return plugins;
        }
        List<String> all = new java.util.ArrayList<>(builtin);
        all.addAll(plugins);
        return all;
    }

    /** The loop polls anyway; the nudge only shortens the wait from a poll interval to nearly nothing. */
    private void wakeAfterCommit(String county) {
        String key = "domain-events:" + county;
        if (transactions.getResource(key) != null) {
            return;
        }
        transactions.putResource(key, Boolean.TRUE);
        transactions.registerInterposedSynchronization(new Synchronization() {
            @Override
            public void beforeCompletion() {
            }

            @Override
            public void afterCompletion(int status) {
                if (status == Status.STATUS_COMMITTED) {
                    subscriptions.committed(county);
                    platform.committed(county);
                }
            }
        });
    }

    /** An SDK event's data holds no nulls: an absent field is simply not there. */
    public static Map<String, Object> withoutNulls(Map<String, Object> payload) {
        Map<String, Object> kept = new LinkedHashMap<>();
        if (payload != null) {
            payload.forEach((k, v) -> {
                if (v != null) {
                    kept.put(k, v);
                }
            });
        }
        return kept;
    }

    private String toJson(Map<String, Object> payload) {
        try {
            return json.writeValueAsString(withoutNulls(payload));
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException(e);
        }
    }
}
