package no.kjernebro.auditreview.internal.rules;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import no.kjernebro.api.audit.AuditEntry;
import no.kjernebro.api.audit.AuditPage;
import no.kjernebro.api.audit.AuditQuery;
import no.kjernebro.api.audit.AuditTrail;
import no.kjernebro.api.audit.AuditUnavailableException;
import no.kjernebro.api.audit.StoredAuditRecord;

/** Reads a tenant's patient lookups from the audit trail, page by page. Only PATIENT_LOOKUP records are reviewed. */
final class AuditRecords {

    private static final Set<AuditEntry.EventType> LOOKUPS = Set.of(AuditEntry.EventType.PATIENT_LOOKUP);

    private final AuditTrail trail;

    AuditRecords(AuditTrail trail) {
        this.trail = trail;
    }

    /** The lookups of one local day, oldest first. */
    List<StoredAuditRecord> day(String kommunenummer, LocalDate date, ZoneId zone) throws AuditUnavailableException {
        AuditQuery query = AuditQuery.all().chain(kommunenummer).types(LOOKUPS)
                .period(date.atStartOfDay(zone).toInstant(), date.plusDays(1).atStartOfDay(zone).toInstant())
                .page(0, AuditQuery.MAX_LIMIT);
        List<StoredAuditRecord> result = new ArrayList<>();
        while (true) {
            AuditPage page = trail.search(query);
            for (StoredAuditRecord r : page.records()) {
                if (r.entry().type() == AuditEntry.EventType.PATIENT_LOOKUP) {
                    result.add(r);
                }
            }
            if (!page.hasMore()) {
                return result;
            }
            query = query.page(page.nextCursor(), AuditQuery.MAX_LIMIT);
        }
    }

    /**
     * Lookups committed after {@code afterSeq}.
     *
     * @param days the local days they fall on
     * @param lastSeq the highest sequence number seen, {@code afterSeq} when there were none
     */
    record NewRecords(Set<LocalDate> days, long lastSeq) {
    }

    NewRecords after(String kommunenummer, long afterSeq, ZoneId zone) throws AuditUnavailableException {
        AuditQuery query = AuditQuery.all().chain(kommunenummer).types(LOOKUPS).page(afterSeq, AuditQuery.MAX_LIMIT);
        Set<LocalDate> days = new TreeSet<>();
        long last = afterSeq;
        while (true) {
            AuditPage page = trail.search(query);
            for (StoredAuditRecord r : page.records()) {
                days.add(r.entry().time().atZone(zone).toLocalDate());
                last = Math.max(last, r.seq());
            }
            if (!page.hasMore()) {
                return new NewRecords(days, last);
            }
            query = query.page(page.nextCursor(), AuditQuery.MAX_LIMIT);
        }
    }

    static Instant startOf(LocalDate date, ZoneId zone) {
        return date.atStartOfDay(zone).toInstant();
    }
}
