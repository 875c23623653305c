package io.mingjing.platform.villagepost;

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

/** A village's rules (制度公约) and honours (荣誉), published by its cadres. */
@Entity
@Table(name = "village_post")
public class VillagePost extends PanacheEntityBase {

    public enum Kind {
        RULE, HONOUR
    }

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;

    @Column(name = "village_code")
    public String villageCode;

    @Enumerated(EnumType.STRING)
    public Kind kind;

    public String title;

    public String body;

    @Column(name = "published_at")
    public Instant publishedAt;

    @Column(name = "audit_hash")
    public String auditHash;
}
