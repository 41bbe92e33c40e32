package no.kjernebro.auditreview.internal.rules;

import java.util.List;
import no.kjernebro.api.audit.StoredAuditRecord;

/**
 * What a rule flagged, before the store decides whether it is new. The group key names the thing
 * being flagged (one emergency access; one health worker's day; one health worker and patient on one
 * day); a record linked under a group key once is never linked under it again.
 */
record Candidate(String rule, String groupKey, String actorId, String patientId, List<StoredAuditRecord> records,
                 String description) {

    Candidate {
        records = List.copyOf(records);
    }
}
