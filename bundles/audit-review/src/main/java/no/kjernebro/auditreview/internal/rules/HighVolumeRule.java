package no.kjernebro.auditreview.internal.rules;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import no.kjernebro.api.audit.StoredAuditRecord;

/** HIGH_VOLUME: a health worker looked up more distinct patients in a day than the tenant expects. */
final class HighVolumeRule implements ReviewRule {

    static final String ID = "HIGH_VOLUME";

    @Override
    public String id() {
        return ID;
    }

    @Override
    public List<Candidate> evaluate(ReviewDay day) {
        int max = day.settings().maxPatientsPerActorPerDay();
        List<Candidate> result = new ArrayList<>();
        for (Map.Entry<String, List<StoredAuditRecord>> g : Describe.groupBy(day.records(), r -> Describe.actorKey(r.entry())).entrySet()) {
            long patients = g.getValue().stream().map(r -> r.entry().patientId()).filter(Objects::nonNull).distinct().count();
            if (patients <= max) {
                continue;
            }
            result.add(new Candidate(ID, Describe.key(ID, g.getKey(), day.date().toString()), g.getKey(), null,
                    g.getValue(), patients + " ulike pasienter slått opp av " + Describe.actor(g.getValue().get(0).entry())
                    + " " + Describe.date(day.date()) + " (grense " + max + " per dag)."));
        }
        return result;
    }
}
