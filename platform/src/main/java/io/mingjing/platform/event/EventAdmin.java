package io.mingjing.platform.event;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.mingjing.platform.audit.AuditLog;
import io.mingjing.platform.problem.ProblemException;
import io.mingjing.platform.sql.SqlValues;
import io.mingjing.platform.tenancy.CurrentTenant;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/** The outbox as the county admin sees it: recent events with their deliveries, and replaying dead ones. */
@ApplicationScoped
public class EventAdmin {

    public static final int MAX_LIMIT = 500;
    private static final Pattern ID = Pattern.compile("^(?:([a-z][a-z0-9-]{1,30}):)?([0-9]{1,18})$");
    private static final Map<String, String> STATES = Map.of(
            "pending", "d.delivered_at IS NULL AND NOT d.dead",
            "delivered", "d.delivered_at IS NOT NULL",
            "dead", "d.dead");

    @Inject
    EntityManager em;
    @Inject
    CurrentTenant tenant;
    @Inject
    ObjectMapper json;
    @Inject
    AuditLog audit;
    @Inject
    EventStore store;

    /**
     * Newest first.
     *
     * @param state {@code pending}, {@code delivered} or {@code dead}: events with such a delivery; null for all
     * @param before only events older than this sequence number (paging), or null
     */
    @Transactional
    public List<EventView> recent(String state, String module, Long before, int limit) {
        String filter = state == null ? null : STATES.get(state);
        if (state != null && filter == null) {
            throw ProblemException.invalid(400, "Unknown delivery state.", Map.of("state",
                    "must be one of pending, delivered, dead"));
        }
        String deliveries = filter == null && module == null ? "" : " AND EXISTS (SELECT 1 FROM event_delivery d "
                + "WHERE d.event_id = e.id" + (filter == null ? "" : " AND " + filter)
                + (module == null ? "" : " AND d.module = ?3") + ")";
        var query = em.createNativeQuery("SELECT e.id, e.name, e.source, e.entity, e.entity_id, e.version, "
                + "e.occurred_at, e.payload::text FROM domain_event e WHERE e.id < ?1" + deliveries
                + " ORDER BY e.id DESC LIMIT ?2", Object[].class)
                .setParameter(1, before == null ? Long.MAX_VALUE : before).setParameter(2, limit);
        if (module != null) {
            query.setParameter(3, module);
        }
        List<Object[]> rows = query.getResultList();
        Map<Long, List<EventView.Delivery>> byEvent = deliveries(rows.stream().map(r -> ((Number) r[0]).longValue())
                .toList());
        return rows.stream().map(r -> view(r, byEvent.getOrDefault(((Number) r[0]).longValue(), List.of()))).toList();
    }

    /** How many deliveries of this county wait and how many gave up, for the operator's health view. */
    public record Backlog(long pending, long dead) {
    }

    @Transactional
    public Backlog backlog() {
        Object[] r = (Object[]) em.createNativeQuery("SELECT count(*) FILTER (WHERE delivered_at IS NULL AND NOT dead), "
                + "count(*) FILTER (WHERE dead) FROM event_delivery", Object[].class).getSingleResult();
        return new Backlog(((Number) r[0]).longValue(), ((Number) r[1]).longValue());
    }

    /** @param id the sequence number or the full id {@code <county>:<seq>} */
    @Transactional
    public EventView replay(String id, String module, String actor) {
        long seq = parse(id).orElseThrow(() -> unknown(id));
        if (em.createNativeQuery("SELECT 1 FROM domain_event WHERE id = ?1").setParameter(1, seq).getResultList()
                .isEmpty()) {
            throw unknown(id);
        }
        if (store.replay(seq, module) == 0) {
            throw ProblemException.conflict("Event " + EventView.id(tenant.require(), seq) + " has no dead delivery"
                    + (module == null ? "" : " to module '" + module + "'") + "; only dead deliveries are replayed.");
        }
        audit.append(actor, "event.replayed", "DomainEvent", EventView.id(tenant.require(), seq),
                (module == null ? "*" : module).getBytes(StandardCharsets.UTF_8));
        return recent(null, null, seq + 1, 1).getFirst();
    }

    private Optional<Long> parse(String id) {
        Matcher m = ID.matcher(id == null ? "" : id);
        if (!m.matches() || m.group(1) != null && !m.group(1).equals(tenant.require())) {
            return Optional.empty();
        }
        return Optional.of(Long.parseLong(m.group(2)));
    }

    private ProblemException unknown(String id) {
        return ProblemException.notFound("No event '" + id + "' in this county.");
    }

    private Map<Long, List<EventView.Delivery>> deliveries(List<Long> ids) {
        Map<Long, List<EventView.Delivery>> byEvent = new LinkedHashMap<>();
        if (ids.isEmpty()) {
            return byEvent;
        }
        List<Object[]> rows = em.createNativeQuery("SELECT event_id, module, delivered_at IS NOT NULL, dead, attempts, "
                + "next_attempt_at, delivered_at, last_error FROM event_delivery WHERE event_id = ANY (string_to_array(?1, ',')::bigint[]) "
                + "ORDER BY event_id, module", Object[].class).setParameter(1, ids.stream().map(String::valueOf)
                .collect(Collectors.joining(","))).getResultList();
        for (Object[] r : rows) {
            String state = Boolean.TRUE.equals(r[2]) ? "DELIVERED" : Boolean.TRUE.equals(r[3]) ? "DEAD" : "PENDING";
            byEvent.computeIfAbsent(((Number) r[0]).longValue(), k -> new ArrayList<>()).add(new EventView.Delivery(
                    (String) r[1], state, ((Number) r[4]).intValue(), "PENDING".equals(state)
                            ? SqlValues.instant(r[5]) : null, SqlValues.instant(r[6]), (String) r[7]));
        }
        return byEvent;
    }

    private EventView view(Object[] r, List<EventView.Delivery> deliveries) {
        long seq = ((Number) r[0]).longValue();
        return new EventView(EventView.id(tenant.require(), seq), seq, (String) r[1], (String) r[2], (String) r[3],
                (String) r[4], ((Number) r[5]).intValue(), SqlValues.instant(r[6]), parsePayload((String) r[7]),
                deliveries);
    }

    private Map<String, Object> parsePayload(String payload) {
        try {
            return json.readValue(payload, new TypeReference<>() {
            });
        } catch (JsonProcessingException e) {
            return Map.of();
        }
    }
}
