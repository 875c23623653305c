package io.mingjing.platform.powerlist;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.util.List;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

/** 小微权力清单: one village power, its legal basis, who holds it, and the steps it must follow. */
@Entity
@Table(name = "power_item")
public class PowerItem extends PanacheEntityBase {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;

    /** Null: the item applies to every village of the county. */
    @Column(name = "village_code")
    public String villageCode;

    public String category;

    public String title;

    @Column(name = "legal_basis")
    public String legalBasis;

    @Column(name = "responsible_role")
    public String responsibleRole;

    @JdbcTypeCode(SqlTypes.JSON)
    public List<String> steps;

    public int position;
}
