package io.mingjing.platform.disclosure;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

/**
 * 三务公开: one version of a disclosure of a village. Drafted by a cadre, reviewed by a town official;
 * once published it is never changed again except to point at the version that corrects it.
 */
@Entity
@Table(name = "disclosure")
public class Disclosure extends PanacheEntityBase {

    public enum Category {
        PARTY, VILLAGE, FINANCE
    }

    public enum Visibility {
        PUBLIC, RESIDENTS
    }

    public enum Status {
        DRAFT, SUBMITTED, RETURNED, PUBLISHED
    }

    /** A line of an income/expense table. */
    public record Line(String label, String kind, BigDecimal amount) {
    }

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;

    @Column(name = "series_id")
    public Long seriesId;

    public int version;

    @Column(name = "village_code")
    public String villageCode;

    @Enumerated(EnumType.STRING)
    public Category category;

    public String title;

    public String period;

    public String body;

    @JdbcTypeCode(SqlTypes.JSON)
    public List<Line> lines;

    @Enumerated(EnumType.STRING)
    public Visibility visibility;

    @Enumerated(EnumType.STRING)
    public Status status;

    @Column(name = "correction_reason")
    public String correctionReason;

    @Column(name = "return_reason")
    public String returnReason;

    @Column(name = "superseded_by")
    public Long supersededBy;

    public String author;

    public String reviewer;

    @Column(name = "created_at")
    public Instant createdAt;

    @Column(name = "submitted_at")
    public Instant submittedAt;

    @Column(name = "published_at")
    public Instant publishedAt;

    @Column(name = "audit_seq")
    public Long auditSeq;

    @Column(name = "audit_hash")
    public String auditHash;

    public boolean published() {
        return status == Status.PUBLISHED;
    }

    /** How many lines of a kind: a total is worth showing for two or more. */
    public long count(String kind) {
        return lines == null ? 0 : lines.stream().filter(l -> kind.equals(l.kind())).count();
    }

    public BigDecimal total(String kind) {
        return lines == null ? BigDecimal.ZERO : lines.stream().filter(l -> kind.equals(l.kind()))
                .map(Line::amount).reduce(BigDecimal.ZERO, BigDecimal::add);
    }
}
