package no.kjernebro.medicationsweep.internal;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import no.kjernebro.api.audit.AuditEntry;
import no.kjernebro.api.audit.AuditLog;
import no.kjernebro.api.audit.AuditReceipt;
import no.kjernebro.api.audit.AuditUnavailableException;

/** Keeps what it is given; can be switched to fail like a store that is down. */
final class RecordingAuditLog implements AuditLog {

    final List<AuditEntry> entries = new CopyOnWriteArrayList<>();
    volatile boolean down;

    @Override
    public AuditReceipt append(AuditEntry entry) throws AuditUnavailableException {
        if (down) {
            throw new AuditUnavailableException("simulated: audit store down", null);
        }
        entries.add(entry);
        return new AuditReceipt("audit-" + entries.size(), entries.size(), "0".repeat(64));
    }

    List<AuditEntry> withReason(String reasonCode) {
        return entries.stream().filter(e -> reasonCode.equals(e.reasonCode())).toList();
    }
}
