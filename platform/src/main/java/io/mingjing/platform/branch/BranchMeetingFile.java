package io.mingjing.platform.branch;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Basic;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.FetchType;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;

/** A photo or attachment of a branch meeting, of the kinds the file rules accept. */
@Entity
@Table(name = "branch_meeting_file")
public class BranchMeetingFile extends PanacheEntityBase {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;

    @Column(name = "meeting_id")
    public Long meetingId;

    public String filename;

    @Column(name = "content_type")
    public String contentType;

    @Basic(fetch = FetchType.LAZY)
    public byte[] data;

    public String sha256;

    @Column(name = "added_by")
    public String addedBy;

    @Column(name = "added_at")
    public Instant addedAt;
}
