package io.mingjing.platform.policy;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/** A question and its answer about a policy, in the order they are shown. */
@Entity
@Table(name = "policy_qa")
public class PolicyQa extends PanacheEntityBase {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;

    @Column(name = "policy_id")
    public Long policyId;

    public int position;

    public String question;

    public String answer;
}
