package no.kjernebro.auditreview.internal.rules;

import java.util.ArrayList;
import java.util.List;
import no.kjernebro.api.audit.AuditEntry;
import no.kjernebro.api.audit.AuditLog;
import no.kjernebro.api.audit.AuditReceipt;
import no.kjernebro.api.audit.AuditUnavailableException;
import no.kjernebro.api.audit.StoredAuditRecord;

/** An audit log that appends to a fake trail, or fails like a store that is down. */
public final class FakeAuditLog implements AuditLog {

    public final List<AuditEntry> appended = new ArrayList<>();
    private final FakeAuditTrail trail;
    public boolean down;

    public FakeAuditLog(FakeAuditTrail trail) {
        this.trail = trail;
    }

    @Override
    public AuditReceipt append(AuditEntry entry) throws AuditUnavailableException {
        if (down) {
            throw new AuditUnavailableException("audit store down", null);
        }
        appended.add(entry);
        StoredAuditRecord r = trail.add(entry);
        return new AuditReceipt(r.reference(), r.chainSeq(), r.hash());
    }
}
