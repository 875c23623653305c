package io.mingjing.platform.inbox;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;

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

    /** A person's message: modules' notification channels deliver it too. */
    @Column(name = "to_person")
    public boolean toPerson;

    /** To whoever handles at a unit address (org unit code, "inspectors", a department). */
    public static void toUnit(String address, Long appealId, String text) {
        send(address, appealId, text, false);
    }

    /** To one person by user id or {@code tel:<phone>} (no account); nobody (an anonymous reporter) when null. */
    public static void toPerson(String userId, Long appealId, String text) {
        send(userId, appealId, text, true);
    }

    private static void send(String recipient, Long appealId, String text, boolean toPerson) {
        if (recipient == null) {
            return;
        }
        InboxMessage m = new InboxMessage();
        m.recipient = recipient;
        m.appealId = appealId;
        m.at = Instant.now();
        m.text = text;
        m.toPerson = toPerson;
        m.persist();
    }
}
