package no.kjernebro.auditreview.internal.http.fakes;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import no.kjernebro.api.audit.AuditEntry;
import no.kjernebro.api.audit.AuditLog;
import no.kjernebro.api.audit.AuditReceipt;
import no.kjernebro.api.audit.AuditUnavailableException;

/** Collects what is appended; can be told to fail like a store that is down. */
public final class FakeAuditLog implements AuditLog {

    public final List<AuditEntry> entries = new CopyOnWriteArrayList<>();
    public volatile boolean unavailable;

    @Override
    public AuditReceipt append(AuditEntry entry) throws AuditUnavailableException {
        if (unavailable) {
            throw new AuditUnavailableException("store down", null);
        }
        entries.add(entry);
        return new AuditReceipt(String.format("KJB-A%011d", entries.size()), entries.size(), "00");
    }

    public AuditEntry last() {
        return entries.get(entries.size() - 1);
    }
}
