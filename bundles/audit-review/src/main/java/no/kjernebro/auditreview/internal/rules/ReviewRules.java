package no.kjernebro.auditreview.internal.rules;

import java.util.ArrayList;
import java.util.List;

/** The rules, in the order findings are produced, and the ones a tenant has enabled. */
public final class ReviewRules {

    private static final List<ReviewRule> ALL = List.of(new EmergencyAccessRule(), new RefusedAttemptsRule(),
            new HighVolumeRule(), new OutsideWorkingHoursRule(), new OutsideCareRelationshipRule(), new SameSurnameRule());

    /** Every rule id, for configuration checks and shell completion. */
    public static final List<String> IDS = ALL.stream().map(ReviewRule::id).toList();

    private ReviewRules() {
    }

    /** Runs the tenant's enabled rules over one day. */
    static List<Candidate> evaluate(ReviewDay day) {
        List<Candidate> result = new ArrayList<>();
        for (ReviewRule rule : ALL) {
            if (day.settings().enabled(rule.id()) && rule.applies(day)) {
                result.addAll(rule.evaluate(day));
            }
        }
        return result;
    }
}
