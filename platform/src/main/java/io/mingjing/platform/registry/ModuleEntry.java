package io.mingjing.platform.registry;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/** A module the platform can offer to counties: built in, or contributed by a plugin. */
@Entity
@Table(name = "module")
public class ModuleEntry extends PanacheEntityBase {

    @Id
    public String id;

    public String version;

    public String name;

    public String description;

    /** {@code builtin} or {@code plugin}. */
    public String source;
}
