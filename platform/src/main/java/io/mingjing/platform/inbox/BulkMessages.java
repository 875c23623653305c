package io.mingjing.platform.inbox;

import io.mingjing.platform.inbox.InboxMessage.Words;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.hibernate.Session;

/**
 * One message to many residents at once (a push, 一键发布): queued set-based, in one statement that
 * writes every resident's inbox message and a waiting delivery row per notification channel on in the
 * county ({@link ChannelOutbox} claims those along an index), and counted back per channel. Callers run
 * inside the county's transaction.
 */
@ApplicationScoped
public class BulkMessages {

    /** Which residents: SQL selecting {@code user_id} and {@code phone} from {@code resident r}, with its parameters. */
    public record Residents(String sql, List<Object> params) {
    }

    /** What a channel did with a push's messages. */
    public record ChannelCount(String channel, long handed, long failed, long waiting) {
    }

    /**
     * @param delivered messages handed over by at least one channel
     * @param failed messages every channel gave up on (or the day ran out), none handed over
     */
    public record Counts(long queued, long delivered, long failed, List<ChannelCount> channels) {
    }

    private static final String QUEUE = """
            WITH audience AS (%s),
            msg AS (
              INSERT INTO inbox_message (recipient, at, text, text_key, params, to_person, read, push_id, link)
              SELECT COALESCE(a.user_id, 'tel:' || a.phone), now(), ?, ?, ?, true, false, ?, ? FROM audience a
              RETURNING id),
            waiting AS (
              INSERT INTO inbox_delivery (message_id, channel, attempts)
              SELECT msg.id, ch, 0 FROM msg CROSS JOIN unnest(CAST(? AS text[])) ch)
            SELECT count(*) FROM msg""";

    private static final String PER_CHANNEL = """
            SELECT d.channel, count(*) FILTER (WHERE d.delivered_at IS NOT NULL),
              count(*) FILTER (WHERE d.delivered_at IS NULL AND d.attempts >= %1$d),
              count(*) FILTER (WHERE d.delivered_at IS NULL AND d.attempts < %1$d)
            FROM inbox_message m JOIN inbox_delivery d ON d.message_id = m.id
            WHERE m.push_id = ? GROUP BY d.channel ORDER BY d.channel""".formatted(ChannelOutbox.MAX_ATTEMPTS);

    private static final String PER_MESSAGE = """
            SELECT count(*), count(*) FILTER (WHERE x.handed), count(*) FILTER (WHERE x.tried AND NOT x.handed AND NOT x.waiting)
            FROM (SELECT bool_or(d.delivered_at IS NOT NULL) AS handed, count(d.message_id) > 0 AS tried,
                    COALESCE(bool_or(d.delivered_at IS NULL AND d.attempts < %1$d), false) AS waiting
                  FROM inbox_message m LEFT JOIN inbox_delivery d ON d.message_id = m.id
                  WHERE m.push_id = ? GROUP BY m.id) x""".formatted(ChannelOutbox.MAX_ATTEMPTS);

    @Inject
    EntityManager em;

    /** How many residents the selection holds, without queuing anything. */
    public long count(Residents residents) {
        return work(c -> {
            try (PreparedStatement st = c.prepareStatement("SELECT count(*) FROM (" + residents.sql() + ") a")) {
                bind(c, st, residents.params(), 1);
                return one(st);
            }
        });
    }

    /**
     * Queues the message for every resident selected: to their account, or by phone to one without.
     *
     * @param link where the portal shows what the message is about, under the county's root, or null
     * @param channels the channels to queue it for ("module/channel")
     * @return how many residents were queued
     */
    public long queue(long pushId, Residents residents, String text, Words words, String link, List<String> channels) {
        return work(c -> {
            try (PreparedStatement st = c.prepareStatement(QUEUE.formatted(residents.sql()))) {
                int next = bind(c, st, residents.params(), 1);
                st.setString(next++, text);
                st.setString(next++, words.key());
                st.setString(next++, words.json());
                st.setLong(next++, pushId);
                st.setString(next++, link);
                st.setArray(next, c.createArrayOf("text", channels.toArray()));
                return one(st);
            }
        });
    }

    public Counts counts(long pushId) {
        return work(c -> {
            List<ChannelCount> channels = new ArrayList<>();
            try (PreparedStatement st = c.prepareStatement(PER_CHANNEL)) {
                st.setLong(1, pushId);
                try (ResultSet rs = st.executeQuery()) {
                    while (rs.next()) {
                        channels.add(new ChannelCount(rs.getString(1), rs.getLong(2), rs.getLong(3), rs.getLong(4)));
                    }
                }
            }
            try (PreparedStatement st = c.prepareStatement(PER_MESSAGE)) {
                st.setLong(1, pushId);
                try (ResultSet rs = st.executeQuery()) {
                    rs.next();
                    return new Counts(rs.getLong(1), rs.getLong(2), rs.getLong(3), channels);
                }
            }
        });
    }

    /** Binds strings, numbers, booleans, dates and string lists (as {@code text[]}); @return the next index. */
    private static int bind(Connection c, PreparedStatement st, List<Object> params, int from) throws SQLException {
        int i = from;
        for (Object p : params) {
            switch (p) {
                case String s -> st.setString(i, s);
                case Integer n -> st.setInt(i, n);
                case Long n -> st.setLong(i, n);
                case Boolean b -> st.setBoolean(i, b);
                case LocalDate d -> st.setObject(i, d);
                case List<?> list -> st.setArray(i, c.createArrayOf("text", list.toArray()));
                default -> throw new IllegalArgumentException("cannot bind " + p.getClass());
            }
            i++;
        }
        return i;
    }

    private static long one(PreparedStatement st) throws SQLException {
        try (ResultSet rs = st.executeQuery()) {
            rs.next();
            return rs.getLong(1);
        }
    }

    private interface Work<T> {
        T run(Connection c) throws SQLException;
    }

    private <T> T work(Work<T> work) {
        return em.unwrap(Session.class).doReturningWork(work::run);
    }
}
