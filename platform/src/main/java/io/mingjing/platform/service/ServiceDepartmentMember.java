package io.mingjing.platform.service;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.IdClass;
import jakarta.persistence.Table;
import java.io.Serializable;

/** A department's reviewer: a department-staff account that decides a review step for the department. */
@Entity
@Table(name = "service_department_member")
@IdClass(ServiceDepartmentMember.Key.class)
public class ServiceDepartmentMember extends PanacheEntityBase {

    /** The composite key: a department and one of its accounts. */
    public static class Key implements Serializable {
        public String department;
        public String username;

        @Override
        public boolean equals(Object o) {
            return o instanceof Key k && java.util.Objects.equals(department, k.department)
                    && java.util.Objects.equals(username, k.username);
        }

        @Override
        public int hashCode() {
            return java.util.Objects.hash(department, username);
        }
    }

    @Id
    public String department;

    @Id
    public String username;
}
