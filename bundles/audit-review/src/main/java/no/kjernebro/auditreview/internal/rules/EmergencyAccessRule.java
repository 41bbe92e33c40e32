package no.kjernebro.auditreview.internal.rules;

import java.util.ArrayList;
import java.util.List;
import no.kjernebro.api.audit.AuditEntry;
import no.kjernebro.api.audit.StoredAuditRecord;

/** HPAKUTT: every emergency access is reviewed, one finding per access (refused attempts included). */
final class EmergencyAccessRule implements ReviewRule {

    static final String ID = "HPAKUTT";

    @Override
    public String id() {
        return ID;
    }

    @Override
    public List<Candidate> evaluate(ReviewDay day) {
        List<Candidate> result = new ArrayList<>();
        for (StoredAuditRecord r : day.records()) {
            AuditEntry e = r.entry();
            if (ID.equalsIgnoreCase(e.accessBasis()) || "HPAKUTT_REVIEW".equals(e.reasonCode()) || e.markedForReview()) {
                result.add(new Candidate(ID, Describe.key(ID, r.reference()), Describe.actorKey(e), e.patientId(),
                        List.of(r), "Akuttilgang (HPAKUTT) til " + Describe.patient(e.patientId()) + " av "
                        + Describe.actor(e) + " " + Describe.date(day.date()) + " kl. "
                        + Describe.time(r, day.settings().timeZone()) + ", utfall " + e.outcome() + "."));
            }
        }
        return result;
    }
}
