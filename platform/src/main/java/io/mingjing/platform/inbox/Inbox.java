package io.mingjing.platform.inbox;

import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.annotation.JsonInclude;
import io.mingjing.platform.identity.Caller;
import io.mingjing.platform.identity.CurrentCaller;
import io.mingjing.platform.identity.Role;
import io.mingjing.platform.notice.NoticeService;
import io.mingjing.platform.sql.SqlValues;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;

/**
 * One inbox for everything addressed to the caller: the state changes of their cases (and, for staff,
 * of the cases at the unit they serve) and the notices of their villages, their towns and the county.
 */
@RequestScoped
public class Inbox {

    static final int LIMIT = 100;

    /**
     * @param kind {@code case} (with its tracking number), {@code notice} (with its id) or {@code push}
     *        (a notice, policy or word pushed to the caller, with its link when it is about a page)
     * @param link where the portal shows what it is about, under the county's root, or null
     */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Item(String kind, Instant at, String text, String trackingNo, Long noticeId,
            @JsonIgnore InboxMessage.Words words, boolean unread, String link) {
    }

    @Inject
    CurrentCaller caller;
    @Inject
    NoticeService notices;
    @Inject
    EntityManager em;

    /** Newest first, at most 100. */
    public List<Item> items() {
        Stream<Item> cases = messages(caller.get()).stream();
        Stream<Item> fromNotices = notices.forVillages(notices.villagesOfCaller(), LIMIT).stream()
                .map(n -> new Item("notice", n.publishedAt, n.title, null, n.id, null, false, null));
        return Stream.concat(cases, fromNotices).sorted(Comparator.comparing(Item::at).reversed()).limit(LIMIT)
                .toList();
    }

    /**
     * The caller's own messages and their unit's; department staff handle for every department. A
     * report's messages never reach staff it names, whatever their unit.
     */
    private List<Item> messages(Caller c) {
        List<Object[]> rows = em.createNativeQuery("""
                SELECT m.at, m.text, a.tracking_no, m.text_key, m.params, m.read, m.push_id, m.link
                FROM inbox_message m LEFT JOIN appeal a ON a.id = m.appeal_id
                WHERE (m.recipient IN (?1) OR ?3 AND m.recipient IN
                    (SELECT department FROM appeal_category WHERE department IS NOT NULL))
                  AND (a.accused IS NULL OR lower(?4) NOT IN
                    (SELECT lower(trim(x)) FROM unnest(string_to_array(a.accused, ',')) x))
                ORDER BY m.at DESC LIMIT ?2""", Object[].class)
                .setParameter(1, addresses(c)).setParameter(2, LIMIT)
                .setParameter(3, c.hasRole(Role.DEPARTMENT_STAFF)).setParameter(4, c.displayName()).getResultList();
        return rows.stream().map(r -> new Item(r[6] == null ? "case" : "push", SqlValues.instant(r[0]), (String) r[1],
                (String) r[2], null, InboxMessage.Words.read((String) r[3], (String) r[4]),
                r[6] == null && !Boolean.TRUE.equals(r[5]), (String) r[7])).toList(); // a push has no case to open and read
    }

    /** The caller opened a case: its messages to them (or to the post they hold) are read. */
    public void read(String trackingNo) {
        Caller c = caller.get();
        if (c.anonymous()) {
            return;
        }
        em.createNativeQuery("""
                UPDATE inbox_message SET read = true WHERE NOT read AND recipient IN (?1)
                  AND appeal_id = (SELECT id FROM appeal WHERE tracking_no = ?2)""")
                .setParameter(1, addresses(c)).setParameter(2, trackingNo).executeUpdate();
    }

    private static List<String> addresses(Caller c) {
        List<String> addresses = new ArrayList<>(List.of(c.userId()));
        if (c.isStaff() && c.orgUnit() != null) {
            addresses.add(c.orgUnit());
        }
        if (c.hasRole(Role.INSPECTOR)) {
            addresses.add("inspectors");
        }
        return addresses;
    }
}
