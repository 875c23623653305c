package io.mingjing.platform.service;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;

/** One line of an application's progress, as the resident's phone shows it: filed, taken on, reviewed, 补正, done. */
@Entity
@Table(name = "service_line")
public class ServiceLine extends PanacheEntityBase {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;

    @Column(name = "application_id")
    public Long applicationId;

    public int seq;

    public int stage;

    /** The review step (a department, the town) the line is about, or null. */
    public String step;

    public Instant at;

    public String actor;

    @Column(name = "user_id")
    public String userId;

    public String action;

    public String note;
}
