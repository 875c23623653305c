package io.mingjing.platform.appeal;

import io.mingjing.platform.audit.AuditLog;
import io.mingjing.platform.audit.Chain;
import io.mingjing.platform.clock.OverdueCases;
import io.mingjing.platform.clock.SlaState;
import io.mingjing.platform.clock.SlaSweep;
import io.mingjing.platform.event.DomainEvents;
import io.mingjing.platform.inbox.InboxMessage.Words;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.nio.charset.StandardCharsets;
import java.sql.PreparedStatement;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.stream.Stream;
import org.hibernate.Session;

/**
 * Appeals on the one clock: an overdue case escalates a level (village → town → inspectors),
 * telling both levels and the appellant. Escalations are written in batches: one statement round per
 * table per batch, not one per case.
 */
@ApplicationScoped
public class AppealOverdue implements OverdueCases {

    static final String ACTOR = SlaSweep.ACTOR;

    @Inject
    SlaClock clock;
    @Inject
    AuditLog audit;
    @Inject
    EntityManager em;
    @Inject
    DomainEvents events;

    @Override
    public String kind() {
        return "appeal";
    }

    @Override
    public int yellow(Instant now) {
        return Appeal.update("sla = ?1, yellowAt = null where sla = ?2 and yellowAt <= ?3", SlaState.YELLOW,
                SlaState.GREEN, now);
    }

    @Override
    public int escalateBatch(Instant now, int limit) {
        List<Appeal> overdue = claimOverdue(now, limit);
        if (overdue.isEmpty()) {
            return 0;
        }
        Map<String, Duration> limits = clock.limits();
        List<Object[]> steps = new ArrayList<>();
        List<Object[]> messages = new ArrayList<>();
        Map<Chain, List<AuditLog.Draft>> audits = new EnumMap<>(Chain.class);
        List<DomainEvents.Draft> escalations = new ArrayList<>();
        Timestamp at = Timestamp.from(now);
        for (Appeal a : overdue) {
            String before = AppealAccess.unitAddress(a);
            String note = escalate(a, now, limits);
            AppealEvents.draft("appeal.escalated", a, "overdue").ifPresent(escalations::add);
            steps.add(new Object[] {a.id, at, ACTOR, "overdue", a.state.name(), note});
            audits.computeIfAbsent(AppealService.chain(a), k -> new ArrayList<>()).add(new AuditLog.Draft(ACTOR,
                    "appeal.overdue", "Appeal", a.trackingNo, note.getBytes(StandardCharsets.UTF_8)));
            String text = AppealService.label(a) + "“" + a.subject + "”（" + a.trackingNo + "）已超时（红牌）：" + note;
            Words words = Words.of("inbox.case.overdue", "t:case.kind." + a.kind, a.trackingNo, a.subject);
            Stream.of(before, AppealAccess.unitAddress(a)).filter(Objects::nonNull).distinct()
                    .forEach(unit -> messages.add(new Object[] {unit, a.id, at, text, false, words.key(), words.json()}));
            if (a.appellantAddress() != null) {
                Words mine = AppealService.personalWords(a, "t:case.news.overdue");
                messages.add(new Object[] {a.appellantAddress(), a.id, at,
                        AppealService.personal(a, "办理超时，已提级督办"), true, mine.key(), mine.json()});
            }
        }
        insertAll("INSERT INTO appeal_step (appeal_id, at, actor, action, to_state, note) VALUES (?, ?, ?, ?, ?, ?)",
                steps);
        insertAll("INSERT INTO inbox_message (recipient, appeal_id, at, text, to_person, text_key, params) "
                + "VALUES (?, ?, ?, ?, ?, ?, ?)",
                messages);
        events.recordAll(DomainEvents.PLATFORM, escalations);
        audits.forEach(audit::appendAll); // last: the audit chains are locked from here to the commit
        return overdue.size();
    }

    /** Locked until the commit; cases another sweep holds are skipped, not waited for. */
    private List<Appeal> claimOverdue(Instant now, int limit) {
        @SuppressWarnings("unchecked")
        List<Long> ids = em.createNativeQuery("SELECT id FROM appeal WHERE due_at <= ?1 ORDER BY due_at LIMIT ?2 "
                + "FOR UPDATE SKIP LOCKED", Long.class).setParameter(1, now).setParameter(2, limit).getResultList();
        return ids.isEmpty() ? List.of() : Appeal.list("id in ?1", ids);
    }

    /** @return the timeline note */
    private String escalate(Appeal a, Instant now, Map<String, Duration> limits) {
        HandlingLevel from = a.level;
        a.escalations++;
        if (from == HandlingLevel.INSPECTORS) {
            a.sla = SlaState.RED;
            a.dueAt = null; // the top level: the case stays red on the inspectors' board
            a.yellowAt = null;
        } else {
            a.level = from.escalated();
            clock.start(a, now, SlaState.RED, limits);
        }
        return "overdue at " + from + (from == a.level ? "" : "; escalated to " + a.level);
    }

    private void insertAll(String sql, List<Object[]> rows) {
        em.unwrap(Session.class).doWork(c -> {
            try (PreparedStatement ps = c.prepareStatement(sql)) {
                for (Object[] row : rows) {
                    for (int i = 0; i < row.length; i++) {
                        ps.setObject(i + 1, row[i]);
                    }
                    ps.addBatch();
                }
                ps.executeBatch();
            }
        });
    }
}
