package io.mingjing.platform.payment;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/** A benefit programme (项目) payments are made under, linked to the policy that grants it. */
@Entity
@Table(name = "programme")
public class Programme extends PanacheEntityBase {

    @Id
    public String name;

    @Column(name = "policy_id")
    public Long policyId;
}
