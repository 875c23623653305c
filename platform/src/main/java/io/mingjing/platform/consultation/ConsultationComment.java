package io.mingjing.platform.consultation;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;

/** A word in a topic's discussion, kept as written; the village hides what breaks its rules, with a note. */
@Entity
@Table(name = "consultation_comment")
public class ConsultationComment extends PanacheEntityBase {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;

    @Column(name = "consultation_id")
    public Long consultationId;

    public String author;

    @Column(name = "user_id")
    public String userId;

    public String body;

    public Instant at;

    public boolean hidden;

    @Column(name = "moderated_by")
    public String moderatedBy;

    @Column(name = "moderation_note")
    public String moderationNote;
}
