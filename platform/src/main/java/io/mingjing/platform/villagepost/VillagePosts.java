package io.mingjing.platform.villagepost;

import io.mingjing.platform.audit.AuditLog;
import io.mingjing.platform.orgunit.OrgUnit;
import io.mingjing.platform.orgunit.OrgUnitLevel;
import io.mingjing.platform.orgunit.Places;
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

/** Writes and lists a village's rules and honours, for the API, the portal and demo descriptors. */
@ApplicationScoped
public class VillagePosts {

    public record NewPost(String kind, String title, String body) {
    }

    @Inject
    AuditLog audit;
    @Inject
    CurrentCaller caller;
    @Inject
    Places places;

    /** A village's rules and honours are written by its own staff (and the town's and the admin). */
    public void requireAuthor(String village) {
        requireWriter();
        places.requireActOn(village);
    }

    /** Whoever may write some village's posts. */
    public void requireWriter() {
        caller.requireRole(Role.CADRE, Role.TOWN_OFFICIAL, Role.TENANT_ADMIN);
    }

    /** The kind of a valid post; a 404 for no such village, a 400 with every field's problem. Persists nothing. */
    public VillagePost.Kind check(String village, NewPost n) {
        Map<String, String> errors = new LinkedHashMap<>();
        OrgUnit u = village == null ? null : OrgUnit.findById(village);
        if (u == null || u.level != OrgUnitLevel.VILLAGE) {
            throw ProblemException.notFound("No village " + village + " in this county.");
        }
        VillagePost.Kind kind = null;
        try {
            kind = VillagePost.Kind.valueOf(n == null ? "" : n.kind());
        } catch (RuntimeException e) {
            errors.put("kind", "must be RULE or HONOUR");
        }
        if (n == null || n.title() == null || n.title().isBlank() || n.title().length() > 200) {
            errors.put("title", "must be 1-200 characters");
        }
        if (n == null || n.body() == null || n.body().isBlank() || n.body().length() > 20_000) {
            errors.put("body", "must be 1-20000 characters");
        }
        if (!errors.isEmpty()) {
            throw ProblemException.invalid(400, "The post is not valid.", errors);
        }
        return kind;
    }

    /** Writes a post (also for demo descriptors); the caller has checked who may. */
    @Transactional(Transactional.TxType.MANDATORY)
    public VillagePost create(String village, NewPost n, String actor) {
        VillagePost.Kind kind = check(village, n);
        VillagePost p = new VillagePost();
        p.villageCode = village;
        p.kind = kind;
        p.title = n.title().strip();
        p.body = n.body();
        p.publishedAt = Instant.now();
        p.persist();
        p.auditHash = audit.receipt(actor, "village-post.published", "VillagePost", p.id.toString(),
                (p.kind + "\n" + p.title + "\n" + p.body).getBytes(StandardCharsets.UTF_8)).hash;
        return p;
    }

    public List<VillagePost> list(String village, VillagePost.Kind kind) {
        return kind == null ? VillagePost.list("villageCode = ?1 order by publishedAt desc", village)
                : VillagePost.list("villageCode = ?1 and kind = ?2 order by publishedAt desc", village, kind);
    }
}
