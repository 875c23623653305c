package io.mingjing.platform.appeal;

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

/** One step on a case's timeline: who did what, when, with which note. */
@Entity
@Table(name = "appeal_step")
public class AppealStep extends PanacheEntityBase {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;

    @Column(name = "appeal_id")
    public Long appealId;

    public Instant at;

    public String actor;

    public String action;

    @Enumerated(EnumType.STRING)
    @Column(name = "to_state")
    public AppealState toState;

    public String note;
}
