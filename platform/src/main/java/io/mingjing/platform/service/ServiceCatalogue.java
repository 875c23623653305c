package io.mingjing.platform.service;

import com.fasterxml.jackson.core.JsonProcessingException;
import io.mingjing.platform.audit.AuditLog;
import io.mingjing.platform.problem.ProblemException;
import io.mingjing.platform.sql.SqlValues;
import io.mingjing.platform.tenancy.CurrentTenant;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The county's service catalogue: one version after another per item, so an application keeps the
 * item it was filed under (its materials, form and review) to its end while the county edits the item
 * for later ones. The descriptor's {@code services.yaml} and the admin API write new versions.
 */
@ApplicationScoped
public class ServiceCatalogue {

    static final String DESCRIPTOR = "descriptor";

    /** One item as offered now. */
    public record Entry(String code, int version, boolean enabled, int position, ServiceItemSpec item, Instant since) {
    }

    @Inject
    EntityManager em;
    @Inject
    CurrentTenant tenant;
    @Inject
    AuditLog audit;

    /** "county/code/version" → the item; a stored version never changes. */
    private final Map<String, ServiceItemSpec> cache = new ConcurrentHashMap<>();

    /** Every item's current version, in catalogue order; switched-off ones only when asked. */
    @Transactional
    public List<Entry> current(boolean withDisabled) {
        @SuppressWarnings("unchecked")
        List<Object[]> rows = em.createNativeQuery("SELECT * FROM (SELECT DISTINCT ON (code) code, version, enabled, "
                + "position, body, created_at FROM service_item ORDER BY code, version DESC) c "
                + (withDisabled ? "" : "WHERE enabled ") + "ORDER BY position, code", Object[].class).getResultList();
        return rows.stream().map(this::entry).toList();
    }

    /** The item's current version, or a 404 (also when it is switched off and {@code withDisabled} is false). */
    @Transactional
    public Entry one(String code, boolean withDisabled) {
        Entry e = find(code);
        if (e == null || !withDisabled && !e.enabled()) {
            throw ProblemException.notFound("No service item " + code + ".");
        }
        return e;
    }

    /** The item's current version, switched off or not, or null: a miss here is no error to roll back for. */
    @Transactional(Transactional.TxType.MANDATORY)
    public Entry find(String code) {
        @SuppressWarnings("unchecked")
        List<Object[]> rows = code == null || !code.matches(ServiceItemSpec.ID) ? List.of()
                : em.createNativeQuery("SELECT code, version, enabled, position, body, created_at FROM service_item "
                        + "WHERE code = ?1 ORDER BY version DESC LIMIT 1", Object[].class).setParameter(1, code)
                        .getResultList();
        return rows.isEmpty() ? null : entry(rows.get(0));
    }

    /** The version an application was filed under. */
    @Transactional(Transactional.TxType.MANDATORY)
    public ServiceItemSpec version(String code, int version) {
        return cache.computeIfAbsent(tenant.require() + "/" + code + "/" + version, k -> read((String) em
                .createNativeQuery("SELECT body FROM service_item WHERE code = ?1 AND version = ?2")
                .setParameter(1, code).setParameter(2, version).getSingleResult()));
    }

    /**
     * The county admin's change of item {@code code}, from the API or the admin page alike: the item
     * names the code it is stored under, and {@link #put} checks the rest.
     */
    @Transactional
    public Entry change(String code, ServiceRequests.ItemChange change, String actor) {
        if (change == null || change.item() == null) {
            throw ProblemException.invalid(400, "Send the item.", Map.of("item", "is required"));
        }
        if (!Objects.equals(code, change.item().code())) {
            throw ProblemException.invalid(422, "The item's code is the one in the path.", Map.of("item.code",
                    "must be " + code));
        }
        return put(change.item(), !Boolean.FALSE.equals(change.enabled()), change.position(), "admin", actor);
    }

