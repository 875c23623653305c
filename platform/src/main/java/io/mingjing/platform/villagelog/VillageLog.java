package io.mingjing.platform.villagelog;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

/** 村情记录: what a cadre did or saw in the village, where and when; public ones are read by residents too. */
@Entity
@Table(name = "village_log")
public class VillageLog extends PanacheEntityBase {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;

    public String village;

    public String town;

    public String author;

    @Column(name = "author_user_id")
    public String authorUserId;

    public String body;

    public String place;

    @JdbcTypeCode(SqlTypes.ARRAY)
    public String[] tags;

    @Column(name = "public")
    public boolean open;

    public Instant at;

    /** {@link Grams#of} of the body, place and tags. */
    @JdbcTypeCode(SqlTypes.ARRAY)
    public String[] grams;

    @Column(name = "search_text")
    public String searchText;
}
