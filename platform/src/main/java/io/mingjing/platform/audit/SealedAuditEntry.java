package io.mingjing.platform.audit;

import jakarta.persistence.Entity;
import jakarta.persistence.Table;

/**
 * An entry of the county's sealed chain: the writes and reads of reports (举报), verified by the
 * inspectors only, so that no one else can tell from the public chain when a report was filed or read.
 */
@Entity
@Table(name = "sealed_audit_entry")
public class SealedAuditEntry extends AuditRecord {
}
