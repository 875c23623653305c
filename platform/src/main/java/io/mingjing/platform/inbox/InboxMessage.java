package io.mingjing.platform.inbox;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;

/**
 * A message in a portal inbox. The recipient is a user id, or an org unit code / "inspectors" /
 * a department name for messages to whoever handles there.
 */
@Entity
@Table(name = "inbox_message")
public class InboxMessage extends PanacheEntityBase {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;

    public String recipient;

    @Column(name = "appeal_id")
    public Long appealId;

    public Instant at;

    public String text;

    public boolean read;

    /** The message's words as a text key and its parameters, so each reader gets it in their language. */
    @Column(name = "text_key")
    public String textKey;

    /** A JSON array of strings; one written {@code t:<key>} is itself a text key. */
    public String params;

    /** A person's message: modules' notification channels deliver it too. */
    @Column(name = "to_person")
    public boolean toPerson;

    /** The push (个性定制) that queued it with many others ({@link BulkMessages}), or null. */
    @Column(name = "push_id")
    public Long pushId;

    /** Where the portal shows what it is about, under the county's root (e.g. {@code /policies/3}), or null. */
    public String link;

    /**
     * What a message says, in every language: a key of the portal's texts with its parameters (a
     * parameter {@code t:<key>} is a word of the texts too), e.g. {@code inbox.case.state} with the
     * subject, the tracking number and {@code t:case.state.ACCEPTED}.
     */
    public record Words(String key, List<String> params) {
        private static final ObjectMapper JSON = new ObjectMapper();

        public static Words of(String key, String... params) {
            return new Words(key, Arrays.stream(params).map(x -> x == null ? "" : x).toList());
        }

        public String json() {
            try {
                return JSON.writeValueAsString(params);
            } catch (JsonProcessingException e) {
                throw new IllegalStateException(e);
            }
        }

        /** @return the words of a stored message; none when it was stored as text only */
        public static Words read(String key, String json) {
            if (key == null || json == null) {
                return null;
            }
            try {
                return new Words(key, List.of(JSON.readValue(json, String[].class)));
            } catch (JsonProcessingException e) {
                return null;
            }
        }
    }

    /** To whoever handles at a unit address (org unit code, "inspectors", a department). */
    public static void toUnit(String address, Long appealId, String text) {
        send(address, appealId, text, null, false);
    }

    /** {@link #toUnit(String, Long, String)}, in the reader's language; {@code text} is the Chinese of it. */
    public static void toUnit(String address, Long appealId, String text, Words words) {
        send(address, appealId, text, words, false);
    }

    /** To one person by user id or {@code tel:<phone>} (no account); nobody (an anonymous reporter) when null. */
    public static void toPerson(String userId, Long appealId, String text) {
        send(userId, appealId, text, null, true);
    }

    /** {@link #toPerson(String, Long, String)}, in the reader's language; {@code text} goes out by SMS and the like. */
    public static void toPerson(String userId, Long appealId, String text, Words words) {
        send(userId, appealId, text, words, true);
    }

    private static void send(String recipient, Long appealId, String text, Words words, boolean toPerson) {
        if (recipient == null) {
            return;
        }
        InboxMessage m = new InboxMessage();
        m.recipient = recipient;
        m.appealId = appealId;
        m.at = Instant.now();
        m.text = text;
        m.textKey = words == null ? null : words.key();
        m.params = words == null ? null : words.json();
        m.toPerson = toPerson;
        m.persist();
    }
}
