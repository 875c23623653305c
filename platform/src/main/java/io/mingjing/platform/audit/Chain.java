package io.mingjing.platform.audit;

import java.util.function.Supplier;

/** A county's two hash chains, each with its own head row in {@code audit_head}. */
public enum Chain {
    PUBLIC(1, AuditEntry.class, AuditEntry::new, "audit_entry"),
    SEALED(2, SealedAuditEntry.class, SealedAuditEntry::new, "sealed_audit_entry");

    final int head;
    final Class<? extends AuditRecord> type;
    final Supplier<AuditRecord> entry;
    final String table;

    Chain(int head, Class<? extends AuditRecord> type, Supplier<AuditRecord> entry, String table) {
        this.head = head;
        this.type = type;
        this.entry = entry;
        this.table = table;
    }
}
