package io.mingjing.platform.policy;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;

/** 惠民政策: a policy of the county's library, public, with questions and answers. */
@Entity
@Table(name = "policy")
public class Policy extends PanacheEntityBase {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;

    public String title;

    public String category;

    public String department;

    public String summary;

    public String body;

    @Column(name = "published_at")
    public Instant publishedAt;
}
