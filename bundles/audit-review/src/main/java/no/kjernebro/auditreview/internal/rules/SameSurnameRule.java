package no.kjernebro.auditreview.internal.rules;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import no.kjernebro.api.audit.StoredAuditRecord;

/**
 * SAME_SURNAME: the patient's surname equals the health worker's, a sign of looking up family. Only
 * when both names are known (the patient's name is recorded only when kjernejournal returned it).
 * One finding per health worker, patient and day.
 */
final class SameSurnameRule implements ReviewRule {

    static final String ID = "SAME_SURNAME";

    @Override
    public String id() {
        return ID;
    }

    @Override
    public List<Candidate> evaluate(ReviewDay day) {
        List<StoredAuditRecord> same = day.records().stream()
                .filter(r -> r.entry().patientId() != null && Surnames.same(r.entry().patientName(), r.entry().actorName()))
                .toList();
        List<Candidate> result = new ArrayList<>();
        Map<String, List<StoredAuditRecord>> groups = Describe.groupBy(same,
                r -> Describe.actorKey(r.entry()) + "|" + r.entry().patientId());
        for (List<StoredAuditRecord> records : groups.values()) {
            var e = records.get(0).entry();
            String actor = Describe.actorKey(e);
            result.add(new Candidate(ID, Describe.key(ID, actor, e.patientId(), day.date().toString()), actor,
                    e.patientId(), records, Describe.actor(e) + " slo opp " + Describe.patient(e.patientId())
                    + " med samme etternavn (" + String.join("-", Surnames.of(e.patientName())) + ") "
                    + Describe.date(day.date()) + " (" + records.size() + " oppslag)."));
        }
        return result;
    }
}
