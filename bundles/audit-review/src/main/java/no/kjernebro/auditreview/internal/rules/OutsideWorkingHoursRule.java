package no.kjernebro.auditreview.internal.rules;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import no.kjernebro.api.audit.StoredAuditRecord;

/**
 * OUTSIDE_WORKING_HOURS: lookups outside the tenant's configured working hours, one finding per
 * health worker and day. Off unless working hours are configured, since much municipal care runs
 * around the clock.
 */
final class OutsideWorkingHoursRule implements ReviewRule {

    static final String ID = "OUTSIDE_WORKING_HOURS";

    @Override
    public String id() {
        return ID;
    }

    @Override
    public boolean applies(ReviewDay day) {
        return day.settings().workingHours() != null;
    }

    @Override
    public List<Candidate> evaluate(ReviewDay day) {
        ReviewSettings s = day.settings();
        List<StoredAuditRecord> outside = day.records().stream()
                .filter(r -> !s.workingHours().contains(r.entry().time().atZone(s.timeZone()).toLocalDateTime()))
                .toList();
        List<Candidate> result = new ArrayList<>();
        for (Map.Entry<String, List<StoredAuditRecord>> g : Describe.groupBy(outside, r -> Describe.actorKey(r.entry())).entrySet()) {
            List<StoredAuditRecord> records = g.getValue();
            String times = String.join(", ", records.stream().limit(5).map(r -> Describe.time(r, s.timeZone())).toList())
                    + (records.size() > 5 ? " ..." : "");
            result.add(new Candidate(ID, Describe.key(ID, g.getKey(), day.date().toString()), g.getKey(), null, records,
                    records.size() + " oppslag utenfor arbeidstid (" + s.workingHours() + ") av "
                    + Describe.actor(records.get(0).entry()) + " " + Describe.date(day.date()) + " kl. " + times + "."));
        }
        return result;
    }
}
