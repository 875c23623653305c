package io.mingjing.platform.branch;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;

/**
 * The party-member attribute of an account, a resident's or a staff member's alike: which village's
 * branch (党支部) the member belongs to. A member belongs to one branch, where they live notwithstanding.
 */
@Entity
@Table(name = "branch_member")
public class BranchMember extends PanacheEntityBase {

    public static final String RESIDENT = "RESIDENT";
    public static final String STAFF = "STAFF";

    @Id
    @Column(name = "user_id")
    public String userId;

    public String village;

    public String kind;

    public String name;

    @Column(name = "added_by")
    public String addedBy;

    @Column(name = "added_at")
    public Instant addedAt;
}
