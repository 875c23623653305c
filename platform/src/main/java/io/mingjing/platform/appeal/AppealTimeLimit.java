package io.mingjing.platform.appeal;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Embeddable;
import jakarta.persistence.EmbeddedId;
import jakarta.persistence.Entity;
import jakarta.persistence.Table;
import java.io.Serializable;

/** The hours a county allows a case of one kind in one step; the clock restarts at each step. */
@Entity
@Table(name = "appeal_time_limit")
public class AppealTimeLimit extends PanacheEntityBase {

    @Embeddable
    public record Key(String kind, String state) implements Serializable {
    }

    @EmbeddedId
    public Key key;

    public int hours;
}
