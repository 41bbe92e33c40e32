package no.kjernebro.auditreview.internal.rules;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import no.kjernebro.api.audit.StoredAuditRecord;
import no.kjernebro.api.lookup.Outcome;

/**
 * REFUSED_ATTEMPTS: a health worker refused {@code refused.minAttempts} times in a day, or refused
 * once for a reason that is itself a warning sign (someone else's token, a patient who has blocked
 * them). One finding per health worker and day.
 */
final class RefusedAttemptsRule implements ReviewRule {

    static final String ID = "REFUSED_ATTEMPTS";

    @Override
    public String id() {
        return ID;
    }

    @Override
    public List<Candidate> evaluate(ReviewDay day) {
        List<StoredAuditRecord> refused = day.records().stream()
                .filter(r -> r.entry().outcome() == Outcome.REFUSED).toList();
        List<Candidate> result = new ArrayList<>();
        for (Map.Entry<String, List<StoredAuditRecord>> g : Describe.groupBy(refused, r -> Describe.actorKey(r.entry())).entrySet()) {
            List<StoredAuditRecord> records = g.getValue();
            TreeSet<String> serious = new TreeSet<>();
            for (StoredAuditRecord r : records) {
                if (r.entry().reasonCode() != null && day.settings().refusedImmediateCodes().contains(r.entry().reasonCode())) {
                    serious.add(r.entry().reasonCode());
                }
            }
            if (records.size() < day.settings().refusedMinAttempts() && serious.isEmpty()) {
                continue;
            }
            String description = records.size() + " avviste oppslag av " + Describe.actor(records.get(0).entry())
                    + " " + Describe.date(day.date()) + " (grense " + day.settings().refusedMinAttempts() + " per dag)"
                    + (serious.isEmpty() ? "" : ", herunder " + String.join(", ", serious)) + ".";
            result.add(new Candidate(ID, Describe.key(ID, g.getKey(), day.date().toString()), g.getKey(), null,
                    records, description));
        }
        return result;
    }
}
