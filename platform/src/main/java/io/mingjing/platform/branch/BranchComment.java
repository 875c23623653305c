package io.mingjing.platform.branch;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;

/** A member's comment on a meeting, kept as written (escaped on output). */
@Entity
@Table(name = "branch_meeting_comment")
public class BranchComment extends PanacheEntityBase {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;

    @Column(name = "meeting_id")
    public Long meetingId;

    public String author;

    @Column(name = "user_id")
    public String userId;

    public String body;

    public Instant at;
}
