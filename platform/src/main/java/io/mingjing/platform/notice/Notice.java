package io.mingjing.platform.notice;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;

/** 村社通知: a notice to the whole county, a town or a village, shown in those portals and inboxes. */
@Entity
@Table(name = "notice")
public class Notice extends PanacheEntityBase {

    public enum Target {
        COUNTY, TOWN, VILLAGE
    }

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;

    public String title;

    public String body;

    @Enumerated(EnumType.STRING)
    @Column(name = "target_level")
    public Target targetLevel;

    /** The town or village; null for the whole county. */
    @Column(name = "target_code")
    public String targetCode;

    public String author;

    @Column(name = "published_at")
    public Instant publishedAt;

    @Column(name = "audit_hash")
    public String auditHash;
}
