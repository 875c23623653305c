package io.mingjing.platform.audit;

import jakarta.persistence.Entity;
import jakarta.persistence.Table;

/** An entry of the county's public chain: anyone may verify it. */
@Entity
@Table(name = "audit_entry")
public class AuditEntry extends AuditRecord {
}
