package no.kjernebro.core.internal.admin;

import java.util.ArrayList;
import java.util.List;
import no.kjernebro.api.audit.AuditEntry;
import no.kjernebro.api.audit.AuditLog;
import no.kjernebro.api.audit.AuditReceipt;
import no.kjernebro.api.audit.AuditUnavailableException;

/** Keeps what it is given; can be switched to fail as a store that is down does. */
final class RecordingAuditLog implements AuditLog {

    final List<AuditEntry> entries = new ArrayList<>();
    boolean down;

    @Override
    public AuditReceipt append(AuditEntry entry) throws AuditUnavailableException {
        if (down) {
            throw new AuditUnavailableException("audit database unreachable", null);
        }
        entries.add(entry);
        return new AuditReceipt("ref-" + entries.size(), entries.size(), "0".repeat(64));
    }

    AuditEntry last() {
        return entries.get(entries.size() - 1);
    }
}
