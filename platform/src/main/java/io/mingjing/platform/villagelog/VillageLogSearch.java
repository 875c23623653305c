package io.mingjing.platform.villagelog;

import io.mingjing.platform.identity.Caller;
import io.mingjing.platform.identity.CurrentCaller;
import io.mingjing.platform.identity.Role;
import io.mingjing.platform.input.Text;
import io.mingjing.platform.orgunit.OrgUnit;
import io.mingjing.platform.orgunit.Places;
import io.mingjing.platform.problem.ProblemException;
import io.mingjing.platform.resident.Resident;
import io.mingjing.platform.sql.Keyset;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.Query;
import jakarta.transaction.Transactional;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Reading the village log within the caller's places: the county's staff all of it, a town official
 * the town's villages, village staff their village, residents the public entries of the villages they
 * are registered in or live in. A keyword is found through the GIN index of {@link Grams}; the query's
 * words reach SQL only as bound parameters, and a phrase as a LIKE pattern with its wildcards escaped.
 */
@ApplicationScoped
public class VillageLogSearch {

    static final int MAX_PAGE = 50;
    static final int CANDIDATES = 2_000;
    private static final Set<String> COUNTY_WIDE = Set.of(Role.TENANT_ADMIN, Role.DEPARTMENT_STAFF, Role.INSPECTOR);
    private static final Set<String> VILLAGE_STAFF = Set.of(Role.CADRE, Role.SUPERVISOR, Role.BOOKKEEPER);

    @Inject
    CurrentCaller caller;
    @Inject
    Places places;
    @Inject
    EntityManager em;

    /** Where the caller reads, narrowed to a village or town they may read; null parts mean "all of the county". */
    record Scope(String village, String town, List<String> publicOf) {
    }

    @Transactional
    public VillageLogView.Page search(String q, String village, String town, Long before, int limit) {
        Scope scope = scope(village, town);
        List<String> grams = List.of();
        List<String> phrases = List.of();
        if (q != null && !q.isBlank()) {
            String problem = q.length() > Grams.MAX_QUERY ? "must be at most " + Grams.MAX_QUERY + " characters"
                    : Text.problem(q, false);
            grams = Grams.required(q);
            if (problem == null && grams.isEmpty()) {
                problem = "must hold a Chinese character, a letter or a digit";
            }
            if (problem != null) {
                throw ProblemException.invalid(400, "The search words are not acceptable.", Map.of("q", problem));
            }
            phrases = Grams.phrases(q);
        }
        Keyset k = Keyset.of(before, limit, MAX_PAGE);
        List<Long> ids = ids(scope, grams, phrases, before, k.fetch());
        List<VillageLogView> items = views(ids.stream().limit(k.size()).toList());
        return new VillageLogView.Page(items, k.next(ids, items, VillageLogView::id));
    }

    /**
     * The newest matches. Walking the primary key newest-first stops early for a common word but reads the
     * whole table for a word found nowhere, and the planner cannot tell the two apart. So the word's posting
     * list is asked first for at most {@link #CANDIDATES} matches in any order: fewer means that is all of
     * them, sorted here, at a cost of the matches; as many means the word is common, and the walk finds a
     * page of it soon.
     */
    private List<Long> ids(Scope s, List<String> grams, List<String> phrases, Long before, int limit) {
        Map<String, Object> params = new HashMap<>();
        String where = where(s, grams, phrases, before, params);
        if (!grams.isEmpty()) {
            List<Long> some = run("SELECT id FROM village_log WHERE " + where + " LIMIT " + CANDIDATES, params);
            if (some.size() < CANDIDATES) {
                return some.stream().sorted(Comparator.reverseOrder()).limit(limit).toList();
            }
        }
        return run("SELECT id FROM village_log WHERE " + where + " ORDER BY id DESC LIMIT " + limit, params);
    }

    private static String where(Scope s, List<String> grams, List<String> phrases, Long before, Map<String, Object> params) {
        StringBuilder sql = new StringBuilder("id < :before");
        params.put("before", before == null ? Long.MAX_VALUE : before);
        if (s.village() != null) {
            sql.append(" AND village = :village");
            params.put("village", s.village());
        } else if (s.town() != null) {
            sql.append(" AND town = :town");
            params.put("town", s.town());
        }
        if (s.publicOf() != null) {
            sql.append(" AND public AND village IN (:mine)");
            params.put("mine", s.publicOf());
        }
        if (!grams.isEmpty()) {
            sql.append(" AND grams @> string_to_array(:grams, ' ')");
            params.put("grams", String.join(" ", grams));
        }
        for (int i = 0; i < phrases.size(); i++) {
            sql.append(" AND search_text LIKE :p").append(i).append(" ESCAPE '\\'");
            params.put("p" + i, Grams.likePattern(phrases.get(i)));
        }
        return sql.toString();
    }

