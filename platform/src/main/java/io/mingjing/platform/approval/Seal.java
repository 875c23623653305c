package io.mingjing.platform.approval;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/** A seal of a village (村委会公章, 村党组织印章, 财务专用章 …), known by village and name. */
@Entity
@Table(name = "seal")
public class Seal extends PanacheEntityBase {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;

    public String village;

    public String name;

    public String keeper;
}
