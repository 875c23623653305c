package io.mingjing.platform.staff;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;

/** A county staff account, mirrored from Keycloak so it can be listed and audited in the county. */
@Entity
@Table(name = "staff")
public class StaffMember extends PanacheEntityBase {

    @Id
    public String username;

    public String name;

    public String role;

    @Column(name = "org_unit")
    public String orgUnit;

    public String phone;

    @Column(name = "user_id")
    public String userId;

    public boolean enabled = true;

    @Column(name = "created_at")
    public Instant createdAt;
}
