package no.kjernebro.auditreview.internal.rules;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import no.kjernebro.api.audit.StoredAuditRecord;

/**
 * OUTSIDE_CARE_RELATIONSHIP: a lookup of a patient who is not on the tenant's list of patients in
 * care. One finding per health worker, patient and day. Off unless a care list is configured.
 */
final class OutsideCareRelationshipRule implements ReviewRule {

    static final String ID = "OUTSIDE_CARE_RELATIONSHIP";

    @Override
    public String id() {
        return ID;
    }

    @Override
    public boolean applies(ReviewDay day) {
        return day.patientsInCare() != null;
    }

    @Override
    public List<Candidate> evaluate(ReviewDay day) {
        List<StoredAuditRecord> outside = day.records().stream()
                .filter(r -> r.entry().patientId() != null && !day.patientsInCare().contains(r.entry().patientId()))
                .toList();
        List<Candidate> result = new ArrayList<>();
        Map<String, List<StoredAuditRecord>> groups = Describe.groupBy(outside,
                r -> Describe.actorKey(r.entry()) + "|" + r.entry().patientId());
        for (List<StoredAuditRecord> records : groups.values()) {
            var e = records.get(0).entry();
            String actor = Describe.actorKey(e);
            result.add(new Candidate(ID, Describe.key(ID, actor, e.patientId(), day.date().toString()), actor,
                    e.patientId(), records, Describe.actor(e) + " slo opp " + Describe.patient(e.patientId())
                    + ", som ikke står på kommunens liste over pasienter i tjenesten, " + Describe.date(day.date())
                    + " (" + records.size() + " oppslag)."));
        }
        return result;
    }
}
