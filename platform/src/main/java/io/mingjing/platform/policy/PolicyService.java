package io.mingjing.platform.policy;

import io.mingjing.platform.audit.AuditLog;
import io.mingjing.platform.identity.CurrentCaller;
import io.mingjing.platform.identity.Role;
import io.mingjing.platform.problem.ProblemException;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** The county's policy library (惠民政策): written by departments, read and searched by everyone. */
@ApplicationScoped
public class PolicyService {

    public record Qa(String question, String answer) {
    }

    public record NewPolicy(String title, String category, String department, String summary, String body,
            List<Qa> qa) {
    }

    @Inject
    AuditLog audit;
    @Inject
    CurrentCaller caller;

    /** The policy library is the departments' and the county admin's. */
    public void requireAuthor() {
        caller.requireRole(Role.DEPARTMENT_STAFF, Role.TENANT_ADMIN);
    }

    /** The questions of a valid policy; a 400 with every field's problem otherwise. Persists nothing. */
    public List<Qa> check(NewPolicy p) {
        Map<String, String> errors = new LinkedHashMap<>();
        if (p == null) {
            throw ProblemException.invalid(400, "The body must be a policy.", Map.of("body", "is required"));
        }
        check(errors, "title", p.title(), 200, true);
        check(errors, "category", p.category(), 40, true);
        check(errors, "department", p.department(), 100, false);
        check(errors, "summary", p.summary(), 1000, false);
        check(errors, "body", p.body(), 50_000, true);
        List<Qa> qa = p.qa() == null ? List.of() : p.qa();
        for (int i = 0; i < qa.size(); i++) {
            check(errors, "qa[" + i + "].question", qa.get(i) == null ? null : qa.get(i).question(), 500, true);
            check(errors, "qa[" + i + "].answer", qa.get(i) == null ? null : qa.get(i).answer(), 5000, true);
        }
        if (!errors.isEmpty()) {
            throw ProblemException.invalid(400, "The policy is not valid.", errors);
        }
        return qa;
    }

    @Transactional
    public Policy create(NewPolicy p, String actor) {
        List<Qa> qa = check(p);
        Policy x = new Policy();
        x.title = p.title().strip();
        x.category = p.category().strip();
        x.department = p.department();
        x.summary = p.summary();
        x.body = p.body();
        x.publishedAt = Instant.now();
        x.persist();
        for (int i = 0; i < qa.size(); i++) {
            PolicyQa q = new PolicyQa();
            q.policyId = x.id;
            q.position = i;
            q.question = qa.get(i).question();
            q.answer = qa.get(i).answer();
            q.persist();
        }
        audit.append(actor, "policy.published", "Policy", x.id.toString(),
                (x.title + "\n" + x.body).getBytes(StandardCharsets.UTF_8));
        return x;
    }

    /** Policies whose title, summary, body or Q&A contain the words; newest first. */
    public List<Policy> search(String q, String category) {
        String like = q == null || q.isBlank() ? null : "%" + q.strip().replace("\\", "\\\\").replace("%", "\\%")
                .replace("_", "\\_").toLowerCase() + "%";
        return Policy.<Policy>find("(?1 is null or category = ?1) and (?2 is null or lower(title) like ?2"
                + " or lower(summary) like ?2 or lower(body) like ?2 or id in (select q.policyId from PolicyQa q"
                + " where lower(q.question) like ?2 or lower(q.answer) like ?2)) order by publishedAt desc, id desc",
                category == null || category.isBlank() ? null : category, like).page(0, 100).list();
    }

    public List<String> categories() {
        return Policy.getEntityManager().createQuery("select distinct p.category from Policy p order by p.category",
                String.class).getResultList();
    }

    public List<PolicyQa> qa(long policyId) {
        return PolicyQa.list("policyId = ?1 order by position", policyId);
    }

    static void check(Map<String, String> errors, String field, String value, int max, boolean required) {
        if ((required && (value == null || value.isBlank())) || (value != null && value.length() > max)) {
            errors.put(field, (required ? "must be 1-" : "must be at most ") + max + " characters");
        }
    }
}