    /** The admin's item: a new version when it differs from the current one; 422 naming every wrong field. */
    @Transactional
    public Entry put(ServiceItemSpec item, boolean enabled, Integer position, String source, String actor) {
        Map<String, String> errors = item == null ? Map.of("body", "is required") : item.problems();
        if (!errors.isEmpty()) {
            throw ProblemException.invalid(422, "The service item cannot be offered.", errors);
        }
        Entry now = find(item.code());
        int pos = position != null ? position : now != null ? now.position() : nextPosition();
        if (now != null && now.item().equals(item) && now.enabled() == enabled && now.position() == pos) {
            return now;
        }
        int version = now == null ? 1 : now.version() + 1;
        String body = write(item);
        em.createNativeQuery("INSERT INTO service_item (code, version, body, enabled, position, source, created_by, "
                + "created_at) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8)").setParameter(1, item.code())
                .setParameter(2, version).setParameter(3, body).setParameter(4, enabled).setParameter(5, pos)
                .setParameter(6, source).setParameter(7, actor).setParameter(8, Timestamp.from(Instant.now()))
                .executeUpdate();
        audit.append(actor, "service-item.saved", "ServiceItem", item.code() + "/" + version,
                (enabled + "\n" + body).getBytes(StandardCharsets.UTF_8));
        return find(item.code());
    }

    /** Who reviews for a department: its staff accounts, replaced as a whole. */
    @Transactional
    public List<String> members(String department, List<String> usernames, String actor) {
        if (department == null || department.isBlank() || department.length() > 60) {
            throw ProblemException.invalid(422, "Name the department.", Map.of("department", "at most 60 characters"));
        }
        Map<String, String> errors = new LinkedHashMap<>();
        List<String> names = usernames == null ? List.of() : usernames;
        for (int i = 0; i < names.size(); i++) {
            if (ServiceReviewers.departmentStaff(names.get(i)) == null) {
                errors.put("members[" + i + "]", "is no department-staff account of this county");
            }
        }
        if (!errors.isEmpty()) {
            throw ProblemException.invalid(422, "Only department staff review for a department.", errors);
        }
        em.createNativeQuery("DELETE FROM service_department_member WHERE department = ?1").setParameter(1, department)
                .executeUpdate();
        for (String u : names.stream().distinct().toList()) {
            em.createNativeQuery("INSERT INTO service_department_member (department, username) VALUES (?1, ?2)")
                    .setParameter(1, department).setParameter(2, u).executeUpdate();
        }
        audit.append(actor, "service-department.members", "ServiceDepartment", department,
                String.join("\n", names).getBytes(StandardCharsets.UTF_8));
        return names;
    }

    /** Every department and its reviewers. */
    @Transactional
    public Map<String, List<String>> departments() {
        @SuppressWarnings("unchecked")
        List<Object[]> rows = em.createNativeQuery("SELECT department, username FROM service_department_member ORDER BY "
                + "department, username", Object[].class).getResultList();
        Map<String, List<String>> out = new LinkedHashMap<>();
        rows.forEach(r -> out.computeIfAbsent((String) r[0], k -> new java.util.ArrayList<>()).add((String) r[1]));
        return out;
    }

    private int nextPosition() {
        Number max = (Number) em.createNativeQuery("SELECT coalesce(max(position), 0) FROM service_item").getSingleResult();
        return max.intValue() + 10;
    }

    private Entry entry(Object[] r) {
        String code = (String) r[0];
        int version = ((Number) r[1]).intValue();
        ServiceItemSpec item = cache.computeIfAbsent(tenant.require() + "/" + code + "/" + version,
                k -> read((String) r[4]));
        return new Entry(code, version, (Boolean) r[2], ((Number) r[3]).intValue(), item, SqlValues.instant(r[5]));
    }

    static ServiceItemSpec read(String body) {
        try {
            return ServiceItemSpec.JSON.readValue(body, ServiceItemSpec.class);
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException(e);
        }
    }

    static String write(ServiceItemSpec item) {
        try {
            return ServiceItemSpec.JSON.writeValueAsString(item);
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException(e);
        }
    }
}
