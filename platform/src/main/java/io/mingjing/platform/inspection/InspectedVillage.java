package io.mingjing.platform.inspection;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/** A village of a round: its place in the draw and its current result (the versions are {@link InspectionResult}s). */
@Entity
@Table(name = "inspection_village")
public class InspectedVillage extends PanacheEntityBase {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;

    @Column(name = "round_id")
    public long roundId;

    public String village;

    public String town;

    public int draw;

    /** Null until the first result is recorded. */
    @Enumerated(EnumType.STRING)
    public InspectionResult.Outcome result;

    public int version;
}
