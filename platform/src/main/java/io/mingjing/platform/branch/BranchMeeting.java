package io.mingjing.platform.branch;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;

/** 网上支部: one meeting of a village's party branch with its full minutes, read by the branch's members. */
@Entity
@Table(name = "branch_meeting")
public class BranchMeeting extends PanacheEntityBase {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;

    public String village;

    public String title;

    @Column(name = "held_at")
    public Instant heldAt;

    public String minutes;

    @Column(name = "recorded_by")
    public String recordedBy;

    @Column(name = "recorder_user_id")
    public String recorderUserId;

    @Column(name = "created_at")
    public Instant createdAt;
}