    @SuppressWarnings("unchecked")
    private List<Long> run(String sql, Map<String, Object> params) {
        Query query = em.createNativeQuery(sql, Long.class);
        params.forEach(query::setParameter);
        return query.getResultList();
    }

    private List<VillageLogView> views(List<Long> ids) {
        if (ids.isEmpty()) {
            return List.of();
        }
        Map<Long, List<Long>> photos = VillageLogPhoto.<VillageLogPhoto>find("logId in ?1 order by id", ids).stream()
                .collect(Collectors.groupingBy(p -> p.logId, LinkedHashMap::new,
                        Collectors.mapping(p -> p.id, Collectors.toList())));
        return VillageLog.<VillageLog>list("id in ?1", ids).stream().sorted(Comparator.comparing((VillageLog e) -> e.id)
                .reversed()).map(e -> view(e, photos.getOrDefault(e.id, List.of()))).toList();
    }

    static VillageLogView view(VillageLog e, List<Long> photos) {
        return new VillageLogView(e.id, e.village, e.author, e.body, e.place, List.of(e.tags), e.open, e.at, photos);
    }

    public VillageLogView view(VillageLog e) {
        return view(e, VillageLogPhoto.<VillageLogPhoto>find("logId = ?1 order by id", e.id).stream().map(p -> p.id).toList());
    }

    /** The entry if the caller's scope includes it; otherwise it does not exist for them. */
    @Transactional
    public VillageLog readable(long id) {
        VillageLog e = VillageLog.findById(id);
        if (e == null || !mayRead(e)) {
            throw ProblemException.notFound("No village log entry " + id + ".");
        }
        return e;
    }

    private boolean mayRead(VillageLog e) {
        Caller c = caller.get();
        if (c.isStaff() && places.mayActOn(e.village)) {
            return true;
        }
        return e.open && villagesOf(c).contains(e.village);
    }

    private Scope scope(String village, String town) {
        Caller c = caller.get();
        if (village != null && OrgUnit.findById(village) == null || town != null && OrgUnit.findById(town) == null) {
            throw ProblemException.invalid(400, "Unknown place.", Map.of(village != null ? "village" : "town",
                    "must be the code of a village or town of this county"));
        }
        if (c.roles().stream().anyMatch(COUNTY_WIDE::contains)) {
            return new Scope(village, town, null);
        }
        if (c.hasRole(Role.TOWN_OFFICIAL) && c.orgUnit() != null) {
            return narrowed(village, town, new Scope(null, c.orgUnit(), null));
        }
        if (c.roles().stream().anyMatch(VILLAGE_STAFF::contains) && c.orgUnit() != null) {
            return narrowed(village, town, new Scope(c.orgUnit(), null, null));
        }
        List<String> mine = villagesOf(c);
        if (mine.isEmpty()) {
            throw new ProblemException(403, "Forbidden", "The village log is read by the county's staff and the villages' residents.");
        }
        if (village != null && !mine.contains(village) || town != null) {
            throw new ProblemException(403, "Forbidden", "Residents read the public log of their own villages.");
        }
        return new Scope(village, null, mine);
    }

    /** A staff member narrows to a place inside their own; one outside it is refused, not silently widened. */
    private Scope narrowed(String village, String town, Scope own) {
        String asked = village != null ? village : town;
        if (asked == null) {
            return own;
        }
        if (!places.mayActOn(asked)) {
            throw new ProblemException(403, "Forbidden", "Your account may not read the village log of " + asked + ".");
        }
        return village != null ? new Scope(village, null, null) : new Scope(null, town, null);
    }

    private static List<String> villagesOf(Caller c) {
        Resident me = c.hasRole(Role.VILLAGER) ? Resident.byUserId(c.userId()) : null;
        List<String> mine = new ArrayList<>();
        if (me != null) {
            mine.add(me.registeredVillage);
            if (me.residenceVillage != null && !me.residenceVillage.equals(me.registeredVillage)) {
                mine.add(me.residenceVillage);
            }
        }
        return mine;
    }
}
